#!/usr/bin/env bash
# Builds both packages from this checkout: the Python one into the venv
# target/bindings/venv (with the pinned maturin and pytest), the Node addon beside
# bindings/node/index.js (after npm ci). Debug builds by default; --release for the
# benchmark. Both build for the host triple (napi always names it), so they share
# target/<host>/<profile>. Needs cargo, python3 (with venv), node and npm.
#
# --prepare only installs what the builds need from the registries (the venv's
# maturin and pytest, npm ci): .ci/run starts it while the crate builds and tests.
set -euo pipefail
cd "$(dirname "$0")/.."
release=()
prepare=false
case "${1:-}" in
  --release) release=(--release) ;;
  --prepare) prepare=true ;;
esac

venv=target/bindings/venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r bindings/python/requirements.txt
# npm ci empties node_modules first: it runs again only when the lock changed.
stamp=bindings/node/node_modules/.installed-from-package-lock.json
if ! cmp -s bindings/node/package-lock.json "$stamp"; then
  (cd bindings/node && npm ci --no-audit --no-fund --loglevel=error)
  cp bindings/node/package-lock.json "$stamp"
fi
if $prepare; then
  exit 0
fi

host=$(rustc -vV | sed -n 's/^host: //p')
# maturin installs into the virtualenv that is active.
VIRTUAL_ENV="$PWD/$venv" PATH="$PWD/$venv/bin:$PATH" \
  maturin develop --locked "${release[@]}" --target "$host" -m bindings/python/Cargo.toml

cd bindings/node
if [ ${#release[@]} -gt 0 ]; then
  npm run --silent build
else
  npm run --silent build:debug
fi
