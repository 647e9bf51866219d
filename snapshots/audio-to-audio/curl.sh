curl 'https://xyz.endpoints.huggingface.cloud/sepformer' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: audio/flac' \
    --data-binary '@mixture.flac'
