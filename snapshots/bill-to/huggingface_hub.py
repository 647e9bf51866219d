# pip install huggingface_hub

import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment",
    token=os.environ["HF_TOKEN"],
    headers={
        "X-HF-Bill-To": "my-org",
    },
)

result = client.text_classification("Billed to my organisation")
print(result)
