# pip install httpx

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/health?verbose=true&name=a%2Fb"

response = httpx.get(API_URL, timeout=None)
response.raise_for_status()
print(response.text)
