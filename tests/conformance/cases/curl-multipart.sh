# Multipart: a text field, files with ;type= and ;filename=, binary bytes with NUL,
# <file as a text field, --form-string keeping @ and ; as text.
curl https://xyz.hf.space/gradio_api/upload \
  -H "Authorization: Bearer $HF_TOKEN" \
  -F 'field=plain value' \
  -F 'img=@photo.png' \
  -F 'blob=@blob.bin;type=application/octet-stream' \
  -F 'renamed=@photo.png;filename=other name.png' \
  -F 'note=<notes.txt' \
  --form-string 'literal=@not a file; type=text/html'
