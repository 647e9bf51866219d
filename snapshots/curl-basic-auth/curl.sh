curl 'https://xyz.endpoints.huggingface.cloud/settings' \
    -X PATCH \
    -u 'admin:s3cret'\!'' \
    -H 'Content-Type: application/x-www-form-urlencoded' \
    -H 'User-Agent: docs-bot/1.0' \
    -H 'Cookie: session=abc; theme=dark' \
    --data-raw 'replicas=2&scale_to_zero=true'
