# bash's $'...' quoting: \n \r \t \' \\ \u escapes, and $'...' next to '...'.
curl https://xyz.endpoints.huggingface.cloud/echo \
  -H 'Content-Type: text/plain; charset=utf-8' \
  --data-binary $'line 1\nline 2\r\n\ttab \'single\' "double" \\ back \u00e9\U0001F917 $(touch pwned)'' and `touch pwned`'
