# pip install huggingface_hub pillow

import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://xyz.endpoints.huggingface.cloud/sdxl",
    token=os.environ["HF_TOKEN"],
)

image = client.text_to_image(
    "Astronaut riding a horse",
    num_inference_steps=25,
    guidance_scale=7.5,
)
image.save("text-to-image.png")
