# pip install httpx

import asyncio
import base64
import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/vilt-vqa"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "inputs": {
        "question": "How many cats are lying down?",
        "image": base64.b64encode(open("cat.png", "rb").read()).decode(),
    },
}


async def main():
    async with httpx.AsyncClient(timeout=None) as client:
        response = await client.post(API_URL, headers=headers, json=payload)
    response.raise_for_status()
    print(response.json())


asyncio.run(main())
