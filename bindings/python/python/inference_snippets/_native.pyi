"""Type stubs of the native module; the functions are re-exported by ``inference_snippets``."""

from collections.abc import Iterable, Sequence
from os import PathLike
from pathlib import Path
from typing import Any, Literal, TypedDict

from . import Diagnostic, Drift

Spec = dict[str, Any] | str
"""A request: a dict in the JSON spec's shape, or that JSON as text."""

StrPath = str | PathLike[str]
Paths = StrPath | Iterable[StrPath] | None

# The names, as the library lists them (tests/test_api.py holds them to it).
Language = Literal["curl", "python", "js", "rust", "go", "java", "php", "ruby"]
"""A language, as ``LANGUAGES`` lists them (``render`` also takes their aliases: ``py``...)."""
ClientId = Literal["curl", "huggingface_hub", "openai-python", "requests", "httpx", "httpx-async", "huggingface.js", "openai-js", "fetch", "reqwest", "go-net-http", "java-net-http", "guzzle", "ruby-net-http"]
"""A client's id, as ``CLIENTS`` lists them: one no other client has."""
ClientName = Literal["curl", "huggingface_hub", "openai", "requests", "httpx", "httpx-async", "huggingface.js", "fetch", "reqwest", "net/http", "java.net.http", "guzzle"]
"""A client's name, as ``render_all`` gives it: both openai clients are ``openai``."""
Client = ClientId | ClientName
"""What ``render`` takes as a client: an id, or a name (``openai`` needs ``language``)."""
Shell = Literal["bash", "cmd", "powershell"]

class Snippet(TypedDict):
    """One snippet, in the shape of ``@huggingface/inference``'s ``getInferenceSnippets``."""

    language: Language
    client: ClientName
    """The client's name as ``--format json`` gives it: both openai clients are ``openai``."""
    content: str

CLIENTS: tuple[ClientId, ...]
"""Every client ``render`` takes, in ``render_all``'s order, by its id: one no other
client has (``openai-python``, ``openai-js``)."""

LANGUAGES: tuple[Language, ...]
"""Every language name, in ``render_all``'s order."""

def render(request: Spec, client: Client | None = None, *, language: Language | None = None) -> str:
    """The code that sends ``request`` with ``client``.

    Without ``client``, ``language``'s default: the client a reader of the request's
    API reaches for (the OpenAI SDK on an OpenAI route outside Hugging Face's hosts,
    the Hugging Face client on Hugging Face's), else its generic one; with both, the client must write the language
    (a name two languages share, ``openai``, needs it, or its id: ``openai-python``).
    Raises ``SpecError`` (with the line and column of JSON text), ``RefusalError`` when
    the client cannot send exactly this request, ``UsageError`` for an unknown name.
    """

def render_all(request: Spec, *, language: Language | None = None) -> list[Snippet]:
    """Every snippet that sends ``request``, one per client able to (of ``language``
    only, when given): what ``snippet --all --format json`` prints."""

def parse_curl(
    command: str, *, shell: Shell | None = None, task: str | None = None
) -> tuple[dict[str, Any], list[Diagnostic]]:
    """A curl command's JSON spec (what ``render`` takes) and its warnings.

    Raises ``CurlError`` at the place in the command, also for a request a spec cannot
    describe (a ``$VAR``, ``-F``, ``-u``, ``-k``...: ``convert_curl`` renders those);
    the error's ``warnings`` are the ones found before it.
    """

def convert_curl(
    command: str,
    client: Client | None = None,
    *,
    language: Language | None = None,
    task: str | None = None,
    shell: Shell | None = None,
) -> str:
    """The code that sends what the curl ``command`` sends, with ``client`` (or the
    default client of ``language``). Raises ``CurlError`` or ``RefusalError``."""

def docs_check(paths: Paths = None) -> list[Drift]:
    """The regions of Markdown pages that are not what the tool generates; writes nothing.

    ``paths``: a file or folder (searched for ``.md`` and ``.mdx``, skipping ``.git``,
    ``target``, ``node_modules`` and what ``.gitignore`` ignores), several, or None for
    the current folder. Raises ``DocsError``.
    """

def docs_write(paths: Paths = None) -> list[Path]:
    """Rewrites the drifted regions of the pages of ``paths``; the pages rewritten."""

def docs_lint(paths: Paths = None) -> list[Diagnostic]:
    """The findings of ``snippet docs lint`` in the pages of ``paths``: errors,
    warnings and notes."""

def verify(
    paths: Paths = None, *, cache: StrPath | None = None, timeout: int = 60
) -> dict[str, Any]:
    """Every tab of the pages of ``paths`` with a curl block beside it, and every
    region, run through a recording proxy and compared with the curl block's request
    (``snippet verify``): ``findings`` (a ``Diagnostic`` each), ``summary``,
    ``runtimes``, ``isolation``."""

def openapi(
    spec: str,
    *,
    clients: Sequence[str] = (),
    languages: Sequence[str] = (),
    lang_style: str = "redocly",
    server: str | None = None,
    example: str | None = None,
    token_env: str | None = None,
    write: bool = False,
    yaml: bool | None = None,
) -> dict[str, Any]:
    """Code samples for every operation of an OpenAPI document (its text), as
    ``snippet openapi`` writes them: ``text`` (an Overlay 1.0 document, or with
    ``write`` the spec itself with ``x-codeSamples``), ``operations`` (each with its
    ``samples``: ``client``, ``lang``, ``label``, ``source``) and ``notes``
    (``Diagnostic`` objects: operations left out, clients that cannot send one)."""

def openapi_check(
    spec: str,
    *,
    overlay: str | None = None,
    clients: Sequence[str] = (),
    languages: Sequence[str] = (),
    lang_style: str = "redocly",
    server: str | None = None,
    example: str | None = None,
    token_env: str | None = None,
) -> list[dict[str, Any]]:
    """The operations whose samples in ``spec`` (or in the ``overlay`` text) differ
    from the ones ``openapi`` writes: ``operation``, ``line``, ``column``, ``diff``
    each; empty when up to date."""
