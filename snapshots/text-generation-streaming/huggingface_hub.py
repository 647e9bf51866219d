# pip install huggingface_hub

import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://xyz.endpoints.huggingface.cloud/tgi",
    token=os.environ["HF_TOKEN"],
)

stream = client.text_generation(
    "Once upon a time",
    max_new_tokens=20,
    stream=True,
)
for token in stream:
    print(token, end="", flush=True)
print()
