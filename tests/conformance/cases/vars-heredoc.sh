# A heredoc whose delimiter is not quoted: the shell expands its variables.
curl https://xyz.endpoints.huggingface.cloud/generate \
  -H "Authorization: Bearer $HF_TOKEN" \
  -H 'Content-Type: application/json' \
  -d @- <<EOF_BODY
{"inputs": "Tell me about $TOPIC", "parameters": {"max_new_tokens": $MAX_NEW_TOKENS}}
EOF_BODY
