# pip install requests

import os

import requests

API_URL = "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
    "X-HF-Bill-To": "my-org",
}
payload = {
    "inputs": "Billed to my organisation",
}

response = requests.post(API_URL, headers=headers, json=payload)
response.raise_for_status()
print(response.json())
