# pip install requests

import requests

API_URL = "https://x.cloud/form"
headers = {
    "Content-Type": "application/x-www-form-urlencoded",
}

with open("form.txt", "rb") as f:
    data = f.read().replace(b"\r", b"").replace(b"\n", b"")

response = requests.post(API_URL, headers=headers, data=data)
response.raise_for_status()
print(response.text)
