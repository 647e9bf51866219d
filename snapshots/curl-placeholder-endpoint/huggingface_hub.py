# pip install huggingface_hub

import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://<endpoint-url>/v1/chat/completions",
    token=os.environ["HF_TOKEN"],
)

completion = client.chat.completions.create(
    model="tgi",
    messages=[
        {"role": "user", "content": "Hello"},
    ],
)
print(completion.choices[0].message.content)
