"""curl commands: their spec and warnings, and the spec rendered as the command is."""

import pytest

from inference_snippets import (
    CLIENTS,
    CurlError,
    Diagnostic,
    RefusalError,
    convert_curl,
    parse_curl,
    render,
)

# Where ERRORS.md is: each diagnostic's url is its code's anchor there.
ERRORS = "https://github.com/huggingface/inference-snippets/blob/main/ERRORS.md"

ASR = """curl --request POST \\
  --url https://xyz.endpoints.huggingface.cloud/wav2vec-asr \\
  --header 'Authorization: Bearer hf_***' \\
  --header 'Content-Type: audio/x-flac' \\
  --data-binary '@sample1.flac' \\
  --retry 3
"""


def test_the_spec_and_the_warnings():
    spec, warnings = parse_curl(ASR, task="asr")
    assert spec == {
        "url": "https://xyz.endpoints.huggingface.cloud/wav2vec-asr",
        "token": "hf_***",
        "file": "sample1.flac",
        "content_type": "audio/x-flac",
        "task": "automatic-speech-recognition",
    }
    assert warnings == [
        Diagnostic(
            severity="warning",
            code="unsupported-option",
            message="--retry: the snippets send the request once, without retrying",
            file="<command>",
            line=6,
            column=3,
            url=ERRORS + "#unsupported-option",
        )
    ]
    assert str(warnings[0]).startswith("<command>:6:3: --retry")


def outcome(convert):
    """What ``convert()`` gives: the snippet, or the refusal."""
    try:
        return convert()
    except RefusalError as refusal:
        return refusal.message


def test_the_spec_renders_what_the_command_does():
    spec, _ = parse_curl(ASR, task="automatic-speech-recognition")
    for client in CLIENTS:
        expected = outcome(lambda: convert_curl(ASR, client, task="asr"))
        assert outcome(lambda: render(spec, client)) == expected


def test_a_real_token_is_replaced_with_a_warning():
    token = "hf_" + "a1" * 17
    spec, warnings = parse_curl(f"curl https://x.cloud -H 'Authorization: Bearer {token}'")
    assert "token" not in spec  # $HF_TOKEN, the default
    assert [warning.code for warning in warnings] == ["token-replaced"]
    assert token not in convert_curl(f"curl https://x.cloud -H 'Authorization: Bearer {token}'", "curl")


def test_what_a_spec_cannot_hold_is_placed():
    with pytest.raises(CurlError) as raised:
        parse_curl('curl https://x.cloud \\\n  -H "X-Key: $KEY"')
    error = raised.value
    assert (error.code, error.line, error.column) == ("not-in-spec", 2, 6)
    assert "reads the environment variable KEY" in error.message
    # The conversion itself keeps the variable.
    assert 'os.environ["KEY"]' in convert_curl('curl https://x.cloud -H "X-Key: $KEY"', "requests")


def test_an_error_carries_the_warnings_found_before_it():
    token = "hf_" + "a1" * 17
    command = f"curl --retry 2 https://x.cloud -H 'Authorization: Bearer {token}' -H \"X-Key: $KEY\""
    _, expected = parse_curl(command.replace("$KEY", "k"))
    with pytest.raises(CurlError) as raised:
        parse_curl(command)
    # The same Diagnostic objects parse_curl returns beside a spec.
    assert raised.value.warnings == expected
    assert [warning.code for warning in raised.value.warnings] == ["unsupported-option", "token-replaced"]
    # The parser stopping on an error: what it read before.
    with pytest.raises(CurlError) as raised:
        parse_curl("curl --retry 2 https://x.cloud --hedaer 'X: 1'")
    assert raised.value.code == "unknown-option"
    assert [(w.code, w.line, w.column) for w in raised.value.warnings] == [("unsupported-option", 1, 6)]
    # Errors without warnings have an empty list.
    with pytest.raises(CurlError) as raised:
        parse_curl("curl https://x.cloud --hedaer 'X: 1'")
    assert raised.value.warnings == []


def test_windows_shells():
    spec, _ = parse_curl('curl.exe https://x.cloud `\n  -H "X-A: b"', shell="powershell")
    assert spec["headers"] == {"X-A": "b"}
