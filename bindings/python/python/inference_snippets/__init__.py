"""Code snippets that send one inference request: curl, Python, JavaScript, Rust.

The Rust crate ``inference-snippets`` does the work; this package converts Python
objects to its types and back::

    from inference_snippets import render

    spec = {"url": "https://xyz.endpoints.huggingface.cloud/gpt2",
            "json": {"inputs": "Hi"}, "task": "text-generation"}
    print(render(spec, "huggingface_hub"))

A request is a dict in the shape of the JSON spec (``url``, ``method``, ``headers``,
``token``, ``json`` | ``data`` | ``file``, ``content_type``, ``task``, ``model``) or
that JSON as a string. Problems raise :class:`SnippetError` (a subclass per kind);
warnings come back as :class:`Diagnostic` objects and are never printed.
"""

from dataclasses import asdict, dataclass
from pathlib import Path

__all__ = [
    "CLIENTS",
    "LANGUAGES",
    "CurlError",
    "Diagnostic",
    "DocsError",
    "Drift",
    "RefusalError",
    "SnippetError",
    "SpecError",
    "UsageError",
    "convert_curl",
    "docs_check",
    "docs_lint",
    "docs_write",
    "parse_curl",
    "render",
    "render_all",
]


def _located(file, line, column, text):
    """``file:line:column: text``, as much of the place as is known."""
    place = ":".join(str(part) for part in (file, line, column) if part is not None)
    return f"{place}: {text}" if place else text


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem, as data: the keys of ``snippet --message-format json``.

    ``severity`` is ``"error"``, ``"warning"`` or ``"note"``; ``code`` a stable
    kebab-case name (``"unsupported-option"``, every one listed in ERRORS.md);
    ``file`` the input (a path, ``"<command>"``, ``"<request>"``), ``line`` and
    ``column`` 1-based (``None`` when the input is not text); ``hint`` what to do.
    """

    severity: str
    code: str
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    hint: str | None = None

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
    ``file``, ``line``, ``column`` and ``hint``. ``str(error)`` is
    ``file:line:column: message; hint``.
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
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint

    @property
    def diagnostic(self) -> Diagnostic:
        """The error as a :class:`Diagnostic`."""
        return Diagnostic(
            self.severity, self.code, self.message, self.file, self.line, self.column, self.hint
        )

    def __str__(self) -> str:
        return str(self.diagnostic)

    def __reduce__(self):
        # Keyword-only fields: pickled (multiprocessing) by name, not by args.
        fields = asdict(self.diagnostic)
        return (_rebuild, (type(self), fields))


def _rebuild(cls, fields):
    message = fields.pop("message")
    return cls(message, **fields)


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
    parse_curl,
    render,
    render_all,
)
