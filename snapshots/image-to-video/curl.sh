curl 'https://xyz.endpoints.huggingface.cloud/wan-i2v' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: image/png' \
    --data-binary '@cat.png' \
    -o image-to-video.mp4
