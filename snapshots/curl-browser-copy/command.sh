curl "https://router.huggingface.co/v1/chat/completions" ^
  -H "accept: */*" ^
  -H "authorization: Bearer hf_***" ^
  -H "content-type: application/json" ^
  -H "connection: keep-alive" ^
  --data-raw "{^\"model^\":^\"openai/gpt-oss-120b:groq^\",^\"messages^\":[{^\"role^\":^\"user^\",^\"content^\":^\"Say ^\\^\"hi^\\^\" ^& wave^\"}],^\"stream^\":true}"
