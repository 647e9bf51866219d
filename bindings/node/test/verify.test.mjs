// verify: a page's tabs run through the recording proxy, as `snippet verify` runs them.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";

import { Diagnostic, verify } from "inference-snippets";

// The runtimes the crate's tests share (a venv per install line, the npm packages).
const cache = resolve(dirname(fileURLToPath(import.meta.url)), "../../../target/verify-cache");

const PAGE = `# Classify

\`\`\`sh
curl https://router.huggingface.co/hf-inference/models/distilbert/distilbert-base-uncased-finetuned-sst-2-english \\
    -H 'Content-Type: application/json' -d '{"inputs": "I like you"}'
\`\`\`
\`\`\`py
import urllib.request
urllib.request.urlopen(urllib.request.Request(
    "https://router.huggingface.co/hf-inference/models/distilbert/distilbert-base-uncased-finetuned-sst-2-english",
    data=b'{"inputs": "I like you"}',
    headers={"Content-Type": "application/json", "X-Old": "1"},
))
\`\`\`
`;

const root = mkdtempSync(join(tmpdir(), "inference-snippets-verify-"));
after(() => rmSync(root, { recursive: true, force: true }));

test("a drifted tab is a finding at its line", () => {
  writeFileSync(join(root, "page.md"), PAGE);
  const result = verify(join(root, "page.md"), { cache, timeout: 60 });
  assert.equal(result.findings.length, 1, JSON.stringify(result.findings));
  const [finding] = result.findings;
  assert.ok(finding instanceof Diagnostic);
  assert.equal(finding.code, "request-differs");
  assert.equal(finding.line, 7);
  assert.match(finding.message, /^header X-Old: this block sends "1", the curl block none/i);
  assert.equal(result.summary.languages.python.different, 1);
  assert.ok(result.runtimes.some((runtime) => runtime.startsWith("python3")));
});
