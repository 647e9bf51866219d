curl 'https://xyz.endpoints.huggingface.cloud/distilbert-sentiment?lang=en&q=a%20b' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: application/json' \
    -d '{
        "inputs": "It'\''s \"quoted\" \\ back\\slash $(touch /tmp/pwned) `id` ${HOME} '\!'event\nnew line\r\ttab \u0000 nul \u007f 🤗 中文 \u202eevil\u2028 </script> {braces} %s"
    }'
