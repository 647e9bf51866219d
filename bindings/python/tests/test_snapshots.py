"""Every snapshot case through the package: byte for byte the golden files, which the
Rust tests check are what the `snippet` command line prints."""

import json

import pytest

from conftest import INPUTS, cases, client_of, name_of
from inference_snippets import CLIENTS, RefusalError, convert_curl, render, render_all


def golden(case):
    """``{client: (refused, text)}`` from the case's files."""
    files = {}
    for path in sorted(case.iterdir()):
        if path.name in INPUTS:
            continue
        refused = path.name.endswith(".refused")
        files[client_of(path.name)] = (refused, path.read_text(encoding="utf-8"))
    return files


@pytest.mark.parametrize("case", cases(), ids=lambda case: case.name)
def test_every_client_writes_its_golden_file(case):
    files = golden(case)
    assert sorted(files) == sorted(CLIENTS)
    spec = case / "request.json"
    if spec.exists():
        text = spec.read_text(encoding="utf-8")
        requests = [text, json.loads(text)]
        convert = lambda request, client: render(request, client)  # noqa: E731
    else:
        requests = [(case / "command.sh").read_text(encoding="utf-8")]
        convert = convert_curl
    for request in requests:
        for client, (refused, expected) in files.items():
            if refused:
                with pytest.raises(RefusalError) as raised:
                    convert(request, client)
                assert raised.value.code in ("missing-task", "unsupported-by-client")
                assert raised.value.message in expected
            else:
                assert convert(request, client) == expected, f"{case.name}: {client}"


@pytest.mark.parametrize(
    "case", [case for case in cases() if (case / "request.json").exists()], ids=lambda case: case.name
)
def test_render_all_is_every_client_that_can(case):
    files = golden(case)
    clients = [client for client in CLIENTS if not files[client][0]]
    snippets = render_all((case / "request.json").read_text(encoding="utf-8"))
    # render_all names clients as the CLI's JSON does: both openai clients "openai".
    assert [snippet["client"] for snippet in snippets] == [name_of(c) for c in clients]
    assert [snippet["content"] for snippet in snippets] == [files[c][1] for c in clients]
    assert all(list(snippet) == ["language", "client", "content"] for snippet in snippets)
