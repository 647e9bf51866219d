// The docs functions over a temporary tree of pages.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";

import { docsCheck, DocsError, docsLint, docsWrite, Drift } from "inference-snippets";

const PAGE = `# Page

\`\`\`sh
curl https://x.cloud/m -H 'Content-Type: application/json' -d '{"inputs": "Hi"}'
\`\`\`

<!-- snippet from=curl clients=fetch layout=fences -->
<!-- /snippet -->
`;

const root = mkdtempSync(join(tmpdir(), "inference-snippets-"));
after(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, "docs"));
mkdirSync(join(root, "ignored"));
writeFileSync(join(root, "docs", "page.md"), PAGE);
writeFileSync(join(root, "docs", "commands.md"), "```sh\ncurl https://x.cloud --dat a=1\ncurl -k https://x.cloud\n```\n");
writeFileSync(join(root, "ignored", "broken.md"), "<!-- /snippet -->\n");
writeFileSync(join(root, ".gitignore"), "ignored/\n");
const page = join(root, "docs", "page.md");

test("check, write, check", () => {
  const drifts = docsCheck(root);
  assert.equal(drifts.length, 1);
  assert.ok(drifts[0] instanceof Drift);
  assert.deepEqual([drifts[0].file, drifts[0].line, drifts[0].column], [page, 7, 1]);
  assert.match(drifts[0].diff, /\+const response = await fetch\(/);
  assert.equal(readFileSync(page, "utf8"), PAGE);
  assert.deepEqual(docsWrite([root]), [page]);
  assert.match(readFileSync(page, "utf8"), /await fetch\(/);
  assert.deepEqual(docsCheck(root), []);
  assert.deepEqual(docsWrite(root), []);
});

test("a broken page throws at its marker", () => {
  const broken = join(root, "ignored", "broken.md");
  assert.throws(
    () => docsCheck(broken),
    (err) =>
      err instanceof DocsError &&
      err.code === "stray-end-marker" &&
      err.file === broken &&
      err.line === 1 &&
      err.column === 1,
  );
});

test("lint reports every finding", () => {
  const found = docsLint(join(root, "docs")).map((f) => [f.file.split("/").pop(), f.severity, f.code, f.line]);
  assert.deepEqual(
    found.filter(([file]) => file === "commands.md"),
    [
      ["commands.md", "error", "unknown-option", 2],
      ["commands.md", "warning", "insecure", 3],
    ],
  );
});

test("a missing path throws", () => {
  assert.throws(() => docsCheck(join(root, "no", "such")), (err) => err instanceof DocsError && err.code === "read-failed");
});
