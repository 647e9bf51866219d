# pip install httpx

import asyncio

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment"
headers = {
    "Authorization": "Bearer hf_***",
    "Content-Type": "application/json",
}
payload = {
    "inputs": "I like you. I love you",
}


async def main():
    async with httpx.AsyncClient(timeout=None) as client:
        response = await client.post(API_URL, headers=headers, json=payload)
    response.raise_for_status()
    print(response.json())


asyncio.run(main())
