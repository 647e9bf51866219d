# pip install httpx

import base64
import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/vilt-vqa"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "inputs": {
        "question": "How many cats are lying down?",
        "image": base64.b64encode(open("cat.png", "rb").read()).decode(),
    },
}

response = httpx.post(API_URL, headers=headers, json=payload, timeout=None)
response.raise_for_status()
print(response.json())
