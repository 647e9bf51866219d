curl 'https://xyz.endpoints.huggingface.cloud/distilbert-sentiment' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "inputs": "Deploying my first endpoint was an amazing experience."
    }'
