curl 'https://x.cloud/m?q=1' -G --data-urlencode 'text=a b&c' --url-query k=v -u user:pass -A agent -e ref -b 'a=1; b=2' -r 0-9 --compressed -s -L
