# pip install openai

import os

from openai import OpenAI

client = OpenAI(
    base_url="https://router.huggingface.co/hf-inference/models/HuggingFaceTB/SmolLM3-3B/v1",
    api_key=os.environ["HF_TOKEN"],
    max_retries=0,  # send once, as curl does (the SDK retries failures twice)
)

stream = client.chat.completions.create(
    model="HuggingFaceTB/SmolLM3-3B",
    messages=[
        {"role": "user", "content": "Tell me a story"},
    ],
    stream=True,
)
for chunk in stream:
    for choice in chunk.choices:
        print(choice.delta.content or "", end="", flush=True)
print()
