# pip install huggingface_hub

import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://xyz.endpoints.huggingface.cloud/gpt2-endpoint",
    token=os.environ["HF_TOKEN"],
)

result = client.text_generation(
    "The answer to the universe is",
    max_new_tokens=50,
    temperature=0.7,
    top_p=0.95,
    return_full_text=False,
)
print(result)
