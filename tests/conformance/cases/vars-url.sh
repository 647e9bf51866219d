# The endpoint from a variable, without a scheme of its own in the command, and a
# variable in the query.
curl $ENDPOINT_URL/generate?model=$MODEL_ID \
  -X POST \
  -H "Authorization: Bearer $HF_TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{"inputs": "What is Deep Learning?", "parameters": {"max_new_tokens": 20}}'
