curl 'https://xyz.endpoints.huggingface.cloud/wine-quality' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "inputs": {
            "data": {
                "fixed_acidity": ["7.4", "7.8"],
                "volatile_acidity": ["0.7", "0.88"],
                "alcohol": ["9.4", "9.8"]
            }
        }
    }'
