# pip install httpx

import asyncio
import os

import httpx

API_URL = "https://xyz.hf.space/gradio_api/upload"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
}
files = [
    ("meta", (None, "{\"task\": \"upload\"}", "application/json")),
    ("file", ("photo.png", open("photo.png", "rb"), "image/png")),
    ("note", (None, "plain")),
]


async def main():
    async with httpx.AsyncClient(timeout=None) as client:
        response = await client.post(API_URL, headers=headers, files=files)
    response.raise_for_status()
    print(response.text)


asyncio.run(main())
