curl 'https://router.huggingface.co/hf-inference/models/HuggingFaceTB/SmolLM3-3B/v1/chat/completions' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "model": "HuggingFaceTB/SmolLM3-3B",
        "messages": [
            {"role": "user", "content": "Tell me a story"}
        ],
        "stream": true
    }' \
    --no-buffer
