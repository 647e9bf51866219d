# pip install httpx

import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/vit-base"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "image/jpeg",
}

with open("cats.jpg", "rb") as f:
    content = f.read()

response = httpx.post(API_URL, headers=headers, content=content, timeout=None)
response.raise_for_status()
print(response.json())
