curl 'https://router.huggingface.co/hf-inference/models/distilbert/distilbert-base-uncased-finetuned-sst-2-english' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -H 'X-HF-Bill-To: my-org' \
    -d '{
        "inputs": "I like you. I love you"
    }'
