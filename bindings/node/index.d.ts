// Types of inference-snippets for Node (index.js, and index.mjs by the same names).

/** A request: an object in the JSON spec's shape, or that JSON as text. */
export type Spec = string | SpecObject;

/** The JSON spec of one request (see the repository's docs/spec.md). */
export interface SpecObject {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** `"$NAME"` reads an environment variable; any other string is a placeholder; `null` sends none. */
  token?: string | null;
  json?: unknown;
  /** JSON Pointers into `json` → paths: each file's base64 goes there when the snippet runs. */
  base64_files?: Record<string, string>;
  data?: string;
  file?: string;
  content_type?: string;
  task?: string;
  model?: string;
}

/**
 * A language, as `languages` lists them (`render` also takes their aliases: `py`,
 * `javascript`...). test/api.test.mjs holds these unions to what the library lists.
 */
export type Language = "curl" | "python" | "js" | "rust" | "go" | "java" | "php" | "ruby";
/** A client's id, as `clients` lists them: one no other client has. */
export type ClientId =
  | "curl"
  | "huggingface_hub"
  | "openai-python"
  | "requests"
  | "httpx"
  | "httpx-async"
  | "huggingface.js"
  | "openai-js"
  | "fetch"
  | "reqwest"
  | "go-net-http"
  | "java-net-http"
  | "guzzle"
  | "ruby-net-http";
/** A client's name, as `renderAll` gives it: both openai clients are `openai`. */
export type ClientName =
  | "curl"
  | "huggingface_hub"
  | "openai"
  | "requests"
  | "httpx"
  | "httpx-async"
  | "huggingface.js"
  | "fetch"
  | "reqwest"
  | "net/http"
  | "java.net.http"
  | "guzzle";
/** What `render` takes as a client: an id, or a name (`openai` needs `language`). */
export type Client = ClientId | ClientName;
export type Shell = "bash" | "cmd" | "powershell";

/** One snippet, in the shape of `@huggingface/inference`'s `getInferenceSnippets`. */
export interface Snippet {
  language: Language;
  /** The client's name as `--format json` gives it: both openai clients are `openai`. */
  client: ClientName;
  /** The code, ending in exactly one newline. */
  content: string;
}

/** Every client `render` takes, in `renderAll`'s order, by its id: one no other client has (`openai-python`, `openai-js`). */
export declare const clients: readonly ClientId[];
/** Every language name, in `renderAll`'s order. */
export declare const languages: readonly Language[];

/**
 * The code that sends `request` with `client` (a name, or an id of `clients`; `openai`
 * needs `language`). Without `client`, `language`'s default: the client a reader of
 * the request's API reaches for (the OpenAI SDK on an OpenAI route outside Hugging
 * Face's hosts, the Hugging Face client on Hugging Face's), else its generic one.
 * Throws `SpecError` (with the line and column of JSON text), `RefusalError` when the
 * client cannot send exactly this request, `UsageError` for an unknown name.
 */
export declare function render(request: Spec, client: Client, options?: { language?: Language }): string;
export declare function render(request: Spec, options: { language: Language }): string;

/** Every snippet that sends `request`, one per client able to (of `language` only, when given). */
export declare function renderAll(request: Spec, options?: { language?: Language }): Snippet[];

/**
 * A curl command's spec (what `render` takes) and its warnings. Throws `CurlError` at
 * the place in the command, also for a request a spec cannot describe (a `$VAR`, `-F`,
 * `-u`, `-k`...: `convertCurl` renders those); the error's `warnings` are the ones
 * found before it.
 */
export declare function parseCurl(
  command: string,
  options?: { shell?: Shell; task?: string },
): { request: SpecObject; warnings: Diagnostic[] };

/** The code that sends what the curl `command` sends, with `client` (or `language`'s default). */
export declare function convertCurl(
  command: string,
  client: Client,
  options?: { language?: Language; task?: string; shell?: Shell },
): string;
export declare function convertCurl(
  command: string,
  options: { language: Language; task?: string; shell?: Shell },
): string;

/**
 * The regions of Markdown pages that are not what the tool generates; writes nothing.
 * `paths`: a file or folder (searched for `.md` and `.mdx`, skipping `.git`, `target`,
 * `node_modules` and what `.gitignore` ignores), several, or none for the current folder.
 */
export declare function docsCheck(paths?: string | Iterable<string>): Drift[];
/** Rewrites the drifted regions of the pages of `paths`; the pages rewritten. */
export declare function docsWrite(paths?: string | Iterable<string>): string[];
/** The findings of `snippet docs lint` in the pages of `paths`: errors, warnings and notes. */
export declare function docsLint(paths?: string | Iterable<string>): Diagnostic[];
/** Counts of `verify`: verified, different and not verified blocks, per language too. */
export interface VerifySummary {
  groups: number;
  verified: number;
  different: number;
  not_verified: number;
  languages: Record<string, { verified: number; different: number; not_verified: number }>;
  not_verified_reasons: Record<string, number>;
}
/** What `verify` found, and with what. */
export interface Verified {
  /** Each difference (`request-differs`, `bypasses-proxy`) and each block not verified (`not-verified`). */
  findings: Diagnostic[];
  summary: VerifySummary;
  /** The programs found, with their versions. */
  runtimes: string[];
  /** What isolation the blocks ran with on this machine. */
  isolation: string;
}
/**
 * Runs every tab of the pages of `paths` that has a curl block beside it (and every
 * region) through a recording proxy, and compares its request with the curl block's
 * (`snippet verify`). `cache`: the runtimes' folder; `timeout`: seconds per block.
 */
export declare function verify(
  paths?: string | Iterable<string>,
  options?: { cache?: string; timeout?: number },
): Verified;

/** How `openapi` reads a document and which samples it writes. */
export interface OpenApiOptions {
  /** Clients to write samples for (default: each language's preferred client). */
  clients?: Iterable<string>;
  /** Languages to write samples in (default: all); with `clients`, keeps theirs. */
  languages?: Iterable<string>;
  /** The `lang`/`label` values of the renderer (default `redocly`). */
  langStyle?: "redocly" | "mintlify" | "scalar";
  /** The server URL every request goes to, instead of the document's first. */
  server?: string;
  /** The media type example to send where an operation has several. */
  example?: string;
  /** The environment variable a bearer token is read from. */
  tokenEnv?: string;
}
/** One entry of an operation's `x-codeSamples`. */
export interface CodeSample {
  client: Client;
  lang: string;
  label: string;
  source: string;
}
/** What `openapi` wrote. */
export interface OpenApiSamples {
  /** The Overlay 1.0 document; with `write`, the spec itself with `x-codeSamples`. */
  text: string;
  operations: {
    method: string;
    path: string;
    operationId: string | null;
    /** Its JSON Pointer: `/paths/~1generate/post`. */
    pointer: string;
    samples: CodeSample[];
  }[];
  /** Operations left out and clients that cannot send an operation's request. */
  notes: Diagnostic[];
}
/**
 * Code samples for every operation of an OpenAPI 3.0 or 3.1 document (its text, JSON
 * or YAML), as `snippet openapi` writes them: an overlay in the spec's format (YAML
 * with `yaml: true`), or with `write` the spec itself, every other byte kept.
 */
export declare function openapi(
  spec: string,
  options?: OpenApiOptions & { write?: boolean; yaml?: boolean },
): OpenApiSamples;
/**
 * The operations whose samples in `spec` (or in the `overlay` text) differ from the
 * ones `openapi` writes, each with a unified diff; empty when up to date.
 */
export declare function openapiCheck(
  spec: string,
  options?: OpenApiOptions & { overlay?: string },
): { operation: string; line: number | null; column: number | null; diff: string }[];

/**
 * The part of the request a problem is about: the name of a header or a form part,
 * the JSON Pointer of a value in a JSON body (`/inputs/0`).
 */
export type Field =
  | { kind: "url" | "method" | "token" | "content_type" | "file" | "body" | "connection" }
  | { kind: "header" | "part"; name: string }
  | { kind: "json"; pointer: string };

/** One problem, as data: the keys of `snippet --message-format json`. */
export declare class Diagnostic {
  constructor(fields: DiagnosticFields);
  readonly severity: "error" | "warning" | "note";
  /** A stable kebab-case name, e.g. `unsupported-option` (every one is in ERRORS.md). */
  readonly code: string;
  readonly message: string;
  /**
   * The input: a path, `<command>`, `<request>`, or the argument a problem is about
   * (`client`, `language`, `shell`, `task`); `null` when there is none.
   */
  readonly file: string | null;
  /** 1-based; `null` when the input is not text. */
  readonly line: number | null;
  readonly column: number | null;
  /** The part of the request it is about; `null` when none. */
  readonly field: Field | null;
  /** What to do: every hint, joined by `; `; `null` when there is none. */
  readonly hint: string | null;
  /** Each hint. */
  readonly hints: readonly string[];
  /** Where the code is explained: its anchor in ERRORS.md. */
  readonly url: string | null;
  /** `file:line:column: message; hint`. */
  toString(): string;
}

export interface DiagnosticFields {
  severity: string;
  code: string;
  message: string;
  file?: string | null;
  line?: number | null;
  column?: number | null;
  field?: Field | null;
  hint?: string | null;
  hints?: readonly string[];
  url?: string | null;
}

/** A region of a page whose content is not what the tool generates. */
export declare class Drift {
  constructor(fields: { file: string; line: number; column: number; diff: string });
  readonly file: string;
  /** The begin marker's line and column. */
  readonly line: number;
  readonly column: number;
  /** A unified diff from the region's content to the generated one. */
  readonly diff: string;
}

/**
 * Nothing was produced; `message` is `file:line:column: message; hint`. `warnings` are
 * the ones found before the error (a curl option ignored, a token replaced...), as a
 * result would have carried them.
 */
export declare class SnippetError extends Error {
  constructor(diagnostic: Diagnostic | DiagnosticFields, warnings?: (Diagnostic | DiagnosticFields)[]);
  readonly code: string;
  readonly severity: string;
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly field: Field | null;
  readonly hint: string | null;
  readonly hints: readonly string[];
  readonly url: string | null;
  readonly diagnostic: Diagnostic;
  readonly warnings: Diagnostic[];
}
export declare class SpecError extends SnippetError {}
export declare class CurlError extends SnippetError {}
export declare class RefusalError extends SnippetError {}
export declare class DocsError extends SnippetError {}
export declare class UsageError extends SnippetError {}
