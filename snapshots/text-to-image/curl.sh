curl 'https://xyz.endpoints.huggingface.cloud/sdxl' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "inputs": "Astronaut riding a horse",
        "parameters": {"num_inference_steps": 25, "guidance_scale": 7.5}
    }' \
    -o text-to-image.png
