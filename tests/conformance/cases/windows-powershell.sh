curl.exe https://xyz.endpoints.huggingface.cloud/classify `
  -H "Authorization: Bearer $env:HF_TOKEN" `
  -H "X-Model: $env:MODEL_NAME" `
  -H 'Content-Type: application/json' `
  -d '{\"inputs\": \"I like you. I love you\", \"parameters\": {\"top_k\": 2}}'
