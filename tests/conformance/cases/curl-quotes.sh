# Single quotes with '\'' escapes, ! and $(...) and backticks kept as text, double
# quotes with \" \\ \$ \` escapes, a literal newline inside the single-quoted body.
curl 'https://xyz.endpoints.huggingface.cloud/distilbert-sentiment?q=it%27s' \
  -H "Authorization: Bearer $HF_TOKEN" \
  -H 'Content-Type: application/json' \
  -H "X-Quoted: say \"hi\" \\ \$HOME \`id\` !x" \
  -d '{"inputs": "It'\''s \"quoted\" \\ $(touch pwned) `touch pwned` ${HOME} !event !!
second line	tab 🤗 中文"}'
