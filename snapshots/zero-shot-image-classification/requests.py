# pip install requests

import os

import requests

API_URL = "https://xyz.endpoints.huggingface.cloud/clip"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "inputs": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "parameters": {
        "candidate_labels": ["cat", "dog", "llama"],
    },
}

response = requests.post(API_URL, headers=headers, json=payload)
response.raise_for_status()
print(response.json())
