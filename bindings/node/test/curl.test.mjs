// curl commands: their spec and warnings, and the spec rendered as the command is.
import assert from "node:assert/strict";
import { test } from "node:test";

import { clients, convertCurl, CurlError, Diagnostic, parseCurl, RefusalError, render } from "inference-snippets";

const ASR = `curl --request POST \\
  --url https://xyz.endpoints.huggingface.cloud/wav2vec-asr \\
  --header 'Authorization: Bearer hf_***' \\
  --header 'Content-Type: audio/x-flac' \\
  --data-binary '@sample1.flac' \\
  --retry 3
`;

test("the spec and the warnings", () => {
  const { request, warnings } = parseCurl(ASR, { task: "asr" });
  assert.deepEqual(request, {
    url: "https://xyz.endpoints.huggingface.cloud/wav2vec-asr",
    token: "hf_***",
    file: "sample1.flac",
    content_type: "audio/x-flac",
    task: "automatic-speech-recognition",
  });
  assert.equal(warnings.length, 1);
  assert.ok(warnings[0] instanceof Diagnostic);
  assert.deepEqual(
    { ...warnings[0] },
    {
      severity: "warning",
      code: "unsupported-option",
      message: "--retry: the snippets send the request once, without retrying",
      file: "<command>",
      line: 6,
      column: 3,
      field: null,
      hint: null,
      hints: [],
      url: "https://github.com/huggingface/inference-snippets/blob/main/ERRORS.md#unsupported-option",
    },
  );
});

/** What `convert()` gives: the snippet, or the refusal. */
function outcome(convert) {
  try {
    return convert();
  } catch (err) {
    if (err instanceof RefusalError) return err.diagnostic.message;
    throw err;
  }
}

test("the spec renders what the command does", () => {
  const { request } = parseCurl(ASR, { task: "automatic-speech-recognition" });
  for (const client of clients) {
    const expected = outcome(() => convertCurl(ASR, client, { task: "asr" }));
    assert.equal(outcome(() => render(request, client)), expected);
  }
});

test("what a spec cannot hold is placed", () => {
  assert.throws(
    () => parseCurl('curl https://x.cloud \\\n  -H "X-Key: $KEY"'),
    (err) => err instanceof CurlError && err.code === "not-in-spec" && err.line === 2,
  );
  assert.match(convertCurl('curl https://x.cloud -H "X-Key: $KEY"', "fetch"), /process\.env\.KEY/);
});

test("an error carries the warnings found before it", () => {
  const token = `hf_${"a1".repeat(17)}`;
  const command = `curl --retry 2 https://x.cloud -H 'Authorization: Bearer ${token}' -H "X-Key: $KEY"`;
  const { warnings } = parseCurl(command.replace("$KEY", "k"));
  assert.throws(
    () => parseCurl(command),
    (err) => {
      assert.ok(err instanceof CurlError);
      // The same Diagnostic objects parseCurl returns beside a spec.
      assert.deepEqual(err.warnings, warnings);
      assert.deepEqual(
        err.warnings.map((warning) => warning.code),
        ["unsupported-option", "token-replaced"],
      );
      return true;
    },
  );
  assert.throws(
    () => parseCurl("curl --retry 2 https://x.cloud --hedaer 'X: 1'"),
    (err) =>
      err.code === "unknown-option" &&
      err.warnings.length === 1 &&
      err.warnings[0].column === 6,
  );
  assert.throws(
    () => parseCurl("curl https://x.cloud --hedaer 'X: 1'"),
    (err) => err.warnings.length === 0,
  );
});

test("windows shells", () => {
  const { request } = parseCurl('curl.exe https://x.cloud `\n  -H "X-A: b"', { shell: "powershell" });
  assert.deepEqual(request.headers, { "X-A": "b" });
});
