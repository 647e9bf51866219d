"""Problems raise the SnippetError of their kind, with their place and hint."""

import pickle

import pytest

import inference_snippets as snippets
from inference_snippets import (
    CurlError,
    Field,
    RefusalError,
    SnippetError,
    SpecError,
    UsageError,
    convert_curl,
    parse_curl,
    render,
)

CHAT = {
    "url": "https://x.cloud/v1/chat/completions",
    "json": {"model": "tgi", "messages": [{"role": "user", "content": "Hi"}]},
}


def test_a_bad_spec_raises_at_its_line_and_column():
    with pytest.raises(SpecError) as raised:
        render('{"url": "https://x.cloud",\n "jsn": {}}', "curl")
    error = raised.value
    assert (error.code, error.severity) == ("unknown-key", "error")
    assert (error.file, error.line, error.column) == ("<request>", 2, 2)
    assert error.hint == 'did you mean "json"?'
    assert str(error) == '<request>:2:2: unknown key "jsn"; did you mean "json"?'
    assert isinstance(error, SnippetError)


def test_invalid_json_is_placed():
    with pytest.raises(SpecError) as raised:
        render('{"url": "https://x.cloud",\n "json": {"inputs": 1}', "curl")
    assert (raised.value.code, raised.value.line) == ("invalid-json", 2)


def test_a_dict_has_no_place_to_point_at():
    with pytest.raises(SpecError) as raised:
        render({"url": "https://x.cloud", "hedaers": {}}, "curl")
    assert (raised.value.code, raised.value.file, raised.value.line) == ("unknown-key", None, None)
    assert str(raised.value) == 'unknown key "hedaers"; did you mean "headers"?'


def test_a_refusal_names_the_client_that_can_in_python_words():
    with pytest.raises(RefusalError) as raised:
        render({"url": "https://x.cloud", "json": {"inputs": 1}}, "huggingface_hub")
    assert raised.value.code == "missing-task"
    assert 'add "task" to the request' in raised.value.hint
    assert 'use client="requests"' in raised.value.hint
    # A task is offered only for a request the client would send with one.
    with pytest.raises(RefusalError) as raised:
        convert_curl("curl https://x.cloud -d a=1", "huggingface.js")
    assert raised.value.code == "unsupported-by-client"
    assert "task" not in raised.value.hint
    with pytest.raises(RefusalError) as raised:
        json = "curl https://x.cloud -H 'Content-Type: application/json' -d '{\"inputs\": 1}'"
        convert_curl(json, "huggingface.js")
    assert 'pass task="..."' in raised.value.hint


def test_usage_errors_are_value_errors():
    with pytest.raises(UsageError, match='unknown client "nope"'):
        render(CHAT, "nope")
    with pytest.raises(ValueError, match="client fetch writes js, not python"):
        render(CHAT, "fetch", language="python")
    with pytest.raises(UsageError, match="name a client"):
        render(CHAT)
    with pytest.raises(UsageError, match="unknown shell"):
        convert_curl("curl https://x.cloud", "curl", shell="fish")
    with pytest.raises(UsageError, match='did you mean "text-classification"') as raised:
        convert_curl("curl https://x.cloud", "curl", task="text-clasification")
    assert raised.value.code == "unknown-task"


def test_language_picks_the_client_a_reader_reaches_for():
    endpoint = {**CHAT, "url": "https://xyz.endpoints.huggingface.cloud/v1/chat/completions"}
    assert "InferenceClient" in render({**endpoint, "task": "chat-completion"}, language="python")
    # An OpenAI route outside Hugging Face: the OpenAI SDK.
    assert "from openai import OpenAI" in render(CHAT, language="py")
    # A Hugging Face endpoint without a task: the typed client cannot choose a method.
    plain = {"url": "https://xyz.endpoints.huggingface.cloud/m", "json": {"inputs": 1}}
    assert "import requests" in render(plain, language="py")


def test_curl_errors_are_placed_in_the_command():
    with pytest.raises(CurlError) as raised:
        convert_curl("curl https://x.cloud \\\n  --hedaer 'X: y'", "requests")
    error = raised.value
    assert (error.code, error.file, error.line, error.column) == ("unknown-option", "<command>", 2, 3)
    assert error.hint == "did you mean --header?"


def test_what_is_not_json_is_a_type_error():
    with pytest.raises(TypeError, match=r'request\["json"\]\["inputs"\]: a bytes is not JSON'):
        render({"url": "https://x.cloud", "json": {"inputs": b"x"}}, "curl")
    with pytest.raises(TypeError, match="request must be a dict"):
        render(["https://x.cloud"], "curl")


def test_errors_pickle_with_their_fields():
    with pytest.raises(SpecError) as raised:
        render('{"url": 1}', "curl")
    copy = pickle.loads(pickle.dumps(raised.value))
    assert type(copy) is SpecError
    assert copy.diagnostic == raised.value.diagnostic


def test_every_name_is_exported():
    assert set(snippets.__all__) <= set(dir(snippets))


def test_openai_names_a_client_of_each_language():
    with pytest.raises(UsageError, match='pass language="..." too; or name one: openai-python or openai-js'):
        render(CHAT, "openai")
    assert "from openai import OpenAI" in render(CHAT, "openai", language="python")
    assert 'import OpenAI from "openai"' in render(CHAT, "openai", language="js")
    assert render(CHAT, "openai-js") == render(CHAT, "openai", language="js")
    assert "openai-python" in snippets.CLIENTS


def test_a_misspelt_name_says_the_closest_and_which_argument():
    with pytest.raises(UsageError) as raised:
        render(CHAT, "requets")
    error = raised.value
    assert (error.code, error.file, error.hint) == ("usage", "client", "did you mean requests?")
    assert str(error) == 'client: unknown client "requets"; did you mean requests?'
    with pytest.raises(UsageError) as raised:
        render(CHAT, language="pyton")
    assert (raised.value.file, raised.value.hint) == ("language", "did you mean python?")
    with pytest.raises(UsageError) as raised:
        convert_curl("curl https://x.cloud", "curl", shell="powershel")
    assert (raised.value.file, raised.value.hint) == ("shell", "did you mean powershell?")
    with pytest.raises(UsageError) as raised:
        convert_curl("curl https://x.cloud", "curl", task="text-clasification")
    assert raised.value.file == "task"


def test_errors_carry_the_field_every_hint_and_where_the_code_is_explained():
    with pytest.raises(SpecError) as raised:
        render({"url": "https://x.cloud", "headers": {"X-Key": "hf_abcdefghijklmnopqrstuvwxyz0123456789"}}, "curl")
    error = raised.value
    assert (error.code, error.field) == ("real-token", Field("header", name="X-Key"))
    with pytest.raises(SpecError) as raised:
        render('{"url": "https://x.cloud",\n "json": {"inputs": ["hf_abcdefghijklmnopqrstuvwxyz0123456789"]}}', "curl")
    assert raised.value.field == Field("json", pointer="/inputs/0")
    assert (raised.value.line, raised.value.column) == (2, 11)
    with pytest.raises(RefusalError) as raised:
        render({"url": "https://x.cloud", "json": {"inputs": 1}}, "huggingface_hub")
    error = raised.value
    assert error.hints == (
        'add "task" to the request (a pipeline tag such as "text-classification")',
        'use client="requests"',
    )
    assert error.hint == "; ".join(error.hints)
    assert error.url == "https://github.com/huggingface/inference-snippets/blob/main/ERRORS.md#missing-task"
    assert error.diagnostic.url == error.url
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.hints, copy.url, copy.diagnostic) == (error.hints, error.url, error.diagnostic)


def test_warnings_carry_the_same_keys():
    command = "curl https://x.cloud -H 'Authorization: Bearer hf_abcdefghijklmnopqrstuvwxyz0123456789'"
    _, warnings = parse_curl(command)
    assert [(w.code, w.field, w.url.rsplit("#", 1)[1]) for w in warnings] == [
        ("token-replaced", Field("token"), "token-replaced")
    ]
