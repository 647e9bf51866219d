# pip install requests

import os

import requests

API_URL = "https://xyz.endpoints.huggingface.cloud/echo"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "text/plain; charset=utf-8",
}
data = "line 1 'quoted'\nline 2 \"double\" $HOME\n@not-a-file".encode()

response = requests.put(API_URL, headers=headers, data=data)
response.raise_for_status()
print(response.text)
