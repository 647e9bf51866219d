# pip install requests

import requests

API_URL = "https://xyz.endpoints.huggingface.cloud/settings"
headers = {
    "Content-Type": "application/x-www-form-urlencoded",
    "User-Agent": "docs-bot/1.0",
    "Cookie": "session=abc; theme=dark",
}
data = "replicas=2&scale_to_zero=true".encode()

response = requests.patch(API_URL, headers=headers, auth=("admin", "s3cret!"), data=data)
response.raise_for_status()
print(response.text)
