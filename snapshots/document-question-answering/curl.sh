curl 'https://xyz.endpoints.huggingface.cloud/layoutlm' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "inputs": {
            "question": "What is the invoice number?",
            "image": "'"$(base64 < invoice.png | tr -d '\n')"'"
        },
        "parameters": {"top_k": 2}
    }'
