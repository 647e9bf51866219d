# The body from "$(cat FILE)": the file's text without its last line breaks.
curl https://xyz.endpoints.huggingface.cloud/echo \
  -H "Authorization: Bearer $HF_TOKEN" \
  -H 'Content-Type: application/json' \
  -d "$(cat body.json)"
