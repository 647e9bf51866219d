# Firefox's "Copy as cURL": browser headers, connection headers each client
# manages, and an Accept-Encoding (br, zstd) left to each client's negotiation.
curl 'https://huggingface.co/api/models?search=bert&limit=2' -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' -H 'Accept: */*' -H 'Accept-Language: en-US,en;q=0.5' -H 'Accept-Encoding: gzip, deflate, br, zstd' -H 'Referer: https://huggingface.co/models' -H 'Connection: keep-alive' -H 'Sec-Fetch-Dest: empty' -H 'Sec-Fetch-Mode: cors' -H 'Sec-Fetch-Site: same-origin' -H 'Priority: u=4'
