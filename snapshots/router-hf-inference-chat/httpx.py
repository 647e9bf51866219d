# pip install httpx

import json
import os

import httpx

API_URL = "https://router.huggingface.co/hf-inference/models/HuggingFaceTB/SmolLM3-3B/v1/chat/completions"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "model": "HuggingFaceTB/SmolLM3-3B",
    "messages": [
        {"role": "user", "content": "Tell me a story"},
    ],
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
