curl 'https://xyz.endpoints.huggingface.cloud/musicgen' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "inputs": "liquid drum and bass, atmospheric synths, airy sounds"
    }' \
    -o text-to-audio.flac
