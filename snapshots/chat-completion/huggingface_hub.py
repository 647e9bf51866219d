# pip install huggingface_hub

import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://xyz.endpoints.huggingface.cloud/llama/v1/chat/completions",
    token=os.environ["HF_TOKEN"],
)

completion = client.chat.completions.create(
    model="tgi",
    messages=[
        {
            "role": "system",
            "content": "You are a helpful assistant.",
        },
        {"role": "user", "content": "What is deep learning?"},
    ],
    max_tokens=500,
    temperature=0.2,
)
print(completion.choices[0].message.content)
