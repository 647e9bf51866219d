# pip install httpx

import os

import httpx

API_URL = "https://xyz.endpoints.huggingface.cloud/wan-t2v"
headers = {
    "Authorization": f"Bearer {os.environ['HF_TOKEN']}",
    "Content-Type": "application/json",
}
payload = {
    "inputs": "A young man walking on the street",
    "parameters": {"num_frames": 49, "num_inference_steps": 30},
}

response = httpx.post(API_URL, headers=headers, json=payload, timeout=None)
response.raise_for_status()

with open("text-to-video.mp4", "wb") as f:
    f.write(response.content)
