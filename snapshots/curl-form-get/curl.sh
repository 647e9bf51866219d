curl 'https://huggingface.co/api/models?search=bert+base&limit=5'
