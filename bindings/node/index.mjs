// The ES module face of index.js: the same functions and classes, by name.
import snippets from "./index.js";

export const {
  clients,
  languages,
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
} = snippets;

export default snippets;
