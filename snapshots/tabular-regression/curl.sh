curl 'https://xyz.endpoints.huggingface.cloud/fish-weight' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "inputs": {
            "data": {
                "Height": ["11.52", "12.48"],
                "Length1": ["23.2", "24"],
                "Width": ["4.02", "4.3056"]
            }
        }
    }'
