# As Replicate's docs write it: flags bundled, a Prefer header, an ANSI-C quoted
# body, and the URL last.
curl -s -X POST \
  -H "Authorization: Bearer $REPLICATE_API_TOKEN" \
  -H "Content-Type: application/json" \
  -H "Prefer: wait" \
  -d $'{\n  "input": {\n    "prompt": "black forest gateau cake spelling out the words \\"FLUX SCHNELL\\""\n  }\n}' \
  https://api.replicate.com/v1/models/black-forest-labs/flux-schnell/predictions
