# pip install httpx

import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/sdxl"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "inputs": "Astronaut riding a horse",
    "parameters": {"num_inference_steps": 25, "guidance_scale": 7.5},
}

response = httpx.post(API_URL, headers=headers, json=payload, timeout=None)
response.raise_for_status()

with open("text-to-image.png", "wb") as f:
    f.write(response.content)
