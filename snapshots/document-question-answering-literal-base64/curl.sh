curl 'https://xyz.endpoints.huggingface.cloud/layoutlm' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "inputs": {
            "image": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
            "question": "What is the invoice number?"
        },
        "parameters": {"top_k": 2}
    }'
