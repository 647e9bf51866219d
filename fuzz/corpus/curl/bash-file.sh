curl --request POST \
  --url https://xyz.endpoints.huggingface.cloud/wav2vec-asr \
  --header 'Authorization: Bearer hf_***' \
  --header 'Content-Type: audio/x-flac' \
  --data-binary '@sample1.flac'
