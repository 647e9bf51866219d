# pip install huggingface_hub

import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://xyz.endpoints.huggingface.cloud/sepformer",
    token=os.environ["HF_TOKEN"],
    headers={
        "Content-Type": "audio/flac",
    },
)

output = client.audio_to_audio("mixture.flac")
for index, item in enumerate(output):
    with open(f"audio-to-audio-{index}.flac", "wb") as f:
        f.write(item.blob)
