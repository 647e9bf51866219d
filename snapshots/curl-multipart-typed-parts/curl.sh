curl 'https://xyz.hf.space/gradio_api/upload' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -F 'meta={"task": "upload"};type=application/json' \
    -F 'file=@"photo.png";type=image/png;filename="photo.png"' \
    --form-string note=plain
