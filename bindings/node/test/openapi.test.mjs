// openapi: the samples of an OpenAPI document's operations, as `snippet openapi` writes them.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { Diagnostic, SpecError, UsageError, openapi, openapiCheck } from "../index.mjs";

const TGI = readFileSync(new URL("../../../tests/openapi/tgi/openapi.json", import.meta.url), "utf8");

test("the overlay sets samples on each operation and notes say what was left out", () => {
  const result = openapi(TGI, { server: "https://tgi.example.com" });
  assert.equal(JSON.parse(result.text).overlay, "1.0.0");
  const generate = result.operations.find((operation) => operation.operationId === "generate");
  assert.equal(generate.pointer, "/paths/~1generate/post");
  assert.deepEqual(
    generate.samples.slice(0, 3).map((sample) => sample.label),
    ["curl", "Python (requests)", "JavaScript (fetch)"],
  );
  assert.equal(result.notes.length, 1);
  assert.ok(result.notes[0] instanceof Diagnostic);
  assert.equal(result.notes[0].code, "operation-left-out");
});

test("write, then check; a hand edit is a drift", () => {
  const options = { clients: ["curl", "fetch"], langStyle: "scalar" };
  const written = openapi(TGI, { ...options, write: true }).text;
  assert.equal(JSON.parse(written).paths["/generate"].post["x-codeSamples"][1].lang, "node");
  assert.deepEqual(openapiCheck(written, options), []);
  const [drift] = openapiCheck(written.replace("My name is Olivier and I", "Hello"), options);
  assert.equal(drift.operation, "POST / (compat_generate)");
  assert.equal(drift.line, 17);
  assert.match(drift.diff, /-        "inputs": "Hello"\n/);
});

test("an overlay is checked too", () => {
  const overlay = openapi(TGI, { yaml: true }).text;
  assert.ok(overlay.startsWith('overlay: "1.0.0"\n'));
  assert.deepEqual(openapiCheck(TGI, { overlay }), []);
  assert.ok(openapiCheck(TGI, { overlay, langStyle: "mintlify" }).length > 0);
});

test("bad input throws with the place", () => {
  assert.throws(() => openapi("openapi: 3.1.0\npaths: [\n"), (err) => err instanceof SpecError && err.code === "invalid-yaml" && err.line === 3);
  assert.throws(() => openapi(TGI, { clients: ["requets"] }), UsageError);
});
