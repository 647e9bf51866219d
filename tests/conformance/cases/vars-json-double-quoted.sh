# A double-quoted JSON body with escaped quotes and ${VAR} inside a string.
curl https://xyz.endpoints.huggingface.cloud/scan \
  -H "Authorization: Bearer $HF_TOKEN" \
  -H "Content-Type: application/json" \
  -d "{\"credentials\": [\"${LEAKED_HF_TOKEN}\"], \"note\": \"it's \\\"quoted\\\"\"}"
