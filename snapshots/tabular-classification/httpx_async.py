# pip install httpx

import asyncio
import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/wine-quality"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "inputs": {
        "data": {
            "fixed_acidity": ["7.4", "7.8"],
            "volatile_acidity": ["0.7", "0.88"],
            "alcohol": ["9.4", "9.8"],
        },
    },
}


async def main():
    async with httpx.AsyncClient(timeout=None) as client:
        response = await client.post(API_URL, headers=headers, json=payload)
    response.raise_for_status()
    print(response.json())


asyncio.run(main())
