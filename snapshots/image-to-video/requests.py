# pip install requests

import os

import requests

API_URL = "https://xyz.endpoints.huggingface.cloud/wan-i2v"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "image/png",
}

with open("cat.png", "rb") as f:
    data = f.read()

response = requests.post(API_URL, headers=headers, data=data)
response.raise_for_status()

with open("image-to-video.mp4", "wb") as f:
    f.write(response.content)
