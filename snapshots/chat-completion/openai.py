# pip install openai

import os

from openai import OpenAI

client = OpenAI(
    base_url="https://xyz.endpoints.huggingface.cloud/llama/v1",
    api_key=os.environ["HF_TOKEN"],
    max_retries=0,  # send once, as curl does (the SDK retries failures twice)
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
