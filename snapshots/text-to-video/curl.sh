curl 'https://xyz.endpoints.huggingface.cloud/wan-t2v' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "inputs": "A young man walking on the street",
        "parameters": {"num_frames": 49, "num_inference_steps": 30}
    }' \
    -o text-to-video.mp4
