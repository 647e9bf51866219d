# pip install requests

import json
import os

import requests

API_URL = "https://xyz.endpoints.huggingface.cloud/tgi"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "inputs": "Once upon a time",
    "parameters": {"max_new_tokens": 20},
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
    print(json.loads(data)["token"]["text"], end="", flush=True)
print()
