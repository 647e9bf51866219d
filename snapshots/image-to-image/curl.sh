curl 'https://xyz.endpoints.huggingface.cloud/controlnet' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: image/png' \
    --data-binary '@cat.png' \
    -o image-to-image.png
