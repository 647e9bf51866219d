# pip install httpx

import httpx

API_URL = "https://huggingface.co/api/models?search=bert+base&limit=5"

response = httpx.get(API_URL, timeout=None)
response.raise_for_status()
print(response.text)
