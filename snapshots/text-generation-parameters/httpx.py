# pip install httpx

import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/gpt2-endpoint"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "inputs": "The answer to the universe is",
    "parameters": {
        "max_new_tokens": 50,
        "temperature": 0.7,
        "top_p": 0.95,
        "return_full_text": False,
    },
}

response = httpx.post(API_URL, headers=headers, json=payload, timeout=None)
response.raise_for_status()
print(response.json())
