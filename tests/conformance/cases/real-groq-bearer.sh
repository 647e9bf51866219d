# As Groq's docs write it: `bearer` in lowercase (kept as written), the key from
# ${...}, and a JSON body without a Content-Type (curl sends it as a form).
curl -X POST "https://api.groq.com/openai/v1/chat/completions" \
     -H "Authorization: bearer ${GROQ_API_KEY}" \
     -d '{"messages": [{"role": "user", "content": "Explain the importance of fast language models"}], "model": "llama-3.3-70b-versatile"}'
