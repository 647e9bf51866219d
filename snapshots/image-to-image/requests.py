# pip install requests

import os

import requests

API_URL = "https://xyz.endpoints.huggingface.cloud/controlnet"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "image/png",
}

with open("cat.png", "rb") as f:
    data = f.read()

response = requests.post(API_URL, headers=headers, data=data)
response.raise_for_status()

with open("image-to-image.png", "wb") as f:
    f.write(response.content)
