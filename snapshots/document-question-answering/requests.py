# pip install requests

import base64
import os

import requests

API_URL = "https://xyz.endpoints.huggingface.cloud/layoutlm"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "inputs": {
        "question": "What is the invoice number?",
        "image": base64.b64encode(open("invoice.png", "rb").read()).decode(),
    },
    "parameters": {"top_k": 2},
}

response = requests.post(API_URL, headers=headers, json=payload)
response.raise_for_status()
print(response.json())
