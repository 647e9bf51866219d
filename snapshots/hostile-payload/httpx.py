# pip install httpx

import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment?lang=en&q=a%20b"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "inputs": "It's \"quoted\" \\ back\\slash $(touch /tmp/pwned) `id` ${HOME} !event\nnew line\r\ttab \x00 nul \x7f 🤗 中文 \u202eevil\u2028 </script> {braces} %s",
}

response = httpx.post(API_URL, headers=headers, json=payload, timeout=None)
response.raise_for_status()
print(response.json())
