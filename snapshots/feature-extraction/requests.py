# pip install requests

import os

import requests

API_URL = "https://xyz.endpoints.huggingface.cloud/bge-small"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "inputs": "Today is a sunny day and I will get some ice cream.",
    "normalize": True,
}

response = requests.post(API_URL, headers=headers, json=payload)
response.raise_for_status()
print(response.json())
