curl https://x.cloud/v1/chat/completions --json '{"model":"tgi","messages":[{"role":"user","content":"hi"}],"stream":true}' --oauth2-bearer "${TOKEN}"
