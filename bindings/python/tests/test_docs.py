"""The docs functions over a temporary tree of pages."""

from pathlib import Path

import pytest

from inference_snippets import DocsError, Drift, docs_check, docs_lint, docs_write

PAGE = """# Page

```sh
curl https://x.cloud/m -H 'Content-Type: application/json' -d '{"inputs": "Hi"}'
```

<!-- snippet from=curl clients=requests layout=fences -->
<!-- /snippet -->
"""


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text(PAGE)
    (tmp_path / "docs" / "other.mdx").write_text("No regions here.\n")
    (tmp_path / "ignored").mkdir()
    (tmp_path / "ignored" / "broken.md").write_text("<!-- /snippet -->\n")
    (tmp_path / ".gitignore").write_text("ignored/\n")
    return tmp_path


def test_check_write_check(tree):
    page = tree / "docs" / "page.md"
    drifts = docs_check(tree)
    assert len(drifts) == 1
    drift = drifts[0]
    assert isinstance(drift, Drift)
    assert (drift.file, drift.line, drift.column) == (page, 7, 1)
    assert "+import requests" in drift.diff
    assert page.read_text() == PAGE  # check writes nothing
    assert docs_write([str(tree)]) == [page]
    assert "requests.post(" in page.read_text()
    assert docs_check(tree) == []
    assert docs_write(tree) == []


def test_a_broken_page_raises_at_its_marker(tree):
    broken = tree / "ignored" / "broken.md"
    with pytest.raises(DocsError) as raised:
        docs_check(broken)
    error = raised.value
    assert (error.code, error.file, error.line, error.column) == ("stray-end-marker", str(broken), 1, 1)


def test_lint_reports_every_finding(tree):
    (tree / "docs" / "commands.md").write_text(
        "```sh\ncurl https://x.cloud --dat a=1\ncurl -k https://x.cloud\n```\n"
    )
    findings = docs_lint(tree / "docs")
    found = [(Path(f.file).name, f.severity, f.code, f.line) for f in findings]
    assert ("commands.md", "error", "unknown-option", 2) in found
    assert ("commands.md", "warning", "insecure", 3) in found
    assert all(f.file.endswith(".md") or f.file.endswith(".mdx") for f in findings)


def test_a_missing_path_raises():
    with pytest.raises(DocsError) as raised:
        docs_check("no/such/folder")
    assert raised.value.code == "read-failed"
