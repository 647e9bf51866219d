# pip install httpx

import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/fish-weight"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "inputs": {
        "data": {
            "Height": ["11.52", "12.48"],
            "Length1": ["23.2", "24"],
            "Width": ["4.02", "4.3056"],
        },
    },
}

response = httpx.post(API_URL, headers=headers, json=payload, timeout=None)
response.raise_for_status()
print(response.json())
