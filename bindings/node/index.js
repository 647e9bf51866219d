// inference-snippets for Node: the Rust crate's functions in JavaScript's idiom.
// The addon (src/, built by `npm run build`) does every conversion that needs the
// crate; this file only gives it JavaScript's shape: options objects, objects or
// JSON text as requests, and errors as `SnippetError` subclasses.
"use strict";

const path = require("node:path");

function load() {
  const file = path.join(__dirname, "inference-snippets.node");
  try {
    return require(file);
  } catch (err) {
    if (err && err.code === "MODULE_NOT_FOUND") {
      throw new Error(
        `inference-snippets: ${file} is not built; run \`npm install && npm run build\` in ${__dirname}`,
      );
    }
    throw err;
  }
}

const native = load();

/** `file:line:column: text`, as much of the place as is known. */
function located(file, line, column, text) {
  const place = [file, line, column].filter((part) => part !== null).join(":");
  return place ? `${place}: ${text}` : text;
}

/** One problem, as data: the keys of `snippet --message-format json`. */
class Diagnostic {
  constructor({
    severity,
    code,
    message,
    file = null,
    line = null,
    column = null,
    hint = null,
    field = null,
    hints = [],
    url = null,
  }) {
    this.severity = severity;
    this.code = code;
    this.message = message;
    this.file = file ?? null;
    this.line = line ?? null;
    this.column = column ?? null;
    this.hint = hint ?? null;
    this.field = field ?? null;
    this.hints = Array.from(hints ?? []);
    this.url = url ?? null;
  }

  toString() {
    const text = this.hint === null ? this.message : `${this.message}; ${this.hint}`;
    return located(this.file, this.line, this.column, text);
  }
}

/** A region of a page whose content is not what the tool generates. */
class Drift {
  constructor({ file, line, column, diff }) {
    this.file = file;
    this.line = line;
    this.column = column;
    this.diff = diff;
  }

  toString() {
    return `${this.file}:${this.line}:${this.column}: region is out of date`;
  }
}

/**
 * Nothing was produced: the input must change. Carries the diagnostic's keys
 * (`code`, `severity`, `file`, `line`, `column`, `field`, `hint`, `hints`, `url`);
 * `message` is `file:line:column: message; hint`, and `diagnostic.message` the
 * message alone.
 */
class SnippetError extends Error {
  constructor(diagnostic, warnings = []) {
    const problem = diagnostic instanceof Diagnostic ? diagnostic : new Diagnostic(diagnostic);
    super(problem.toString());
    this.name = new.target.name;
    this.code = problem.code;
    this.severity = problem.severity;
    this.file = problem.file;
    this.line = problem.line;
    this.column = problem.column;
    this.field = problem.field;
    this.hint = problem.hint;
    this.hints = problem.hints;
    this.url = problem.url;
    this.diagnostic = problem;
    // What the reading worked around before it stopped, as a result would carry it.
    this.warnings = warnings.map((warning) =>
      warning instanceof Diagnostic ? warning : new Diagnostic(warning),
    );
  }
}

/** The request spec cannot be read, or describes a request no client can send. */
class SpecError extends SnippetError {}
/** The curl command cannot be read, or sends a request no client can send. */
class CurlError extends SnippetError {}
/** This client cannot send exactly this request; `hint` names the one that can. */
class RefusalError extends SnippetError {}
/** A page cannot be read, or its regions cannot be generated. */
class DocsError extends SnippetError {}
/** An argument is wrong (an unknown client, language, shell or task name); `file` names it. */
class UsageError extends SnippetError {}

const ERRORS = {
  spec: SpecError,
  curl: CurlError,
  refusal: RefusalError,
  docs: DocsError,
  usage: UsageError,
};

/** Calls the addon; its problems (JSON in the message) become `SnippetError`s. */
function call(fn, ...args) {
  try {
    return fn(...args);
  } catch (err) {
    if (err && err.code === "GenericFailure" && String(err.message).startsWith('{"kind":')) {
      const { kind, warnings, ...fields } = JSON.parse(err.message);
      throw new ERRORS[kind](fields, warnings);
    }
    throw err;
  }
}

/** A request argument as JSON text, and whether it came from an object. */
function spec(request) {
  if (typeof request === "string") {
    return [request, false];
  }
  if (request !== null && typeof request === "object" && !Array.isArray(request)) {
    return [JSON.stringify(request), true];
  }
  throw new TypeError(
    `request must be an object in the JSON spec's shape, or its JSON text, not ${request === null ? "null" : typeof request}`,
  );
}

/** `(client, options)` where the client may be left out: `(request, { language })`. */
function clientAndOptions(client, options) {
  if (client !== null && typeof client === "object") {
    return [undefined, client];
  }
  return [client, options ?? {}];
}

/** `paths` as a list: one path, several, or none for the current folder. */
function pathList(paths) {
  if (paths === undefined || paths === null) {
    return [];
  }
  return (typeof paths === "string" ? [paths] : Array.from(paths)).map(String);
}

function render(request, client, options) {
  const [text, fromObject] = spec(request);
  const [name, { language } = {}] = clientAndOptions(client, options);
  return call(native.render, text, fromObject, name, language);
}

function renderAll(request, { language } = {}) {
  const [text, fromObject] = spec(request);
  return call(native.renderAll, text, fromObject, language);
}

function parseCurl(command, { shell, task } = {}) {
  const parsed = call(native.parseCurl, command, shell, task);
  return {
    request: JSON.parse(parsed.request),
    warnings: JSON.parse(parsed.warnings).map((warning) => new Diagnostic(warning)),
  };
}

function convertCurl(command, client, options) {
  const [name, { language, task, shell } = {}] = clientAndOptions(client, options);
  return call(native.convertCurl, command, name, language, task, shell);
}

function docsCheck(paths) {
  return call(native.docsCheck, pathList(paths)).map((drift) => new Drift(drift));
}

function docsWrite(paths) {
  return call(native.docsWrite, pathList(paths));
}

function docsLint(paths) {
  return JSON.parse(call(native.docsLint, pathList(paths))).map((finding) => new Diagnostic(finding));
}

function verify(paths, { cache, timeout } = {}) {
  const result = JSON.parse(call(native.verify, pathList(paths), cache, timeout));
  result.findings = result.findings.map((finding) => new Diagnostic(finding));
  return result;
}

function openapi(
  spec,
  { clients = [], languages = [], langStyle = "redocly", server, example, tokenEnv, write = false, yaml } = {},
) {
  const result = JSON.parse(
    call(native.openapi, spec, [...clients], [...languages], langStyle, server, example, tokenEnv, write, yaml),
  );
  result.notes = result.notes.map((note) => new Diagnostic(note));
  return result;
}

function openapiCheck(
  spec,
  { overlay, clients = [], languages = [], langStyle = "redocly", server, example, tokenEnv } = {},
) {
  return JSON.parse(
    call(native.openapiCheck, spec, overlay, [...clients], [...languages], langStyle, server, example, tokenEnv),
  );
}

module.exports = {
  clients: Object.freeze(native.clients()),
  languages: Object.freeze(native.languages()),
  render,
  renderAll,
  parseCurl,
  convertCurl,
  docsCheck,
  docsWrite,
  docsLint,
  verify,
  openapi,
  openapiCheck,
  Diagnostic,
  Drift,
  SnippetError,
  SpecError,
  CurlError,
  RefusalError,
  DocsError,
  UsageError,
};
