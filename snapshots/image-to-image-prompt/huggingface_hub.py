# pip install huggingface_hub pillow

import base64
import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://xyz.endpoints.huggingface.cloud/instruct-pix2pix",
    token=os.environ["HF_TOKEN"],
)

image = client.image_to_image(
    base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
    prompt="Turn the cat into a tiger",
    num_inference_steps=20,
)
image.save("image-to-image.png")
