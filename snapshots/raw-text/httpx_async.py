# pip install httpx

import asyncio
import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/echo"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "text/plain; charset=utf-8",
}
content = "line 1 'quoted'\nline 2 \"double\" $HOME\n@not-a-file".encode()


async def main():
    async with httpx.AsyncClient(timeout=None) as client:
        response = await client.put(API_URL, headers=headers, content=content)
    response.raise_for_status()
    print(response.text)


asyncio.run(main())
