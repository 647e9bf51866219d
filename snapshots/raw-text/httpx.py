# pip install httpx

import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/echo"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "text/plain; charset=utf-8",
}
content = "line 1 'quoted'\nline 2 \"double\" $HOME\n@not-a-file".encode()

response = httpx.put(API_URL, headers=headers, content=content, timeout=None)
response.raise_for_status()
print(response.text)
