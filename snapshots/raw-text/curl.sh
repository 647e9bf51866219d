curl 'https://xyz.endpoints.huggingface.cloud/echo' \
    -X PUT \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -H 'Content-Type: text/plain; charset=utf-8' \
    --data-raw 'line 1 '\''quoted'\''
line 2 "double" $HOME
@not-a-file'
