# pip install httpx

import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/llama/v1/chat/completions"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "model": "tgi",
    "messages": [
        {
            "role": "system",
            "content": "You are a helpful assistant.",
        },
        {"role": "user", "content": "What is deep learning?"},
    ],
    "max_tokens": 500,
    "temperature": 0.2,
}

response = httpx.post(API_URL, headers=headers, json=payload, timeout=None)
response.raise_for_status()
print(response.json())
