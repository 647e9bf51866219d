curl 'https://xyz.endpoints.huggingface.cloud/blip-captioning' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: image/jpeg' \
    --data-binary '@cat.jpg'
