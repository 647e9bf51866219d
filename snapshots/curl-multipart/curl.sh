curl 'https://microsoft-trellis-2.hf.space/gradio_api/upload' \
    -X POST \
    -H "Authorization: Bearer ${HF_TOKEN:?}" \
    -F 'files=@"chair.png";type=image/png;filename="chair.png"' \
    -F 'audio=@"takes; two.flac";type=audio/x-flac;filename="take2.flac"' \
    --form-string 'note=@not a file; it'\''s text'
