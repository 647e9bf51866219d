# pip install requests

import requests

API_URL = "https://xyz.endpoints.huggingface.cloud/wav2vec-asr"
headers = {
    "Authorization": "Bearer hf_***",
    "Content-Type": "audio/x-flac",
}

with open("sample1.flac", "rb") as f:
    data = f.read()

response = requests.post(API_URL, headers=headers, data=data)
response.raise_for_status()
print(response.json())
