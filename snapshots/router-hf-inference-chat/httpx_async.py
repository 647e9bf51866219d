# pip install httpx

import asyncio
import json
import os

import httpx

API_URL = "https://router.huggingface.co/hf-inference/models/HuggingFaceTB/SmolLM3-3B/v1/chat/completions"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "model": "HuggingFaceTB/SmolLM3-3B",
    "messages": [
        {"role": "user", "content": "Tell me a story"},
    ],
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
                for choice in json.loads(data).get("choices", []):
                    print(choice["delta"].get("content") or "", end="", flush=True)
    print()


asyncio.run(main())
