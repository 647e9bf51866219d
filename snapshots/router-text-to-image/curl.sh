curl 'https://router.huggingface.co/hf-inference/models/black-forest-labs/FLUX.1-schnell' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "inputs": "Astronaut riding a horse",
        "parameters": {"num_inference_steps": 4}
    }' \
    -o text-to-image.png
