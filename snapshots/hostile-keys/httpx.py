# pip install httpx

import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/custom"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "__proto__": {"polluted": True},
    "it's": "a'b",
    "\"dq\"": None,
    "big": 12345678901234567890,
    "small": -9007199254740993,
    "float": 1.5e-10,
    "nested": {
        "list": [
            1,
            [
                2,
                [
                    3,
                    {},
                ],
            ],
            [],
            "x",
        ],
    },
    "emoji 🤗": "中文",
}

response = httpx.post(API_URL, headers=headers, json=payload, timeout=None)
response.raise_for_status()
print(response.text)
