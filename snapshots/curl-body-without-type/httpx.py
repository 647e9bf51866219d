# pip install httpx

import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/raw"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
}
content = "just bytes".encode()

response = httpx.post(API_URL, headers=headers, content=content, timeout=None)
response.raise_for_status()
print(response.text)
