# pip install httpx

import asyncio
import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/raw"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
}
content = "just bytes".encode()


async def main():
    async with httpx.AsyncClient(timeout=None) as client:
        response = await client.post(API_URL, headers=headers, content=content)
    response.raise_for_status()
    print(response.text)


asyncio.run(main())
