curl.exe https://x.cloud/m `
  -H "Authorization: Bearer $env:HF_TOKEN" `
  -d '{"inputs": "it''s"}' `
  -X PUT
