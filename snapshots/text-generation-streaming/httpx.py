# pip install httpx

import json
import os

import httpx

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

with httpx.stream(
    "POST",
    API_URL,
    headers=headers,
    json=payload,
    timeout=None,
) as response:
    response.raise_for_status()
    for line in response.iter_lines():
        if not line.startswith("data:"):
            continue
        data = line[len("data:"):].strip()
        if data == "[DONE]":
            break
        print(json.loads(data)["token"]["text"], end="", flush=True)
print()
