# pip install requests

import os

import requests

API_URL = "https://<endpoint-url>/v1/chat/completions"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "model": "tgi",
    "messages": [
        {"role": "user", "content": "Hello"},
    ],
}

response = requests.post(API_URL, headers=headers, json=payload)
response.raise_for_status()
print(response.json())
