# pip install huggingface_hub

import base64
import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://xyz.endpoints.huggingface.cloud/clip",
    token=os.environ["HF_TOKEN"],
)

result = client.zero_shot_image_classification(
    base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
    candidate_labels=[
        "cat",
        "dog",
        "llama",
    ],
)
print(result)
