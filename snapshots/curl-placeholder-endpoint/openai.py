# pip install openai

import os

from openai import OpenAI

client = OpenAI(
    base_url="https://<endpoint-url>/v1",
    api_key=os.environ["HF_TOKEN"],
    max_retries=0,  # send once, as curl does (the SDK retries failures twice)
)

completion = client.chat.completions.create(
    model="tgi",
    messages=[
        {"role": "user", "content": "Hello"},
    ],
)
print(completion.choices[0].message.content)
