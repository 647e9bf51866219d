# pip install huggingface_hub pillow

import base64
import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://xyz.endpoints.huggingface.cloud/flux-kontext",
    token=os.environ["HF_TOKEN"],
)

image = client.image_to_image(
    base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
    prompt="Make it snow",
    seed=42,
)
image.save("image-text-to-image.png")
