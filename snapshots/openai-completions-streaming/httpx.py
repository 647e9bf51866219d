# pip install httpx

import os

import httpx

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
        print(data, flush=True)
