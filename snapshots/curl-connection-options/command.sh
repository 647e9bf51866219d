curl -k -m 30 --connect-timeout 5 --compressed -L \
  https://xyz.endpoints.huggingface.cloud/distilbert-sentiment \
  -H "Authorization: Bearer $HF_TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{"inputs": "I like you"}'
