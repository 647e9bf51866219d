# pip install httpx

import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/kokoro"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "inputs": "The answer to the universe is 42",
    "parameters": {"do_sample": True, "speaker": "af_heart"},
}

response = httpx.post(API_URL, headers=headers, json=payload, timeout=None)
response.raise_for_status()

with open("text-to-speech.flac", "wb") as f:
    f.write(response.content)
