// The declared API is the exported one: index.d.ts declares what index.js and
// index.mjs export (functions with as many parameters, constants, classes), and
// index.js calls only what the addon exports.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test } from "node:test";

import * as esm from "inference-snippets";

const require = createRequire(import.meta.url);
const cjs = require("inference-snippets");
const source = (file) => readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
const dts = source("index.d.ts");

/** The parts of a parameter list, split at its top-level commas (empty ones dropped). */
function parts(list) {
  const found = [];
  let depth = 0;
  let current = "";
  for (const char of list) {
    if ("([{<".includes(char)) depth += 1;
    if (")]}>".includes(char)) depth -= 1;
    if (char === "," && depth === 0) {
      found.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  found.push(current);
  return found.map((part) => part.trim()).filter((part) => part !== "");
}

/** Runtime names index.d.ts declares; each function with its most parameters. */
function declared() {
  const functions = new Map();
  for (const [, name, list] of dts.matchAll(/^export declare function (\w+)\(([^)]*)\)/gm)) {
    functions.set(name, Math.max(functions.get(name) ?? 0, parts(list).length));
  }
  const names = (kind) => [...dts.matchAll(new RegExp(`^export declare ${kind} (\\w+)`, "gm"))].map((m) => m[1]);
  return { functions, constants: names("const"), classes: names("class") };
}

/** How many parameters `fn`'s definition lists. */
function arity(fn) {
  const text = fn.toString();
  const open = text.indexOf("(");
  let depth = 0;
  for (let end = open; end < text.length; end += 1) {
    if (text[end] === "(") depth += 1;
    if (text[end] === ")" && --depth === 0) return parts(text.slice(open + 1, end)).length;
  }
  throw new Error(`no parameter list in ${text.slice(0, 40)}`);
}

const { functions, constants, classes } = declared();
const names = [...functions.keys(), ...constants, ...classes].sort();

test("index.d.ts declares what index.js and index.mjs export", () => {
  assert.deepEqual(Object.keys(cjs).sort(), names);
  assert.deepEqual(Object.keys(esm).filter((name) => name !== "default").sort(), names);
  for (const name of names) assert.equal(esm[name], cjs[name], name);
});

test("each function takes the parameters its declaration lists", () => {
  for (const [name, count] of functions) {
    assert.equal(typeof cjs[name], "function", name);
    assert.equal(arity(cjs[name]), count, name);
  }
  for (const name of classes) assert.match(cjs[name].toString(), /^class /, name);
  for (const name of constants) assert.notEqual(typeof cjs[name], "function", name);
});

/** The string literals of `export type NAME = ...;` in index.d.ts. */
function union(name) {
  const match = new RegExp(`^export type ${name} =([^;]*);`, "m").exec(dts);
  assert.ok(match, `index.d.ts declares the type ${name}`);
  return [...match[1].matchAll(/"([^"]*)"/g)].map((m) => m[1]);
}

// A chat completion on an OpenAI route: every client can send it.
const chat = {
  url: "https://router.huggingface.co/v1/chat/completions",
  json: { model: "m", messages: [{ role: "user", content: "Hi" }] },
  task: "chat-completion",
};

test("the unions of names in index.d.ts are the names the library lists", () => {
  assert.deepEqual(union("ClientId"), [...cjs.clients]);
  assert.deepEqual(union("Language"), [...cjs.languages]);
  const snippets = cjs.renderAll(chat);
  assert.equal(snippets.length, cjs.clients.length);
  const names = new Set(snippets.map((snippet) => snippet.client));
  assert.deepEqual(union("ClientName").sort(), [...names].sort());
});

test("index.js calls only what the addon exports", () => {
  const addon = require("../inference-snippets.node");
  const called = new Set([...source("index.js").matchAll(/\bnative\.(\w+)/g)].map((m) => m[1]));
  assert.ok(called.size > 5);
  for (const name of called) assert.equal(typeof addon[name], "function", name);
});
