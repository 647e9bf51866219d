#!/usr/bin/env bash
# The bindings' benchmark, not a test: both packages built in release mode, then
# the time per call from Python and from Node, each beside @huggingface/inference's
# getInferenceSnippets for the same chat request in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash bindings/build.sh --release
echo "== from Python"
target/bindings/venv/bin/python bindings/python/bench.py
echo "== from Node"
cd bindings/node && node bench/bench.mjs
