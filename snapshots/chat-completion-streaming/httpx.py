# pip install httpx

import json
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
        {"role": "user", "content": "What is deep learning?"},
    ],
    "max_tokens": 500,
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
        for choice in json.loads(data).get("choices", []):
            print(choice["delta"].get("content") or "", end="", flush=True)
print()
