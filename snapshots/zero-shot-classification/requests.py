# pip install requests

import os

import requests

API_URL = "https://xyz.endpoints.huggingface.cloud/bart-mnli"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "inputs": "Hi, I recently bought a device from your company but it is not working as advertised and I would like to get reimbursed!",
    "parameters": {
        "candidate_labels": ["refund", "legal", "faq"],
    },
}

response = requests.post(API_URL, headers=headers, json=payload)
response.raise_for_status()
print(response.json())
