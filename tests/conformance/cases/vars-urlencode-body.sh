# A form body whose values curl encodes: a named field, an unnamed one (=$VAR),
# and a plain -d field between them.
curl https://xyz.endpoints.huggingface.cloud/form \
  --data-urlencode "text=hello $PROMPT" \
  -d 'mode=fast&x=%41' \
  --data-urlencode "=$SUFFIX" \
  -H "Authorization: Bearer $HF_TOKEN"
