# pip install huggingface_hub

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://xyz.endpoints.huggingface.cloud/wav2vec-asr",
    token="hf_***",
    headers={
        "Content-Type": "audio/x-flac",
    },
)

result = client.automatic_speech_recognition("sample1.flac")
print(result)
