# pip install openai

import json
import os

from openai import OpenAI

client = OpenAI(
    base_url=f"{os.environ['ENDPOINT_URL']}/v1",
    api_key=os.environ["HF_TOKEN"],
    default_headers={
        "x-api-key": os.environ["API_KEY"],
    },
    max_retries=0,  # send once, as curl does (the SDK retries failures twice)
)

completion = client.chat.completions.create(
    model=(os.environ.get("MODEL") or "tgi"),
    messages=[
        {"role": "user", "content": os.environ["PROMPT"]},
    ],
    max_tokens=json.loads(os.environ["MAX_TOKENS"]),
)
print(completion.choices[0].message.content)
