// Problems throw the SnippetError of their kind, with their place and hint.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  convertCurl,
  CurlError,
  Diagnostic,
  parseCurl,
  RefusalError,
  render,
  SnippetError,
  SpecError,
  UsageError,
} from "inference-snippets";

/** The error `fn` throws. */
function thrown(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  assert.fail("nothing thrown");
}

test("a bad spec throws at its line and column", () => {
  const err = thrown(() => render('{"url": "https://x.cloud",\n "jsn": {}}', "curl"));
  assert.ok(err instanceof SpecError && err instanceof SnippetError && err instanceof Error);
  assert.equal(err.name, "SpecError");
  assert.deepEqual(
    [err.code, err.severity, err.file, err.line, err.column, err.hint],
    ["unknown-key", "error", "<request>", 2, 2, 'did you mean "json"?'],
  );
  assert.equal(err.message, '<request>:2:2: unknown key "jsn"; did you mean "json"?');
  assert.ok(err.diagnostic instanceof Diagnostic);
  assert.equal(err.diagnostic.message, 'unknown key "jsn"');
});

test("an object has no place to point at", () => {
  const err = thrown(() => render({ url: "https://x.cloud", hedaers: {} }, "curl"));
  assert.deepEqual([err.code, err.file, err.line, err.column], ["unknown-key", null, null, null]);
});

test("a refusal names the client that can, in JavaScript's words", () => {
  let err = thrown(() => render({ url: "https://x.cloud", json: { inputs: 1 } }, "huggingface.js"));
  assert.ok(err instanceof RefusalError);
  assert.equal(err.code, "missing-task");
  assert.match(err.hint, /add "task" to the request/);
  assert.match(err.hint, /use the client "fetch"/);
  // A task is offered only for a request the client would send with one.
  err = thrown(() => convertCurl("curl https://x.cloud -d a=1", "huggingface_hub"));
  assert.equal(err.code, "unsupported-by-client");
  assert.doesNotMatch(err.hint, /task/);
  err = thrown(() =>
    convertCurl(`curl https://x.cloud -H "Authorization: Bearer $HF_TOKEN" -H 'Content-Type: application/json' -d '{"inputs": 1}'`, "huggingface_hub"),
  );
  assert.match(err.hint, /pass \{ task: "\.\.\." \}/);
});

test("usage errors", () => {
  const chat = { url: "https://x.cloud/v1/chat/completions", json: { model: "tgi", messages: [] } };
  assert.throws(() => render(chat, "nope"), UsageError);
  assert.throws(() => render(chat, "fetch", { language: "python" }), /client fetch writes js, not python/);
  assert.throws(() => render(chat), /name a client/);
  assert.throws(() => convertCurl("curl https://x.cloud", "curl", { shell: "fish" }), /unknown shell/);
  const err = thrown(() => convertCurl("curl https://x.cloud", "curl", { task: "text-clasification" }));
  assert.ok(err instanceof UsageError);
  assert.equal(err.code, "unknown-task");
  assert.throws(() => render(["https://x.cloud"], "curl"), TypeError);
});

test("curl errors are placed in the command", () => {
  const err = thrown(() => convertCurl("curl https://x.cloud \\\n  --hedaer 'X: y'", "fetch"));
  assert.ok(err instanceof CurlError);
  assert.deepEqual(
    [err.code, err.file, err.line, err.column, err.hint],
    ["unknown-option", "<command>", 2, 3, "did you mean --header?"],
  );
});

test("openai names a client of each language", () => {
  const chat = {
    url: "https://x.cloud/v1/chat/completions",
    json: { model: "tgi", messages: [{ role: "user", content: "Hi" }] },
  };
  assert.throws(() => render(chat, "openai"), /pass \{ language: "\.\.\." \} too; or name one: openai-python or openai-js/);
  assert.match(render(chat, "openai", { language: "python" }), /from openai import OpenAI/);
  assert.equal(render(chat, "openai-js"), render(chat, "openai", { language: "js" }));
});

test("a misspelt name says the closest, and which argument", () => {
  const chat = { url: "https://x.cloud/v1/chat/completions", json: { model: "tgi", messages: [] } };
  let err = thrown(() => render(chat, "requets"));
  assert.ok(err instanceof UsageError);
  assert.deepEqual([err.code, err.file, err.hint], ["usage", "client", "did you mean requests?"]);
  assert.equal(err.message, 'client: unknown client "requets"; did you mean requests?');
  err = thrown(() => render(chat, { language: "pyton" }));
  assert.deepEqual([err.file, err.hint], ["language", "did you mean python?"]);
  err = thrown(() => convertCurl("curl https://x.cloud", "curl", { shell: "powershel" }));
  assert.deepEqual([err.file, err.hint], ["shell", "did you mean powershell?"]);
  err = thrown(() => convertCurl("curl https://x.cloud", "curl", { task: "text-clasification" }));
  assert.equal(err.file, "task");
});

test("errors carry the field, every hint and where the code is explained", () => {
  const token = "hf_abcdefghijklmnopqrstuvwxyz0123456789";
  let err = thrown(() => render({ url: "https://x.cloud", headers: { "X-Key": token } }, "curl"));
  assert.deepEqual([err.code, err.field], ["real-token", { kind: "header", name: "X-Key" }]);
  err = thrown(() => render(`{"url": "https://x.cloud",\n "json": {"inputs": ["${token}"]}}`, "curl"));
  assert.deepEqual([err.field, err.line, err.column], [{ kind: "json", pointer: "/inputs/0" }, 2, 11]);
  err = thrown(() => render({ url: "https://x.cloud", json: { inputs: 1 } }, "huggingface.js"));
  assert.ok(err instanceof RefusalError);
  assert.deepEqual(err.hints, [
    'add "task" to the request (a pipeline tag such as "text-classification")',
    'use the client "fetch"',
  ]);
  assert.equal(err.hint, err.hints.join("; "));
  assert.equal(err.url, "https://github.com/huggingface/inference-snippets/blob/main/ERRORS.md#missing-task");
  assert.deepEqual([err.diagnostic.hints, err.diagnostic.url], [err.hints, err.url]);
});

test("warnings carry the same keys", () => {
  const { warnings } = parseCurl("curl https://x.cloud -H 'Authorization: Bearer hf_abcdefghijklmnopqrstuvwxyz0123456789'");
  assert.deepEqual(
    warnings.map((w) => [w.code, w.field, w.url.split("#")[1]]),
    [["token-replaced", { kind: "token" }, "token-replaced"]],
  );
});
