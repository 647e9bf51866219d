curl 'https://xyz.endpoints.huggingface.cloud/raw' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type:' \
    --data-raw 'just bytes'
