curl 'https://xyz.endpoints.huggingface.cloud/flux-kontext' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "inputs": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
        "parameters": {"prompt": "Make it snow", "seed": 42}
    }' \
    -o image-text-to-image.png
