# pip install requests

import os

import requests

API_URL = "https://xyz.hf.space/gradio_api/upload"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
}
files = [
    ("meta", (None, "{\"task\": \"upload\"}", "application/json")),
    ("file", ("photo.png", open("photo.png", "rb"), "image/png")),
    ("note", (None, "plain")),
]

response = requests.post(API_URL, headers=headers, files=files)
response.raise_for_status()
print(response.text)
