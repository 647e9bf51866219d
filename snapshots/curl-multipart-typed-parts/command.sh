# Parts Ruby's form encoder cannot write as curl does: a typed part without a file
# name, a file name with a backslash (it would escape it).
curl https://xyz.hf.space/gradio_api/upload \
  -H "Authorization: Bearer $HF_TOKEN" \
  -F 'meta={"task": "upload"};type=application/json' \
  -F 'file=@photo.png;filename=back\slash.png' \
  -F 'note=plain'
