# pip install huggingface_hub

from huggingface_hub import InferenceClient

client = InferenceClient(
    api_key="hf_***",
    headers={
        "accept": "*/*",
    },
)

stream = client.chat.completions.create(
    model="openai/gpt-oss-120b:groq",
    messages=[
        {"role": "user", "content": "Say \"hi\" & wave"},
    ],
    stream=True,
)
for chunk in stream:
    for choice in chunk.choices:
        print(choice.delta.content or "", end="", flush=True)
print()
