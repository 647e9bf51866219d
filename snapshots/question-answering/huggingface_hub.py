# pip install huggingface_hub

import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://xyz.endpoints.huggingface.cloud/roberta-squad",
    token=os.environ["HF_TOKEN"],
)

result = client.question_answering(
    question="What is my name?",
    context="My name is Clara and I live in Berkeley.",
)
print(result)
