curl 'https://xyz.endpoints.huggingface.cloud/settings' \
    -X PATCH \
    -H 'Content-Type: application/x-www-form-urlencoded' \
    -H 'User-Agent: docs-bot/1.0' \
    -H 'Cookie: session=abc; theme=dark' \
    -H 'Authorization: Basic YWRtaW46czNjcmV0IQ==' \
    --data-raw 'replicas=2&scale_to_zero=true'
