curl 'https://xyz.endpoints.huggingface.cloud/instruct-pix2pix' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "inputs": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
        "parameters": {
            "prompt": "Turn the cat into a tiger",
            "num_inference_steps": 20
        }
    }' \
    -o image-to-image.png
