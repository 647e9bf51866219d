curl ^"https://xyz.endpoints.huggingface.cloud/classify^" ^
  -H ^"Authorization: Bearer %HF_TOKEN%^" ^
  -H ^"X-Model: %MODEL_NAME%^" ^
  -H ^"Content-Type: application/json^" ^
  --data-raw ^"^{^\^"inputs^\^": ^\^"I like you^\^"^}^"
