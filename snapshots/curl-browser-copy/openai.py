# pip install openai

from openai import OpenAI

client = OpenAI(
    base_url="https://router.huggingface.co/v1",
    api_key="hf_***",
    default_headers={
        "accept": "*/*",
    },
    max_retries=0,  # send once, as curl does (the SDK retries failures twice)
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
