curl 'https://xyz.endpoints.huggingface.cloud/v1/completions' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "model": "tgi",
        "prompt": "The answer to the universe is",
        "max_tokens": 32,
        "stream": true
    }' \
    --no-buffer
