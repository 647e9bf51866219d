# pip install httpx

import os

import httpx

API_URL = "https://xyz.hf.space/gradio_api/upload"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
}
files = [
    ("meta", (None, "{\"task\": \"upload\"}", "application/json")),
    ("file", ("photo.png", open("photo.png", "rb"), "image/png")),
    ("note", (None, "plain")),
]

response = httpx.post(API_URL, headers=headers, files=files, timeout=None)
response.raise_for_status()
print(response.text)
