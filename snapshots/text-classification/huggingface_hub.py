# pip install huggingface_hub

import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment",
    token=os.environ["HF_TOKEN"],
)

result = client.text_classification("Deploying my first endpoint was an amazing experience.")
print(result)
