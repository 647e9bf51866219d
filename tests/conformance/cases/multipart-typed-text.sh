# Text parts with a type of their own and no file name (-F 'meta=...;type=...'):
# curl sends a Content-Type and no filename= for them; FormData would name them
# "blob". One value spans lines, which FormData would turn into CRLF. Beside them,
# a file and a plain field.
curl https://xyz.hf.space/gradio_api/upload \
  -H "Authorization: Bearer $HF_TOKEN" \
  -F 'meta={"model": "whisper", "language": "fr"};type=application/json' \
  -F $'config={\n  "beam_size": 5\n};type=application/json' \
  -F 'audio=@sample.flac' \
  -F 'note=plain text'
