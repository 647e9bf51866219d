# A multipart field and a file read by the shell.
curl https://xyz.endpoints.huggingface.cloud/upload \
  -H "Authorization: Bearer $HF_TOKEN" \
  --form-string "model=$MODEL" \
  -F 'purpose=fine-tune'
