# The endpoint written as a bare placeholder, as docs do (bash would read `<` as a
# redirection): it must survive verbatim, and the snippet with the real URL put
# back must send what curl sends.
curl <ENDPOINT_URL>/generate \
  -X POST \
  -H "Authorization: Bearer $HF_TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{"inputs": "What is Deep Learning?"}'
