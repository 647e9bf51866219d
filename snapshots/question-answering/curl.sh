curl 'https://xyz.endpoints.huggingface.cloud/roberta-squad' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "inputs": {
            "question": "What is my name?",
            "context": "My name is Clara and I live in Berkeley."
        }
    }'
