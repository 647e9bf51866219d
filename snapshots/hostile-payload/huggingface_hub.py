# pip install huggingface_hub

import os

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment?lang=en&q=a%20b",
    token=os.environ["HF_TOKEN"],
)

result = client.text_classification("It's \"quoted\" \\ back\\slash $(touch /tmp/pwned) `id` ${HOME} !event\nnew line\r\ttab \x00 nul \x7f 🤗 中文 \u202eevil\u2028 </script> {braces} %s")
print(result)
