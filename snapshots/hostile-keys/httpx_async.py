# pip install httpx

import asyncio
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


async def main():
    async with httpx.AsyncClient(timeout=None) as client:
        response = await client.post(API_URL, headers=headers, json=payload)
    response.raise_for_status()
    print(response.text)


asyncio.run(main())
