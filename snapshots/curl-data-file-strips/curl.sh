curl 'https://x.cloud/form' \
    -X POST \
    -H 'Content-Type: application/x-www-form-urlencoded' \
    -d '@form.txt'
