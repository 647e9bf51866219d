# Several -d join with &, sent as a form unless a header says otherwise; -X PUT.
curl -X PUT https://xyz.endpoints.huggingface.cloud/settings \
  -d 'replicas=2' \
  -d 'note=it'\''s 50% "done" & more' \
  --data-raw '@not-a-file' \
  -u 'admin:p@ss:w0rd!'
