# pip install huggingface_hub pillow

import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://xyz.endpoints.huggingface.cloud/segformer",
    token=os.environ["HF_TOKEN"],
    headers={
        "Content-Type": "image/png",
    },
)

result = client.image_segmentation("street.png")
print(result)
