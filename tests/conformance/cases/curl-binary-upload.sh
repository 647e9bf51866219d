# Raw bytes (NUL, CR, invalid UTF-8) from a file, a query needing encoding.
curl -X PUT 'https://xyz.endpoints.huggingface.cloud/files/blob?a=%20b&c=d%2Fe&f=%E2%9C%93' \
  --data-binary @blob.bin \
  -H 'Content-Type: application/octet-stream' \
  -H 'Authorization: Bearer hf_***'
