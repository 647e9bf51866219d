curl 'https://xyz.endpoints.huggingface.cloud/vilt-vqa' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "inputs": {
            "question": "How many cats are lying down?",
            "image": "'"$(base64 < cat.png | tr -d '\n')"'"
        }
    }'
