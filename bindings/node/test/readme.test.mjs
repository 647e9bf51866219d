// The README's "From Node" example runs and prints what the README says it prints.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

/** The code of the first ```fence block at or after `start`, and where it ends. */
function block(text, fence, start) {
  const begin = text.indexOf("```" + fence + "\n", start) + fence.length + 4;
  const end = text.indexOf("```\n", begin);
  return [text.slice(begin, end), end];
}

test("the README's example prints what it says", () => {
  const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
  const [code, end] = block(readme, "js", readme.indexOf("\n## From Node\n"));
  const [printed] = block(readme, "text", end);
  // Run from the package's folder, where `inference-snippets` names this package.
  const cwd = fileURLToPath(new URL("..", import.meta.url));
  const stdout = execFileSync(process.execPath, ["--input-type=module", "-e", code], { cwd, encoding: "utf8" });
  assert.equal(stdout, printed);
});
