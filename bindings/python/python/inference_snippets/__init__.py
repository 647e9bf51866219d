"""Code snippets that send one inference request: curl, Python, JavaScript, Rust.

The Rust crate ``inference-snippets`` does the work; this package converts Python
objects to its types and back::

    from inference_snippets import render

    spec = {"url": "https://xyz.endpoints.huggingface.cloud/gpt2",
            "json": {"inputs": "Hi"}, "task": "text-generation"}
    print(render(spec, "huggingface_hub"))

A request is a dict in the shape of the JSON spec (``url``, ``method``, ``headers``,
``token``, ``json`` (with ``base64_files``) | ``data`` | ``file``, ``content_type``,
``task``, ``model``) or that JSON as a string. Problems raise :class:`SnippetError`
(a subclass per kind); warnings come back as :class:`Diagnostic` objects and are
never printed.
"""

from dataclasses import dataclass, fields
from pathlib import Path

__all__ = [
    "CLIENTS",
    "LANGUAGES",
    "CurlError",
    "Diagnostic",
    "DocsError",
    "Drift",
    "Field",
    "RefusalError",
    "SnippetError",
    "SpecError",
    "UsageError",
    "convert_curl",
    "docs_check",
    "docs_lint",
    "docs_write",
    "openapi",
    "openapi_check",
    "parse_curl",
    "render",
    "render_all",
    "verify",
]


def _located(file, line, column, text):
    """``file:line:column: text``, as much of the place as is known."""
    place = ":".join(str(part) for part in (file, line, column) if part is not None)
    return f"{place}: {text}" if place else text


@dataclass(frozen=True, slots=True)
class Field:
    """The part of the request a problem is about.

    ``kind`` is ``"url"``, ``"method"``, ``"header"``, ``"token"``,
    ``"content_type"``, ``"file"``, ``"part"`` (of a form), ``"body"``, ``"json"``
    (a value in a JSON body) or ``"connection"``; ``name`` the header's or the part's
    name; ``pointer`` the JSON Pointer of a value in the body (``"/inputs/0"``).
    """

    kind: str
    name: str | None = None
    pointer: str | None = None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem, as data: the keys of ``snippet --message-format json``.

    ``severity`` is ``"error"``, ``"warning"`` or ``"note"``; ``code`` a stable
    kebab-case name (``"unsupported-option"``, every one listed in ERRORS.md);
    ``file`` the input (a path, ``"<command>"``, ``"<request>"``) or the argument
    the problem is about (``"client"``, ``"language"``, ``"shell"``, ``"task"``);
    ``line`` and ``column`` 1-based (``None`` when the input is not text); ``field``
    the part of the request it is about (a :class:`Field`), ``None`` when none;
    ``hint`` what to do (every hint, joined by ``"; "``), ``hints`` each of them;
    ``url`` where its code is explained (its anchor in ERRORS.md).
    """

    severity: str
    code: str
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    hint: str | None = None
    field: Field | None = None
    hints: tuple[str, ...] = ()
    url: str | None = None

    def __str__(self) -> str:
        text = self.message if self.hint is None else f"{self.message}; {self.hint}"
        return _located(self.file, self.line, self.column, text)


@dataclass(frozen=True, slots=True)
class Drift:
    """A region of a page whose content is not what the tool generates.

    ``line`` and ``column`` are its begin marker's; ``diff`` a unified diff from the
    region's content to the generated one.
    """

    file: Path
    line: int
    column: int
    diff: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: region is out of date"


class SnippetError(Exception):
    """Nothing was produced: the input must change.

    Carries the diagnostic's keys as attributes: ``code``, ``severity``, ``message``,
    ``file``, ``line``, ``column``, ``field``, ``hint``, ``hints`` and ``url`` (see
    :class:`Diagnostic`). ``str(error)`` is ``file:line:column: message; hint``.
    ``warnings`` lists the :class:`Diagnostic` warnings found before the error (a
    curl option ignored, a token replaced...), as a result would have carried them.
    """

    def __init__(
        self,
        message: str,
        *,
        code: str,
        severity: str = "error",
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
        field: Field | None = None,
        hints: tuple[str, ...] = (),
        url: str | None = None,
        warnings: list[Diagnostic] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint
        self.field = field
        self.hints = tuple(hints)
        self.url = url
        self.warnings: list[Diagnostic] = list(warnings or ())

    @property
    def diagnostic(self) -> Diagnostic:
        """The error as a :class:`Diagnostic`."""
        keys = {key.name: getattr(self, key.name) for key in fields(Diagnostic)}
        return Diagnostic(**keys)

    def __str__(self) -> str:
        return str(self.diagnostic)

    def __reduce__(self):
        # Keyword-only fields: pickled (multiprocessing) by name, not by args.
        keys = {key.name: getattr(self, key.name) for key in fields(Diagnostic)}
        keys["warnings"] = self.warnings
        return (_rebuild, (type(self), keys))


def _rebuild(cls, keys):
    message = keys.pop("message")
    return cls(message, **keys)


class SpecError(SnippetError):
    """The request spec cannot be read, or describes a request no client can send."""


class CurlError(SnippetError):
    """The curl command cannot be read, or sends a request no client can send."""


class RefusalError(SnippetError):
    """This client cannot send exactly this request; ``hint`` names the one that can."""


class DocsError(SnippetError):
    """A page cannot be read, or its regions cannot be generated."""


class UsageError(SnippetError, ValueError):
    """An argument is wrong: an unknown client, language, shell or task name."""


from ._native import (  # noqa: E402  (the classes above are what it raises)
    CLIENTS,
    LANGUAGES,
    convert_curl,
    docs_check,
    docs_lint,
    docs_write,
    openapi,
    openapi_check,
    parse_curl,
    render,
    render_all,
    verify,
)
