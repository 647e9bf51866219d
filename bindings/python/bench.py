"""Time per call from Python, in one warm process, beside @huggingface/inference's
getInferenceSnippets for the same chat request in the same run (node, with the
version bindings/node/package-lock.json pins). A benchmark, not a test:
bindings/bench.sh builds both packages in release mode and runs it.

Usage: python bindings/python/bench.py
"""

import json
import subprocess
import sys
import time
from pathlib import Path

from inference_snippets import render, render_all

NODE = Path(__file__).resolve().parents[1] / "node"

CHAT = {
    "url": "https://xyz.endpoints.huggingface.cloud/llama/v1/chat/completions",
    "json": {
        "model": "meta-llama/Llama-3.1-8B-Instruct",
        "messages": [{"role": "user", "content": "What is the capital of France?"}],
    },
    "task": "chat-completion",
    "token": "hf_***",
}
CLASSIFY = {
    "url": "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment",
    "json": {"inputs": "Deploying my first endpoint was an amazing experience."},
    "task": "text-classification",
}


def per_call(fn):
    """Median nanoseconds per call of ``fn`` over 7 rounds of about 0.2 s each."""
    n = 1
    while True:
        start = time.perf_counter_ns()
        for _ in range(n):
            fn()
        if time.perf_counter_ns() - start > 50e6:
            break
        n *= 2
    n *= 4
    rounds = []
    for _ in range(7):
        start = time.perf_counter_ns()
        for _ in range(n):
            fn()
        rounds.append((time.perf_counter_ns() - start) / n)
    return sorted(rounds)[3]


def main():
    results = {
        "render (requests, text-classification)": per_call(lambda: render(CLASSIFY, "requests")),
        "render_all (chat completion)": per_call(lambda: render_all(CHAT)),
    }
    hf = subprocess.run(
        ["node", "bench/bench.mjs", "--only=getInferenceSnippets", "--json"],
        cwd=NODE,
        check=True,
        capture_output=True,
        text=True,
    )
    hf_ns = json.loads(hf.stdout)["getInferenceSnippets"]
    print(f"Python {sys.version.split()[0]}; getInferenceSnippets in node, the same run")
    for name, ns in results.items():
        ratio = f"  ({hf_ns / ns:.0f}x faster than getInferenceSnippets)"
        print(f"{name:<42} {ns / 1000:8.2f} µs{ratio}")
    print(f"{'getInferenceSnippets (node)':<42} {hf_ns / 1000:8.2f} µs")


if __name__ == "__main__":
    main()
