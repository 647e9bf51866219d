curl 'https://xyz.endpoints.huggingface.cloud/tgi' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "inputs": "Once upon a time",
        "parameters": {"max_new_tokens": 20},
        "stream": true
    }' \
    --no-buffer
