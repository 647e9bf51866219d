# pip install httpx

import os

import httpx

API_URL = "https://router.huggingface.co/hf-inference/models/black-forest-labs/FLUX.1-schnell"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "inputs": "Astronaut riding a horse",
    "parameters": {"num_inference_steps": 4},
}

response = httpx.post(API_URL, headers=headers, json=payload, timeout=None)
response.raise_for_status()

with open("text-to-image.png", "wb") as f:
    f.write(response.content)
