# The body from a quoted heredoc on stdin: nothing in it expands.
curl https://xyz.endpoints.huggingface.cloud/echo \
  -H 'Content-Type: text/plain' \
  --data-binary @- <<'EOF_BODY'
first line with 'single' and "double" quotes
$(touch pwned) `touch pwned` ${HOME} $HF_TOKEN !!
	tab-indented line \ with backslash
EOF_BODY
