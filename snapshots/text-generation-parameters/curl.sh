curl 'https://xyz.endpoints.huggingface.cloud/gpt2-endpoint' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "inputs": "The answer to the universe is",
        "parameters": {
            "max_new_tokens": 50,
            "temperature": 0.7,
            "top_p": 0.95,
            "return_full_text": false
        }
    }'
