curl 'https://huggingface.co/api/models?search=bert%20base&limit=5&sort=downloads'
