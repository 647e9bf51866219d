# pip install httpx

import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/controlnet"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "image/png",
}

with open("cat.png", "rb") as f:
    content = f.read()

response = httpx.post(API_URL, headers=headers, content=content, timeout=None)
response.raise_for_status()

with open("image-to-image.png", "wb") as f:
    f.write(response.content)
