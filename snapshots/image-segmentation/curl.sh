curl 'https://xyz.endpoints.huggingface.cloud/segformer' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: image/png' \
    --data-binary '@street.png'
