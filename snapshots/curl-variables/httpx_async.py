# pip install httpx

import asyncio
import json
import os

import httpx

API_URL = f"{os.environ['ENDPOINT_URL']}/v1/chat/completions"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
    "x-api-key": os.environ["API_KEY"],
}
payload = {
    "model": (os.environ.get("MODEL") or "tgi"),
    "messages": [
        {"role": "user", "content": os.environ["PROMPT"]},
    ],
    "max_tokens": json.loads(os.environ["MAX_TOKENS"]),
}


async def main():
    async with httpx.AsyncClient(timeout=None) as client:
        response = await client.post(API_URL, headers=headers, json=payload)
    response.raise_for_status()
    print(response.json())


asyncio.run(main())
