curl https://xyz.endpoints.huggingface.cloud/distilbert-sentiment \
  -X POST \
  -d '{"inputs": "I like you"}' \
  -H "Authorization: Bearer $HF_TOKEN" \
  -H 'Content-Type: application/json'
