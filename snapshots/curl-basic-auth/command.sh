curl -u 'admin:s3cret!' -X PATCH https://xyz.endpoints.huggingface.cloud/settings \
  -A 'docs-bot/1.0' -b 'session=abc; theme=dark' \
  -d 'replicas=2&scale_to_zero=true'
