cat <<'EOF' | curl https://x.cloud/m -H 'Content-Type: text/plain' --data-binary @-
hello $(whoami) `id`
EOF
# a comment
