# A typed part without a file name, which Ruby's form encoder cannot write (it gives
# a type only to a part with a file name), beside a file and a plain field.
curl https://xyz.hf.space/gradio_api/upload \
  -H "Authorization: Bearer $HF_TOKEN" \
  -F 'meta={"task": "upload"};type=application/json' \
  -F 'file=@photo.png' \
  -F 'note=plain'
