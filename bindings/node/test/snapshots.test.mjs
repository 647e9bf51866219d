// Every snapshot case through the package, from an ES module: byte for byte the
// golden files, which the Rust tests check are what the `snippet` command line prints.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { clients, convertCurl, RefusalError, render, renderAll } from "inference-snippets";

const SNAPSHOTS = new URL("../../../snapshots/", import.meta.url).pathname;
const INPUTS = ["request.json", "command.sh"];

// Golden files are named by the client's file name, refusals by its id.
const SNIPPET_FILES = {
  "openai.py": "openai-python",
  "openai.js": "openai-js",
  "huggingface.js": "huggingface.js",
  "httpx_async.py": "httpx-async",
  "main.go": "go-net-http",
  "Main.java": "java-net-http",
  "net_http.rb": "ruby-net-http",
};

// A client's name where it is not its id: two clients share each of these names.
const CLIENT_NAMES = {
  "openai-python": "openai",
  "openai-js": "openai",
  "go-net-http": "net/http",
  "java-net-http": "java.net.http",
  "ruby-net-http": "net/http",
};

/** The client (its id, as `clients` lists it) whose golden file is `name`. */
function clientOf(name) {
  return SNIPPET_FILES[name] ?? name.slice(0, name.lastIndexOf("."));
}

/** `{client: {refused, text}}` from a case's files. */
function golden(dir) {
  const files = {};
  for (const name of readdirSync(dir).sort()) {
    if (!INPUTS.includes(name)) {
      files[clientOf(name)] = {
        refused: name.endsWith(".refused"),
        text: readFileSync(join(dir, name), "utf8"),
      };
    }
  }
  return files;
}

const cases = readdirSync(SNAPSHOTS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

test("there are snapshot cases", () => assert.ok(cases.length > 40));

for (const name of cases) {
  test(name, () => {
    const dir = join(SNAPSHOTS, name);
    const files = golden(dir);
    assert.deepEqual(Object.keys(files).sort(), [...clients].sort());
    const spec = join(dir, "request.json");
    let requests;
    let convert;
    if (existsSync(spec)) {
      const text = readFileSync(spec, "utf8");
      // An object's numbers are JavaScript's: integers past 2^53 only keep as text.
      requests = /\d{16,}/.test(text) ? [text] : [text, JSON.parse(text)];
      convert = render;
    } else {
      requests = [readFileSync(join(dir, "command.sh"), "utf8")];
      convert = convertCurl;
    }
    for (const request of requests) {
      for (const [client, { refused, text }] of Object.entries(files)) {
        if (refused) {
          assert.throws(
            () => convert(request, client),
            (err) =>
              err instanceof RefusalError &&
              ["missing-task", "unsupported-by-client"].includes(err.code) &&
              text.includes(err.diagnostic.message),
          );
        } else {
          assert.equal(convert(request, client), text, `${name}: ${client}`);
        }
      }
    }
    if (existsSync(spec)) {
      const able = clients.filter((client) => !files[client].refused);
      const snippets = renderAll(readFileSync(spec, "utf8"));
      // renderAll names clients as the CLI's JSON does: both openai clients "openai".
      assert.deepEqual(
        snippets.map((snippet) => snippet.client),
        able.map((client) => CLIENT_NAMES[client] ?? client),
      );
      assert.deepEqual(
        snippets.map((snippet) => snippet.content),
        able.map((client) => files[client].text),
      );
      for (const snippet of snippets) {
        assert.deepEqual(Object.keys(snippet), ["language", "client", "content"]);
      }
    }
  });
}
