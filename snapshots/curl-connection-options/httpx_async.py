# pip install httpx

import asyncio
import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "inputs": "I like you",
}


async def main():
    async with httpx.AsyncClient(
        verify=False,
        timeout=httpx.Timeout(None, connect=5),
        follow_redirects=True,
    ) as client:
        response = await client.post(API_URL, headers=headers, json=payload)
    response.raise_for_status()
    print(response.text)


# Like curl --max-time: the whole exchange may take 30 s at most.
asyncio.run(asyncio.wait_for(main(), 30))
