# pip install httpx

import httpx

API_URL = "https://x.cloud/form"
headers = {
    "Content-Type": "application/x-www-form-urlencoded",
}

with open("form.txt", "rb") as f:
    content = f.read().replace(b"\r", b"").replace(b"\n", b"")

response = httpx.post(API_URL, headers=headers, content=content, timeout=None)
response.raise_for_status()
print(response.text)
