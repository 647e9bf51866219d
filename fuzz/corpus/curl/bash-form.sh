curl https://x.cloud/up -F 'file=@a.png;type=image/png;filename=b.png' -F 'meta=<m.json' --form-string 'x=@y' -H $'X-Tab: a\tb'
