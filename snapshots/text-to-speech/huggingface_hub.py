# pip install huggingface_hub

import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://xyz.endpoints.huggingface.cloud/kokoro",
    token=os.environ["HF_TOKEN"],
)

audio = client.text_to_speech(
    "The answer to the universe is 42",
    do_sample=True,
    extra_body={
        "speaker": "af_heart",
    },
)
with open("text-to-speech.flac", "wb") as f:
    f.write(audio)
