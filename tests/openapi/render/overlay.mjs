// Applies an OpenAPI Overlay 1.0 document to a spec with openapi-format (its
// overlay support: update and remove on JSONPath targets, RFC 9535 through
// jsonpathly), then validates the spec before and after against the OpenAPI
// schemas with @seriousme/openapi-schema-validator.
//
//   node overlay.mjs SPEC OVERLAY OUT
//
// Writes the overlaid spec to OUT as JSON and prints one JSON line: the actions
// used and unused, each validation, and the operations whose x-codeSamples are
// not the extension's shape (an array of {lang, label?, source} strings; the
// OpenAPI schemas let any x- value through). Exits 1 when an action selected
// nothing (an overlay written for this spec targets only what is there), a sample
// is malformed, or the overlay changed what the validator says (a published
// spec may already fail it: TGI's does); 2 on a usage or read error.
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";

import { Validator } from "@seriousme/openapi-schema-validator";

const require = createRequire(import.meta.url);
const { openapiOverlay, parseFile } = require("openapi-format");

const [specPath, overlayPath, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error("usage: node overlay.mjs SPEC OVERLAY OUT");
  process.exit(2);
}

async function read(path) {
  const value = await parseFile(path);
  if (value instanceof Error || value === null || typeof value !== "object") {
    console.error(`${path}: cannot be read: ${value}`);
    process.exit(2);
  }
  return value;
}

async function validate(spec) {
  // A validator per document: it keeps the last one it read.
  const validator = new Validator();
  const result = await validator.validate(structuredClone(spec));
  return { valid: result.valid, version: validator.version, errors: result.errors ?? [] };
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

// "METHOD PATH" of each operation whose x-codeSamples is not the extension's shape.
function malformedSamples(spec) {
  const wrong = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const samples = item?.[method]?.["x-codeSamples"];
      if (samples === undefined) continue;
      const fine =
        Array.isArray(samples) &&
        samples.every(
          (sample) =>
            sample !== null &&
            typeof sample === "object" &&
            typeof sample.lang === "string" &&
            typeof sample.source === "string" &&
            ["string", "undefined"].includes(typeof sample.label) &&
            Object.keys(sample).every((key) => ["lang", "label", "source"].includes(key)),
        );
      if (!fine) wrong.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return wrong;
}

const spec = await read(specPath);
const overlay = await read(overlayPath);
const before = await validate(spec);

// openapi-format reports a malformed action on stderr and skips it; those count
// as unused below.
const { data, resultData } = await openapiOverlay(structuredClone(spec), { overlaySet: overlay });
const after = await validate(data);
await writeFile(outPath, `${JSON.stringify(data, null, 2)}\n`);

const report = {
  overlay: overlay.overlay,
  actions: resultData.totalActions,
  used: resultData.totalUsedActions,
  unused: resultData.unusedActions.map((action) => action.target),
  malformed: malformedSamples(data),
  before,
  after,
};
console.log(JSON.stringify(report));
const ok =
  report.actions > 0 &&
  report.unused.length === 0 &&
  report.malformed.length === 0 &&
  after.valid === before.valid &&
  JSON.stringify(after.errors) === JSON.stringify(before.errors);
process.exit(ok ? 0 : 1);
