# pip install huggingface_hub pillow

import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://xyz.endpoints.huggingface.cloud/controlnet",
    token=os.environ["HF_TOKEN"],
    headers={
        "Content-Type": "image/png",
    },
)

image = client.image_to_image("cat.png")
image.save("image-to-image.png")
