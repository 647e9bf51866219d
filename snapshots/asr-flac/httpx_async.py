# pip install httpx

import asyncio

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/wav2vec-asr"
headers = {
    "Authorization": "Bearer hf_***",
    "Content-Type": "audio/x-flac",
}

with open("sample1.flac", "rb") as f:
    content = f.read()


async def main():
    async with httpx.AsyncClient(timeout=None) as client:
        response = await client.post(API_URL, headers=headers, content=content)
    response.raise_for_status()
    print(response.json())


asyncio.run(main())
