# pip install requests

import os

import requests

API_URL = "https://xyz.endpoints.huggingface.cloud/v1/completions"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "model": "tgi",
    "prompt": "The answer to the universe is",
    "max_tokens": 32,
    "stream": True,
}

response = requests.post(API_URL, headers=headers, json=payload, stream=True)
response.raise_for_status()
for line in response.iter_lines():
    if not line.startswith(b"data:"):
        continue
    data = line[len(b"data:"):].strip()
    if data == b"[DONE]":
        break
    print(data.decode(), flush=True)
