# Placeholders in the path, in the shapes docs use.
curl "https://api.example.com/models/{MODEL_ID}/versions/{{version}}/predict" \
  -H "Authorization: Bearer $HF_TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{"inputs": "x"}'
