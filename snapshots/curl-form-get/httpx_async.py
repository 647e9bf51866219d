# pip install httpx

import asyncio

import httpx

API_URL = "https://huggingface.co/api/models?search=bert+base&limit=5"


async def main():
    async with httpx.AsyncClient(timeout=None) as client:
        response = await client.get(API_URL)
    response.raise_for_status()
    print(response.text)


asyncio.run(main())
