# pip install openai

import os

from openai import OpenAI

client = OpenAI(
    base_url="https://xyz.endpoints.huggingface.cloud/llama/v1",
    api_key=os.environ["HF_TOKEN"],
    max_retries=0,  # send once, as curl does (the SDK retries failures twice)
)

stream = client.chat.completions.create(
    model="tgi",
    messages=[
        {"role": "user", "content": "What is deep learning?"},
    ],
    max_tokens=500,
    stream=True,
)
for chunk in stream:
    for choice in chunk.choices:
        print(choice.delta.content or "", end="", flush=True)
print()
