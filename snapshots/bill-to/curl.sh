curl 'https://xyz.endpoints.huggingface.cloud/distilbert-sentiment' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -H 'X-HF-Bill-To: my-org' \
    -d '{
        "inputs": "Billed to my organisation"
    }'
