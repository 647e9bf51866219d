#!/usr/bin/env bash
# The bindings' tests, run by .ci/run after the crate's: both packages built from
# this checkout (build.sh), then pytest and node --test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash bindings/build.sh
echo "== bindings/python: pytest"
target/bindings/venv/bin/python -m pytest -q -p no:cacheprovider bindings/python/tests
echo "== bindings/node: node --test"
cd bindings/node && npm test
