curl.exe https://xyz.endpoints.huggingface.cloud/distilbert-sentiment `
  -H "Authorization: Bearer $env:HF_TOKEN" `
  -H 'Content-Type: application/json' `
  -d '{\"inputs\": \"I like you. I love you\"}'
