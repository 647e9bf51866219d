# pip install openai

import os

from openai import OpenAI

client = OpenAI(
    base_url="https://xyz.endpoints.huggingface.cloud/v1",
    api_key=os.environ["HF_TOKEN"],
    max_retries=0,  # send once, as curl does (the SDK retries failures twice)
)

response = client.embeddings.create(
    model="BAAI/bge-small-en-v1.5",
    input=[
        "Today is a sunny day.",
        "I will get some ice cream.",
    ],
    encoding_format="float",
)
for item in response.data:
    print(item.embedding)
