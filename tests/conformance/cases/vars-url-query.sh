# --url-query beside a body: a value read from a variable and encoded, and one
# given as it is (+).
curl https://xyz.endpoints.huggingface.cloud/generate \
  --url-query "model=$MODEL_ID" \
  --url-query '+raw=%2A' \
  -H "Authorization: Bearer $HF_TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{"inputs": "Hello"}'
