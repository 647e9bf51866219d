# pip install httpx

import asyncio
import os

import httpx

API_URL = "https://<endpoint-url>/v1/chat/completions"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "model": "tgi",
    "messages": [
        {"role": "user", "content": "Hello"},
    ],
}


async def main():
    async with httpx.AsyncClient(timeout=None) as client:
        response = await client.post(API_URL, headers=headers, json=payload)
    response.raise_for_status()
    print(response.json())


asyncio.run(main())
