curl ^"https://x.cloud/m^" ^
  -H ^"content-type: application/json^" ^
  --data-raw ^"^{^\^"inputs^\^":^\^"hi^\^"^}^" ^
  --compressed
