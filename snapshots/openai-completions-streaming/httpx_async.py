# pip install httpx

import asyncio
import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/v1/completions"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "model": "tgi",
    "prompt": "The answer to the universe is",
    "max_tokens": 32,
    "stream": True,
}


async def main():
    async with httpx.AsyncClient(timeout=None) as client:
        async with client.stream(
            "POST",
            API_URL,
            headers=headers,
            json=payload,
        ) as response:
            response.raise_for_status()
            async for line in response.aiter_lines():
                if not line.startswith("data:"):
                    continue
                data = line[len("data:"):].strip()
                if data == "[DONE]":
                    break
                print(data, flush=True)


asyncio.run(main())
