"""What every test reads: the repository's snapshot cases."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SNAPSHOTS = ROOT / "snapshots"
INPUTS = ("request.json", "command.sh")


def cases():
    """Every snapshot case folder, sorted."""
    return sorted(path for path in SNAPSHOTS.iterdir() if path.is_dir())


def client_of(file_name):
    """The client whose golden file is ``file_name``: ``requests.py`` is ``requests``,
    ``huggingface.js`` is itself, ``huggingface_hub.refused`` a refusal of that client."""
    if file_name == "huggingface.js":
        return file_name
    return file_name.rsplit(".", 1)[0]
