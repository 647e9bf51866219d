"""openapi: the samples of an OpenAPI document's operations, as `snippet openapi` writes them."""

import json
from pathlib import Path

import pytest

from inference_snippets import Diagnostic, SpecError, UsageError, openapi, openapi_check

TGI = (Path(__file__).resolve().parents[3] / "tests" / "openapi" / "tgi" / "openapi.json").read_text()


def test_the_overlay_sets_samples_on_each_operation_and_notes_say_what_was_left_out():
    result = openapi(TGI, server="https://tgi.example.com")
    overlay = json.loads(result["text"])
    assert overlay["overlay"] == "1.0.0"
    generate = next(o for o in result["operations"] if o["operation_id"] == "generate")
    assert generate["pointer"] == "/paths/~1generate/post"
    assert [s["label"] for s in generate["samples"]][:3] == ["curl", "Python (requests)", "JavaScript (fetch)"]
    assert generate["samples"][0]["source"].startswith("curl 'https://tgi.example.com/generate' \\\n")
    [note] = result["notes"]
    assert isinstance(note, Diagnostic)
    assert note.code == "operation-left-out"
    assert "POST /v1/completions (completions)" in note.message


def test_write_then_check_and_a_hand_edit_is_a_drift():
    written = openapi(TGI, write=True, clients=["curl", "requests"], lang_style="mintlify")["text"]
    assert json.loads(written)["paths"]["/generate"]["post"]["x-codeSamples"][0]["lang"] == "bash"
    assert openapi_check(written, clients=["curl", "requests"], lang_style="mintlify") == []
    edited = written.replace("My name is Olivier and I", "Hello", 1)
    [drift] = openapi_check(edited, clients=["curl", "requests"], lang_style="mintlify")
    assert drift["operation"] == "POST / (compat_generate)"
    assert drift["line"] == 17
    assert '-        "inputs": "Hello"\n' in drift["diff"]


def test_an_overlay_is_checked_too():
    overlay = openapi(TGI, yaml=True)["text"]
    assert overlay.startswith('overlay: "1.0.0"\n')
    assert openapi_check(TGI, overlay=overlay) == []
    assert openapi_check(TGI, overlay=overlay, lang_style="scalar")


def test_bad_input_raises_with_the_place():
    with pytest.raises(SpecError) as raised:
        openapi("openapi: 3.1.0\npaths: [\n")
    assert raised.value.code == "invalid-yaml"
    assert raised.value.line == 3
    with pytest.raises(UsageError):
        openapi(TGI, clients=["requets"])
