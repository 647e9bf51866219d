curl 'https://xyz.endpoints.huggingface.cloud/vit-base' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: image/jpeg' \
    --data-binary '@cats.jpg'
