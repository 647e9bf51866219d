# pip install httpx

import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment"
headers = {
    "Authorization": f"Bearer {os.environ['MY_HF_TOKEN']}",
    "Content-Type": "application/json",
    "X-Use-Cache": "false",
    "X-Wait-For-Model": "true",
    "Accept": "application/json",
    "X-Trace": "a=1; b=2: c",
    "X-Empty": "",
}
payload = {
    "inputs": "I like you",
}

response = httpx.post(API_URL, headers=headers, json=payload, timeout=None)
response.raise_for_status()
print(response.json())
