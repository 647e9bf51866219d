# The endpoint written as a placeholder the reader replaces.
curl https://<endpoint-url>/v1/chat/completions \
  -H "Authorization: Bearer $HF_TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{"model": "tgi", "messages": [{"role": "user", "content": "Hi"}], "max_tokens": 8}'
