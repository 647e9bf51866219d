# pip install httpx

import asyncio

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/settings"
headers = {
    "Content-Type": "application/x-www-form-urlencoded",
    "User-Agent": "docs-bot/1.0",
    "Cookie": "session=abc; theme=dark",
}
content = "replicas=2&scale_to_zero=true".encode()


async def main():
    async with httpx.AsyncClient(timeout=None) as client:
        response = await client.patch(
            API_URL,
            headers=headers,
            auth=("admin", "s3cret!"),
            content=content,
        )
    response.raise_for_status()
    print(response.text)


asyncio.run(main())
