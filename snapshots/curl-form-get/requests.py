# pip install requests

import requests

API_URL = "https://huggingface.co/api/models?search=bert+base&limit=5"

response = requests.get(API_URL)
response.raise_for_status()
print(response.text)
