// In-process half of bench/compare.sh for curlconverter: every command of LIST
// converted to Python ROUNDS times in one warm node process.
// Usage: node bench/in_process.mjs CURLCONVERTER_DIR LIST ROUNDS
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [dir, list, roundsText] = process.argv.slice(2);
const require = createRequire(join(dir, "package.json"));
const { toPython } = await import(pathToFileURL(require.resolve("curlconverter")).href);
const commands = readFileSync(list, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((path) => readFileSync(path, "utf8"));
const rounds = Number(roundsText ?? 200);

let failed = 0;
const convert = (command) => {
  try {
    toPython(command);
  } catch {
    failed += 1;
  }
};
// Warm up: let the JIT see every command a few times before timing.
for (let i = 0; i < 5; i += 1) commands.forEach(convert);
failed = 0;
const start = process.hrtime.bigint();
for (let i = 0; i < rounds; i += 1) commands.forEach(convert);
const elapsed = Number(process.hrtime.bigint() - start);
const ns = elapsed / (rounds * commands.length);
console.log(
  `curlconverter in process: ${commands.length} commands x ${rounds} rounds, ${failed} failed, ${ns.toFixed(0)} ns per conversion`,
);
