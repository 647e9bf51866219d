# An endpoint and a model read from the environment, as a docs page writes the
# router or an endpoint: the base URL keeps the variable, the body reads the model
# and a bare number.
curl "$ENDPOINT_URL/v1/chat/completions" \
  -H "Authorization: Bearer $HF_TOKEN" \
  -H 'Content-Type: application/json' \
  -H "X-Session: ${SESSION_ID:-anonymous}" \
  -d '{"model": "'"$MODEL"'", "max_tokens": '"$MAX_TOKENS"', "messages": [{"role": "user", "content": "Hi"}], "stream": true}'
