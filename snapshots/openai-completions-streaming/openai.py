# pip install openai

import os

from openai import OpenAI

client = OpenAI(
    base_url="https://xyz.endpoints.huggingface.cloud/v1",
    api_key=os.environ["HF_TOKEN"],
    max_retries=0,  # send once, as curl does (the SDK retries failures twice)
)

stream = client.completions.create(
    model="tgi",
    prompt="The answer to the universe is",
    max_tokens=32,
    stream=True,
)
for chunk in stream:
    for choice in chunk.choices:
        print(choice.text, end="", flush=True)
print()
