curl 'https://xyz.endpoints.huggingface.cloud/distilbert-sentiment' \
    -X POST \
    -H "Authorization: Bearer ${MY_HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -H 'X-Use-Cache: false' \
    -H 'X-Wait-For-Model: true' \
    -H 'Accept: application/json' \
    -H 'X-Trace: a=1; b=2: c' \
    -H 'X-Empty;' \
    -d '{
        "inputs": "I like you"
    }'
