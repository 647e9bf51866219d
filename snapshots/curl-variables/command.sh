curl "$ENDPOINT_URL/v1/chat/completions" \
  -H "Authorization: Bearer $HF_TOKEN" \
  -H "x-api-key: ${API_KEY}" \
  -H 'Content-Type: application/json' \
  -d '{"model": "'"${MODEL:-tgi}"'", "messages": [{"role": "user", "content": "'"$PROMPT"'"}], "max_tokens": '"$MAX_TOKENS"'}'
