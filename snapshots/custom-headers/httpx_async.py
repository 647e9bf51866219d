# pip install httpx

import asyncio
import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment"
headers = {
    "Authorization": f"Bearer {os.environ['MY_HF_TOKEN']}",
    "Content-Type": "application/json",
    "X-Use-Cache": "false",
    "X-Wait-For-Model": "true",
    "Accept": "application/json",
    "X-Trace": "a=1; b=2: c",
    "X-Empty": "",
}
payload = {
    "inputs": "I like you",
}


async def main():
    async with httpx.AsyncClient(timeout=None) as client:
        response = await client.post(API_URL, headers=headers, json=payload)
    response.raise_for_status()
    print(response.json())


asyncio.run(main())
