# pip install huggingface_hub

from huggingface_hub import InferenceClient

client = InferenceClient(
    "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment",
    token="hf_***",
)

result = client.text_classification("I like you. I love you")
print(result)
