curl 'https://xyz.endpoints.huggingface.cloud/wav2vec-asr' \
    -X POST \
    -H 'Authorization: Bearer hf_***' \
    -H 'Content-Type: audio/x-flac' \
    --data-binary '@sample1.flac'
