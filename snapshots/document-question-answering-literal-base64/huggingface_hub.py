# pip install huggingface_hub

import base64
import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://xyz.endpoints.huggingface.cloud/layoutlm",
    token=os.environ["HF_TOKEN"],
)

result = client.document_question_answering(
    base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
    question="What is the invoice number?",
    top_k=2,
)
print(result)
