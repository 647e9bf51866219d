# pip install huggingface_hub

import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://xyz.endpoints.huggingface.cloud/blip-captioning",
    token=os.environ["HF_TOKEN"],
    headers={
        "Content-Type": "image/jpeg",
    },
)

result = client.image_to_text("cat.jpg")
print(result)
