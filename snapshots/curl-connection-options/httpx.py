# pip install httpx

import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "inputs": "I like you",
}

response = httpx.post(
    API_URL,
    headers=headers,
    json=payload,
    verify=False,
    timeout=httpx.Timeout(30, connect=5),
    follow_redirects=True,
)
response.raise_for_status()
print(response.text)
