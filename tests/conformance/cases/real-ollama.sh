# As Ollama's docs write it: a local server and a JSON body without a Content-Type.
curl http://localhost:11434/api/generate -d '{
  "model": "llama3.2",
  "prompt": "Why is the sky blue?",
  "stream": false
}'
