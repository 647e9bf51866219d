// Every JavaScript example of the docs runs, and prints what the docs say it prints.
//
// The pages are README.md, docs/*.md and this package's README. A ```mjs (or ```js)
// block runs as an ES module, a ```cjs block as CommonJS, when it is outside a
// `<!-- snippet -->` region and not marked `<!-- example: illustration, WHY -->` or
// `<!-- example: file NAME -->` on the line before: in a temporary folder whose node_modules links this package, as an
// app that installed it by path, without HF_TOKEN. When the paragraph after it ends in
// "prints", the ```text block that follows is what it must print. (docs/testing.md has
// the conventions of every kind of example.)
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const pages = [
  "README.md",
  ...readdirSync(path.join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`),
  "bindings/node/README.md",
];
const fence = /^ {0,3}(`{3,}|~{3,})([^`\s]*)/;

/** The page's fenced blocks, outermost only, with the prose up to the next block. */
function blocks(text) {
  const lines = text.split("\n");
  const found = [];
  let inRegion = false;
  for (let index = 0; index < lines.length; index += 1) {
    const stripped = lines[index].trim();
    if (stripped.startsWith("<!-- snippet ")) inRegion = true;
    else if (stripped === "<!-- /snippet -->") inRegion = false;
    const match = fence.exec(lines[index]);
    if (!match) continue;
    const [, mark, info] = match;
    const start = index;
    const body = [];
    const closes = (line) => line.trim().length >= mark.length && [...line.trim()].every((c) => c === mark[0]);
    for (index += 1; index < lines.length && !closes(lines[index]); index += 1) body.push(lines[index]);
    const before = start > 0 ? lines[start - 1].trim() : "";
    found.push({ line: start + 1, end: index, info, text: `${body.join("\n")}\n`, before, inRegion });
  }
  found.forEach((block, i) => {
    const after = found[i + 1];
    if (after) Object.assign(block, { next: after, prose: lines.slice(block.end + 1, after.line - 1).join("\n").trim() });
  });
  return found;
}

const types = { js: "module", mjs: "module", javascript: "module", cjs: "commonjs" };
const examples = pages.flatMap((page) =>
  blocks(readFileSync(path.join(root, page), "utf8"))
    .filter((block) => block.info in types && !block.inRegion)
    .filter((block) => !block.before.startsWith("<!-- example: illustration,"))
    // A file a console example reads (`snippet verify --curl ... classify.js`): that
    // example runs it, in tests/examples.rs, where no connection leaves the machine.
    .filter((block) => !block.before.startsWith("<!-- example: file "))
    .map((block) => ({
      place: `${page}:${block.line}`,
      type: types[block.info],
      code: block.text,
      prints: /prints:?$/.test(block.prose ?? "") && block.next.info === "text" ? block.next.text : null,
    })),
);

test("the docs hold JavaScript examples, ES modules and CommonJS", () => {
  assert.ok(examples.filter((example) => example.type === "module").length >= 3);
  assert.ok(examples.filter((example) => example.type === "commonjs").length >= 2);
});

for (const { place, type, code, prints } of examples) {
  test(`${place} runs and prints what the docs show`, () => {
    const dir = mkdtempSync(path.join(tmpdir(), "examples-"));
    try {
      mkdirSync(path.join(dir, "node_modules"));
      symlinkSync(packageDir, path.join(dir, "node_modules", "inference-snippets"), "dir");
      const env = { ...process.env };
      delete env.HF_TOKEN;
      const stdout = execFileSync(process.execPath, [`--input-type=${type}`, "-e", code], {
        cwd: dir,
        env,
        encoding: "utf8",
      });
      if (prints !== null) assert.equal(stdout, prints);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
