curl "${ENDPOINT_URL:?}/v1/chat/completions" \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -H "x-api-key: ${API_KEY:?}" \
    -d '{
        "model": "'"${MODEL:-tgi}"'",
        "messages": [
            {"role": "user", "content": "'"${PROMPT:?}"'"}
        ],
        "max_tokens": '"${MAX_TOKENS:?}"'
    }'
