# -G moves the data into the query: --data-urlencode forms, plain -d, --url-query.
curl -G 'https://huggingface.co/api/models?author=hf%20team' \
  --data-urlencode 'search=bert base & co/é?#' \
  --data-urlencode '=only value+plus' \
  --data-urlencode 'plain text; semi' \
  -d 'limit=5' \
  --url-query 'sort=downloads' \
  -H "Authorization: Bearer $HF_TOKEN"
