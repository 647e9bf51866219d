# Variables in headers (not only the bearer token), a lowercase `bearer` kept as
# written, and a default for an unset variable.
curl https://api.example.com/v1/messages \
  -H "x-api-key: $ANTHROPIC_API_KEY" \
  -H "Authorization: bearer ${GROQ_API_KEY}" \
  -H "anthropic-version: ${API_VERSION:-2023-06-01}" \
  -H 'content-type: application/json' \
  -d '{"model": "claude", "max_tokens": 16, "messages": [{"role": "user", "content": "Hi"}]}'
