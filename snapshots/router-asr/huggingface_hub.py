# pip install huggingface_hub

import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    provider="hf-inference",
    api_key=os.environ["HF_TOKEN"],
    headers={
        "Content-Type": "audio/flac",
    },
)

result = client.automatic_speech_recognition(
    "sample1.flac",
    model="openai/whisper-large-v3",
)
print(result)
