# curl's connection options, each written in the clients' idiom: no certificate
# check, time limits, compression, redirects followed. A browser's Accept-Encoding
# (br, zstd) is left to each client's own negotiation.
curl -k -m 30 --connect-timeout 5 --compressed -L \
  https://xyz.endpoints.huggingface.cloud/classify \
  -H 'Accept-Encoding: gzip, deflate, br, zstd' \
  -H "Authorization: Bearer $HF_TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{"inputs": "I like you"}'
