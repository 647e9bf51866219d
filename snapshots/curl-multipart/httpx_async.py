# pip install httpx

import asyncio
import os

import httpx

API_URL = "https://microsoft-trellis-2.hf.space/gradio_api/upload"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
}
files = [
    ("files", ("chair.png", open("chair.png", "rb"), "image/png")),
    ("audio", ("take2.flac", open("takes; two.flac", "rb"), "audio/x-flac")),
    ("note", (None, "@not a file; it's text")),
]


async def main():
    async with httpx.AsyncClient(timeout=None) as client:
        response = await client.post(API_URL, headers=headers, files=files)
    response.raise_for_status()
    print(response.text)


asyncio.run(main())
