"""What every test reads: the repository's snapshot cases."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SNAPSHOTS = ROOT / "snapshots"
INPUTS = ("request.json", "command.sh")


def cases():
    """Every snapshot case folder, sorted."""
    return sorted(path for path in SNAPSHOTS.iterdir() if path.is_dir())


# Golden files are named by the client's file name, refusals by its id.
SNIPPET_FILES = {"openai.py": "openai-python", "openai.js": "openai-js", "huggingface.js": "huggingface.js", "httpx_async.py": "httpx-async"}


def client_of(file_name):
    """The client (its id, as ``CLIENTS`` lists it) whose golden file is ``file_name``:
    ``requests.py`` is ``requests``, ``openai.js`` is ``openai-js``,
    ``openai-python.refused`` a refusal of ``openai-python``."""
    return SNIPPET_FILES.get(file_name) or file_name.rsplit(".", 1)[0]
