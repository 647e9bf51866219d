# Header values with : and ; and =, -A, -e, -b, --json (which sets Accept too).
curl https://xyz.endpoints.huggingface.cloud/custom \
  -H "Authorization: Bearer $HF_TOKEN" \
  -H 'X-Time: 12:30:45' \
  -H 'X-Params: a=1; b="two; three"; c' \
  -H 'X-Url: https://example.com/a?b=c;d' \
  -A 'docs-bot/1.0 (+https://example.com; "quoted")' \
  -e 'https://example.com/page?x=1' \
  -b 'session=abc; theme=dark' \
  --json '{"inputs": "semi; colon: equals="}'
