curl 'https://xyz.endpoints.huggingface.cloud/llama/v1/chat/completions' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "model": "tgi",
        "messages": [
            {"role": "user", "content": "What is deep learning?"}
        ],
        "max_tokens": 500,
        "stream": true
    }' \
    --no-buffer
