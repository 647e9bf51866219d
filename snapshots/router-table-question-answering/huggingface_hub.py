# pip install huggingface_hub

import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://router.huggingface.co/hf-inference/models/google/tapas-base-finetuned-wtq",
    token=os.environ["HF_TOKEN"],
)

result = client.table_question_answering(
    table={
        "Repository": ["Transformers", "Datasets", "Tokenizers"],
        "Stars": ["36542", "4512", "3934"],
    },
    query="How many stars does the transformers repository have?",
    truncation=True,
)
print(result)
