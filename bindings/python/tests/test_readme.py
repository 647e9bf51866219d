"""The README's "From Python" example runs and prints what the README says it prints."""

import subprocess
import sys

from conftest import ROOT


def block(text, fence, start):
    """The code of the first ```fence block at or after ``start``, and where it ends."""
    begin = text.index(f"```{fence}\n", start) + len(f"```{fence}\n")
    end = text.index("```\n", begin)
    return text[begin:end], end


def test_the_readme_example_prints_what_it_says():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code, end = block(readme, "python", readme.index("\n## From Python\n"))
    printed, _ = block(readme, "text", end)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout == printed
