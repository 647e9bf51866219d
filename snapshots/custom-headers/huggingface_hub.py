# pip install huggingface_hub

import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment",
    token=os.environ["MY_HF_TOKEN"],
    headers={
        "X-Use-Cache": "false",
        "X-Wait-For-Model": "true",
        "Accept": "application/json",
        "X-Trace": "a=1; b=2: c",
        "X-Empty": "",
    },
)

result = client.text_classification("I like you")
print(result)
