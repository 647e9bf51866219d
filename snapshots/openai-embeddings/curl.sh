curl 'https://xyz.endpoints.huggingface.cloud/v1/embeddings' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "model": "BAAI/bge-small-en-v1.5",
        "input": ["Today is a sunny day.", "I will get some ice cream."],
        "encoding_format": "float"
    }'
