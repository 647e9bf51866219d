curl -G https://huggingface.co/api/models \
  --data-urlencode 'search=bert base' \
  -d limit=5 \
  --url-query 'sort=downloads'
