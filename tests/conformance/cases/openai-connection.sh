# Connection options on a chat route: the Python SDK takes the time limit (each
# wait, a warning says), decodes and follows redirects by itself; the JavaScript
# SDK's timeout ends at the answer's headers: refused.
curl -m 30 --compressed -L https://router.huggingface.co/v1/chat/completions \
  -H "Authorization: Bearer $HF_TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{"model": "tgi", "messages": [{"role": "user", "content": "Hi"}]}'
