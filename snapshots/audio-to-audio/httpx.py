# pip install httpx

import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/sepformer"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "audio/flac",
}

with open("mixture.flac", "rb") as f:
    content = f.read()

response = httpx.post(API_URL, headers=headers, content=content, timeout=None)
response.raise_for_status()
print(response.json())
