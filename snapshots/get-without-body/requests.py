# pip install requests

import requests

API_URL = "https://xyz.endpoints.huggingface.cloud/health?verbose=true&name=a%2Fb"

response = requests.get(API_URL)
response.raise_for_status()
print(response.text)
