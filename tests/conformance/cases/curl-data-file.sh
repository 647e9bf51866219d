# -d @file: curl drops CR and LF from the file, keeps every other byte.
curl https://xyz.endpoints.huggingface.cloud/form \
  -d @notes.txt \
  -H 'Authorization: Bearer hf_***'
