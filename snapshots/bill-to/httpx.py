# pip install httpx

import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
    "X-HF-Bill-To": "my-org",
}
payload = {
    "inputs": "Billed to my organisation",
}

response = httpx.post(API_URL, headers=headers, json=payload, timeout=None)
response.raise_for_status()
print(response.json())
