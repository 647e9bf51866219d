curl 'https://xyz.endpoints.huggingface.cloud/kokoro' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "inputs": "The answer to the universe is 42",
        "parameters": {"do_sample": true, "speaker": "af_heart"}
    }' \
    -o text-to-speech.flac
