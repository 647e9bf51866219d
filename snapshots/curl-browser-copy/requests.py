# pip install requests

import json

import requests

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

response = requests.post(API_URL, headers=headers, json=payload, stream=True)
response.raise_for_status()
for line in response.iter_lines():
    if not line.startswith(b"data:"):
        continue
    data = line[len(b"data:"):].strip()
    if data == b"[DONE]":
        break
    for choice in json.loads(data).get("choices", []):
        print(choice["delta"].get("content") or "", end="", flush=True)
print()
