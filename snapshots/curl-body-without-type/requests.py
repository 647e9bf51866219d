# pip install requests

import os

import requests

API_URL = "https://xyz.endpoints.huggingface.cloud/raw"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
}
data = "just bytes".encode()

response = requests.post(API_URL, headers=headers, data=data)
response.raise_for_status()
print(response.text)
