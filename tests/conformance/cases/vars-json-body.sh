# Variables spliced into a JSON body, as docs write it: a string value from
# '"$MODEL"', a bare number, and a variable inside a longer string.
curl https://router.huggingface.co/v1/chat/completions \
  -H "Authorization: Bearer $HF_TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{
    "model": "'"$MODEL"'",
    "max_tokens": '"$MAX_TOKENS"',
    "messages": [{"role": "user", "content": "Hello from '"$USER_NAME"'!"}]
  }'
