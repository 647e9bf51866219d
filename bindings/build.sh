#!/usr/bin/env bash
# Builds both packages from this checkout: the Python one into the venv
# target/bindings/venv (with the pinned maturin and pytest), the Node addon beside
# bindings/node/index.js (after npm ci). Debug builds by default; --release for the
# benchmark. Both build for the host triple (napi always names it), so they share
# target/<host>/<profile>. Needs cargo, python3 (with venv), node and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
release=()
if [ "${1:-}" = "--release" ]; then
  release=(--release)
fi
host=$(rustc -vV | sed -n 's/^host: //p')

venv=target/bindings/venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r bindings/python/requirements.txt
# maturin installs into the virtualenv that is active.
VIRTUAL_ENV="$PWD/$venv" PATH="$PWD/$venv/bin:$PATH" \
  maturin develop --locked "${release[@]}" --target "$host" -m bindings/python/Cargo.toml

cd bindings/node
npm ci --no-audit --no-fund --loglevel=error
if [ ${#release[@]} -gt 0 ]; then
  npm run --silent build
else
  npm run --silent build:debug
fi
