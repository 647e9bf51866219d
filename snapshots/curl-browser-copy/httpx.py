# pip install httpx

import json

import httpx

API_URL = "https://router.huggingface.co/v1/chat/completions"
headers = {
    "Authorization": "Bearer hf_***",
    "Content-Type": "application/json",
    "accept": "*/*",
}
payload = {
    "model": "openai/gpt-oss-120b:groq",
    "messages": [
        {"role": "user", "content": "Say \"hi\" & wave"},
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
