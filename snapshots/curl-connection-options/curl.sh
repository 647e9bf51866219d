curl 'https://xyz.endpoints.huggingface.cloud/distilbert-sentiment' \
    -X POST \
    --insecure \
    --connect-timeout 5 \
    --max-time 30 \
    --compressed \
    --location \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "inputs": "I like you"
    }'
