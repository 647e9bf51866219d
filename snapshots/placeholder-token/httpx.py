# pip install httpx

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment"
headers = {
    "Authorization": "Bearer hf_***",
    "Content-Type": "application/json",
}
payload = {
    "inputs": "I like you. I love you",
}

response = httpx.post(API_URL, headers=headers, json=payload, timeout=None)
response.raise_for_status()
print(response.json())
