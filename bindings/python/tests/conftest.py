"""What every test reads: the repository's snapshot cases."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SNAPSHOTS = ROOT / "snapshots"
INPUTS = ("request.json", "command.sh")


def cases():
    """Every snapshot case folder, sorted."""
    return sorted(path for path in SNAPSHOTS.iterdir() if path.is_dir())


# Golden files are named by the client's file name, refusals by its id.
SNIPPET_FILES = {
    "openai.py": "openai-python",
    "openai.js": "openai-js",
    "huggingface.js": "huggingface.js",
    "httpx_async.py": "httpx-async",
    "main.go": "go-net-http",
    "Main.java": "java-net-http",
    "net_http.rb": "ruby-net-http",
}

# A client's name where it is not its id: two clients share each of these names.
CLIENT_NAMES = {
    "openai-python": "openai",
    "openai-js": "openai",
    "go-net-http": "net/http",
    "java-net-http": "java.net.http",
    "ruby-net-http": "net/http",
}


def name_of(client):
    """The name ``render_all`` gives the client whose id is ``client``."""
    return CLIENT_NAMES.get(client, client)


def client_of(file_name):
    """The client (its id, as ``CLIENTS`` lists it) whose golden file is ``file_name``:
    ``requests.py`` is ``requests``, ``openai.js`` is ``openai-js``,
    ``openai-python.refused`` a refusal of ``openai-python``."""
    return SNIPPET_FILES.get(file_name) or file_name.rsplit(".", 1)[0]
