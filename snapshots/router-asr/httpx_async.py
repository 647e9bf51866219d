# pip install httpx

import asyncio
import os

import httpx

API_URL = "https://router.huggingface.co/hf-inference/models/openai/whisper-large-v3"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "audio/flac",
}

with open("sample1.flac", "rb") as f:
    content = f.read()


async def main():
    async with httpx.AsyncClient(timeout=None) as client:
        response = await client.post(API_URL, headers=headers, content=content)
    response.raise_for_status()
    print(response.json())


asyncio.run(main())
