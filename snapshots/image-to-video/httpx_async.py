# pip install httpx

import asyncio
import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/wan-i2v"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "image/png",
}

with open("cat.png", "rb") as f:
    content = f.read()


async def main():
    async with httpx.AsyncClient(timeout=None) as client:
        response = await client.post(API_URL, headers=headers, content=content)
    response.raise_for_status()
    with open("image-to-video.mp4", "wb") as f:
        f.write(response.content)


asyncio.run(main())
