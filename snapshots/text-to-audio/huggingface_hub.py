# pip install huggingface_hub

import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://xyz.endpoints.huggingface.cloud/musicgen",
    token=os.environ["HF_TOKEN"],
)

audio = client.text_to_speech("liquid drum and bass, atmospheric synths, airy sounds")
with open("text-to-audio.flac", "wb") as f:
    f.write(audio)
