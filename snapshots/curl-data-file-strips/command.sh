curl https://x.cloud/form -d @form.txt
