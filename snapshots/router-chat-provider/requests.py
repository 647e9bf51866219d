# pip install requests

import os

import requests

API_URL = "https://router.huggingface.co/v1/chat/completions"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "model": "meta-llama/Llama-3.1-8B-Instruct:novita",
    "messages": [
        {
            "role": "user",
            "content": "What is the capital of France?",
        },
    ],
    "max_tokens": 512,
}

response = requests.post(API_URL, headers=headers, json=payload)
response.raise_for_status()
print(response.json())
