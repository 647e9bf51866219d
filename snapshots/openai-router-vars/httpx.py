# pip install httpx

import os

import httpx

API_URL = "https://router.huggingface.co/v1/chat/completions"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
    "X-HF-Bill-To": (os.environ.get("HF_ORG") or "my-org"),
}
payload = {
    "model": os.environ["MODEL"],
    "messages": [
        {
            "role": "user",
            "content": "What is the capital of France?",
        },
    ],
    "max_tokens": 512,
}

response = httpx.post(API_URL, headers=headers, json=payload, timeout=None)
response.raise_for_status()
print(response.json())
