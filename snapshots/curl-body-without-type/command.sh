# A body without a Content-Type: the empty -H removes curl's own, and a client must
# not add one (Net::HTTP would send application/x-www-form-urlencoded).
curl https://xyz.endpoints.huggingface.cloud/raw \
  -H "Authorization: Bearer $HF_TOKEN" \
  -H 'Content-Type:' \
  --data-binary 'just bytes'
