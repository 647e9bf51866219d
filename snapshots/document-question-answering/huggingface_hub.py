# pip install huggingface_hub

import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://xyz.endpoints.huggingface.cloud/layoutlm",
    token=os.environ["HF_TOKEN"],
)

result = client.document_question_answering(
    "invoice.png",
    question="What is the invoice number?",
    top_k=2,
)
print(result)
