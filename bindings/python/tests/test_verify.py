"""verify: a page's tabs run through the recording proxy, as `snippet verify` runs them."""

from pathlib import Path

from inference_snippets import Diagnostic, verify

# The runtimes the crate's tests share (a venv per install line, the npm packages).
CACHE = Path(__file__).resolve().parents[3] / "target" / "verify-cache"

PAGE = """# Classify

```sh
curl https://router.huggingface.co/hf-inference/models/distilbert/distilbert-base-uncased-finetuned-sst-2-english \\
    -H 'Content-Type: application/json' -d '{"inputs": "I like you"}'
```
```js
await fetch("https://router.huggingface.co/hf-inference/models/distilbert/distilbert-base-uncased-finetuned-sst-2-english", {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ inputs: "I like it" }),
});
```
"""


def test_a_drifted_tab_is_a_finding_at_its_line(tmp_path):
    (tmp_path / "page.md").write_text(PAGE)
    result = verify(tmp_path / "page.md", cache=CACHE, timeout=60)
    [finding] = result["findings"]
    assert isinstance(finding, Diagnostic)
    assert (finding.code, finding.line) == ("request-differs", 7)
    assert finding.message.startswith('JSON body $.inputs: the curl block sends "I like you"')
    assert result["summary"]["different"] == 1
    assert result["summary"]["languages"]["js"]["different"] == 1
    assert any(runtime.startswith("node") for runtime in result["runtimes"])
    assert result["isolation"].startswith("network:")
