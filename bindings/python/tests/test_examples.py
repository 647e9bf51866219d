"""Every Python example of the docs runs, and prints what the docs say it prints.

The pages are README.md, docs/*.md and this package's README. A ```python block
outside a ``<!-- snippet -->`` region, and not marked ``<!-- example: illustration,
WHY -->`` or ``<!-- example: file NAME -->`` on the line before, runs in a temporary folder without ``HF_TOKEN``; when
the paragraph after it ends in "prints", the ```text block that follows is what it
must print. (docs/testing.md has the conventions of every kind of example.)"""

import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT

PAGES = ["README.md", *sorted(f"docs/{p.name}" for p in (ROOT / "docs").glob("*.md")), "bindings/python/README.md"]
FENCE = re.compile(r" {0,3}(`{3,}|~{3,})([^`\s]*)")


def blocks(text):
    """The page's fenced blocks, outermost only: their line, info word, text, the line
    before them, whether they sit in a region, and the prose up to the next block."""
    lines = text.split("\n")
    found, in_region, index = [], False, 0
    while index < len(lines):
        stripped = lines[index].strip()
        if stripped.startswith("<!-- snippet "):
            in_region = True
        elif stripped == "<!-- /snippet -->":
            in_region = False
        match = FENCE.match(lines[index])
        if not match:
            index += 1
            continue
        fence, info = match.groups()
        start, body = index, []
        index += 1
        while index < len(lines) and not (
            len(lines[index].strip()) >= len(fence) and set(lines[index].strip()) == {fence[0]}
        ):
            body.append(lines[index])
            index += 1
        before = lines[start - 1].strip() if start else ""
        found.append({"line": start + 1, "end": index, "info": info, "text": "\n".join(body) + "\n",
                      "before": before, "in_region": in_region})
        index += 1
    for block, after in zip(found, found[1:]):
        block["prose"] = "\n".join(lines[block["end"] + 1 : after["line"] - 1]).strip()
        block["next"] = after
    return found


def examples(infos):
    """``(page:line, code, what it prints or None)`` of each example whose fence is one of ``infos``."""
    found = []
    for page in PAGES:
        for block in blocks((ROOT / page).read_text(encoding="utf-8")):
            if block["info"] not in infos or block["in_region"]:
                continue
            if block["before"].startswith("<!-- example: illustration,"):
                continue
            # A file a console example reads: that example runs it (tests/examples.rs),
            # where no connection leaves the machine.
            if block["before"].startswith("<!-- example: file "):
                continue
            prints = None
            if re.search(r"prints:?$", block.get("prose", "")) and block["next"]["info"] == "text":
                prints = block["next"]["text"]
            found.append(pytest.param(block["text"], prints, id=f"{page}:{block['line']}"))
    return found


PYTHON = examples({"python", "py"})


def test_the_docs_hold_python_examples():
    assert len(PYTHON) >= 5


@pytest.mark.parametrize(("code", "prints"), PYTHON)
def test_the_example_runs_and_prints_what_the_docs_show(code, prints, tmp_path):
    env = {name: value for name, value in os.environ.items() if name != "HF_TOKEN"}
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    if prints is not None:
        assert run.stdout == prints
