# Brackets in the query, sent as written (-g): every client must send them, and the
# curl snippet needs --globoff too, or curl reads them as a range.
curl -g 'https://api.example.com/v1/items?filter[name]=cat&page[size]=2' \
  -H "Authorization: Bearer $HF_TOKEN"
