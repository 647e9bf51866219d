// Node's fetch (undici) ignores HTTPS_PROXY before Node 24 (NODE_USE_ENV_PROXY=1).
// Run as `node --expose-internals --require <this file> snippet.mjs`: it installs
// undici's EnvHttpProxyAgent, which reads HTTPS_PROXY, HTTP_PROXY and NO_PROXY, as
// the global dispatcher of the undici Node bundles (so the agent and fetch are the
// same version). Without --expose-internals it takes the `undici` package at
// INFERENCE_SNIPPETS_UNDICI (a path) or found from the snippet's folder instead.
// Written by inference_snippets::proxy (src/proxy/preload/undici.cjs).
'use strict';

let undici;
try {
  undici = require('internal/deps/undici/undici');
} catch {
  const { createRequire } = require('node:module');
  const from = createRequire(`${process.cwd()}/`);
  undici = from(process.env.INFERENCE_SNIPPETS_UNDICI || 'undici');
}

// The agent warns that it is experimental on every run: not the snippet's output.
const emitWarning = process.emitWarning;
process.emitWarning = function (warning, ...rest) {
  const options = rest[0];
  const code = options && typeof options === 'object' ? options.code : rest[1];
  if (code === 'UNDICI-EHPA') {
    return;
  }
  return emitWarning.call(this, warning, ...rest);
};
try {
  undici.setGlobalDispatcher(new undici.EnvHttpProxyAgent());
} finally {
  process.emitWarning = emitWarning;
}
