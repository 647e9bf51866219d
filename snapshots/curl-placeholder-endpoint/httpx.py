# pip install httpx

import os

import httpx

API_URL = "https://<endpoint-url>/v1/chat/completions"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "model": "tgi",
    "messages": [
        {"role": "user", "content": "Hello"},
    ],
}

response = httpx.post(API_URL, headers=headers, json=payload, timeout=None)
response.raise_for_status()
print(response.json())
