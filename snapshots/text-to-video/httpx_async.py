# pip install httpx

import asyncio
import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/wan-t2v"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "inputs": "A young man walking on the street",
    "parameters": {"num_frames": 49, "num_inference_steps": 30},
}


async def main():
    async with httpx.AsyncClient(timeout=None) as client:
        response = await client.post(API_URL, headers=headers, json=payload)
    response.raise_for_status()
    with open("text-to-video.mp4", "wb") as f:
        f.write(response.content)


asyncio.run(main())
