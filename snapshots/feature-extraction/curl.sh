curl 'https://xyz.endpoints.huggingface.cloud/bge-small' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "inputs": "Today is a sunny day and I will get some ice cream.",
        "normalize": true
    }'
