# Variables curl form-encodes in the query: -G with --data-urlencode, a default,
# and a plain field with an escape (curl's URL parser writes escapes in lowercase
# before curl 8.20). Their values hold spaces, & and characters encodeURIComponent
# and quote_plus would keep.
curl -G https://xyz.endpoints.huggingface.cloud/search \
  --data-urlencode "q=$QUERY" \
  -d 'sort=a%2Ab' \
  --data-urlencode "lang=${LANG_CODE:-en us}" \
  -H "Authorization: Bearer $HF_TOKEN"
