curl 'https://xyz.endpoints.huggingface.cloud/distilbert-sentiment' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "inputs": "I like you. I love you"
    }'
