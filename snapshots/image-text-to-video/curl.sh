curl 'https://xyz.endpoints.huggingface.cloud/ltx-video' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "inputs": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
        "parameters": {"prompt": "The cat starts to dance", "num_frames": 49}
    }' \
    -o image-text-to-video.mp4
