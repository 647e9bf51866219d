curl 'https://router.huggingface.co/v1/chat/completions' \
    -X POST \
    -H 'Authorization: Bearer hf_***' \
    -H 'Content-Type: application/json' \
    -H 'accept: */*' \
    -d '{
        "model": "openai/gpt-oss-120b:groq",
        "messages": [
            {"role": "user", "content": "Say \"hi\" & wave"}
        ],
        "stream": true
    }' \
    --no-buffer
