# pip install httpx

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/wav2vec-asr"
headers = {
    "Authorization": "Bearer hf_***",
    "Content-Type": "audio/x-flac",
}

with open("sample1.flac", "rb") as f:
    content = f.read()

response = httpx.post(API_URL, headers=headers, content=content, timeout=None)
response.raise_for_status()
print(response.json())
