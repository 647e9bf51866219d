curl 'https://router.huggingface.co/v1/chat/completions' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -H "X-HF-Bill-To: ${HF_ORG:-my-org}" \
    -d '{
        "model": "'"${MODEL:?}"'",
        "messages": [
            {
                "role": "user",
                "content": "What is the capital of France?"
            }
        ],
        "max_tokens": 512
    }'
