// Time per call, in one warm process: this package's render and renderAll beside
// @huggingface/inference's getInferenceSnippets (the version package-lock.json pins)
// for the same chat request. A benchmark, not a test: bindings/bench.sh runs it.
// Usage: node bench/bench.mjs [--only=getInferenceSnippets] [--json]
import { snippets as hf } from "@huggingface/inference";

import { render, renderAll } from "inference-snippets";

/** One request, as each side takes it: an endpoint's chat completion. */
export const CHAT = {
  url: "https://xyz.endpoints.huggingface.cloud/llama/v1/chat/completions",
  json: {
    model: "meta-llama/Llama-3.1-8B-Instruct",
    messages: [{ role: "user", content: "What is the capital of France?" }],
  },
  task: "chat-completion",
  token: "hf_***",
};
const HF_MODEL = {
  id: "meta-llama/Llama-3.1-8B-Instruct",
  pipeline_tag: "text-generation",
  tags: ["conversational"],
  inference: "",
};
const HF_OPTIONS = { endpointUrl: "https://xyz.endpoints.huggingface.cloud/llama", accessToken: "hf_***" };
const CLASSIFY = {
  url: "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment",
  json: { inputs: "Deploying my first endpoint was an amazing experience." },
  task: "text-classification",
};

/** Median nanoseconds per call of `fn` over 7 rounds of about 0.2 s each. */
function time(fn) {
  let n = 1;
  for (;;) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i += 1) fn();
    if (Number(process.hrtime.bigint() - start) > 50e6) break;
    n *= 2;
  }
  n *= 4;
  const rounds = [];
  for (let round = 0; round < 7; round += 1) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i += 1) fn();
    rounds.push(Number(process.hrtime.bigint() - start) / n);
  }
  return rounds.sort((a, b) => a - b)[3];
}

const cases = {
  "render (requests, text-classification)": () => render(CLASSIFY, "requests"),
  "renderAll (chat completion)": () => renderAll(CHAT),
  getInferenceSnippets: () => hf.getInferenceSnippets(HF_MODEL, "hf-inference", undefined, HF_OPTIONS),
};
const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
const results = {};
for (const [name, fn] of Object.entries(cases)) {
  if (!only || name === only) {
    results[name] = time(fn);
  }
}
if (process.argv.includes("--json")) {
  console.log(JSON.stringify(results));
} else {
  const hfTime = results.getInferenceSnippets;
  console.log(`Node ${process.version}, @huggingface/inference ${(await import("@huggingface/inference/package.json", { with: { type: "json" } }).catch(() => ({ default: {} }))).default.version ?? ""}`);
  for (const [name, ns] of Object.entries(results)) {
    const ratio = hfTime && name !== "getInferenceSnippets" ? `  (${(hfTime / ns).toFixed(0)}x faster than getInferenceSnippets)` : "";
    console.log(`${name.padEnd(42)} ${(ns / 1000).toFixed(2).padStart(8)} µs${ratio}`);
  }
}
