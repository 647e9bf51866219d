# Through an HTTP proxy: the request's host resolves nowhere, so it arrives only if
# the snippet goes through the proxy (the capture server stands in for it).
curl -x http://proxy.example:3128 \
  https://xyz.endpoints.huggingface.cloud/classify \
  -H "Authorization: Bearer $HF_TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{"inputs": "I like you"}'
