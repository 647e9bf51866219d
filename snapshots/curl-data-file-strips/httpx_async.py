# pip install httpx

import asyncio

import httpx

API_URL = "https://x.cloud/form"
headers = {
    "Content-Type": "application/x-www-form-urlencoded",
}

with open("form.txt", "rb") as f:
    content = f.read().replace(b"\r", b"").replace(b"\n", b"")


async def main():
    async with httpx.AsyncClient(timeout=None) as client:
        response = await client.post(API_URL, headers=headers, content=content)
    response.raise_for_status()
    print(response.text)


asyncio.run(main())
