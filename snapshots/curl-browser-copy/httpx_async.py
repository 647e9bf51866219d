# pip install httpx

import asyncio
import json

import httpx

API_URL = "https://router.huggingface.co/v1/chat/completions"
headers = {
    "Authorization": "Bearer hf_***",
    "Content-Type": "application/json",
    "accept": "*/*",
}
payload = {
    "model": "openai/gpt-oss-120b:groq",
    "messages": [
        {"role": "user", "content": "Say \"hi\" & wave"},
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
