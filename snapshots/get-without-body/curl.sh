curl 'https://xyz.endpoints.huggingface.cloud/health?verbose=true&name=a%2Fb'
