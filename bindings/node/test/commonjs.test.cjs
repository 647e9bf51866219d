// The package from CommonJS: the same functions and classes as from an ES module.
const assert = require("node:assert/strict");
const { test } = require("node:test");

const snippets = require("inference-snippets");

test("require gives what import gives", async () => {
  const esm = await import("inference-snippets");
  for (const name of Object.keys(snippets)) {
    assert.equal(esm[name], snippets[name], name);
  }
  assert.equal(esm.default, snippets);
});

test("render from CommonJS", () => {
  const spec = { url: "https://xyz.endpoints.huggingface.cloud/m", json: { inputs: "Hi" }, task: "text-classification" };
  assert.match(snippets.render(spec, "huggingface.js"), /client\.textClassification\(/);
  assert.ok(snippets.render(spec, { language: "python" }).includes("InferenceClient"));
});
