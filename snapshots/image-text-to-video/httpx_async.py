# pip install httpx

import asyncio
import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/ltx-video"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "inputs": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "parameters": {"prompt": "The cat starts to dance", "num_frames": 49},
}


async def main():
    async with httpx.AsyncClient(timeout=None) as client:
        response = await client.post(API_URL, headers=headers, json=payload)
    response.raise_for_status()
    with open("image-text-to-video.mp4", "wb") as f:
        f.write(response.content)


asyncio.run(main())
