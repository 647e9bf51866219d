# Variables in a body that is not JSON, and user and password from variables.
curl https://xyz.endpoints.huggingface.cloud/settings \
  -u "admin:$ADMIN_PASSWORD" \
  -H 'Content-Type: text/plain' \
  --data-raw "replicas=$REPLICAS and name ${DEPLOYMENT_NAME:-default-name}"
