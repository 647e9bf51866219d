"""The declared API is the exported one: ``_native.pyi`` names every function and
constant of the native module, each function with the parameters it takes (name,
kind, whether it has a default), and the package re-exports them all."""

import ast
import inspect

import inference_snippets
from inference_snippets import _native

from conftest import ROOT

STUB = ROOT / "bindings" / "python" / "python" / "inference_snippets" / "_native.pyi"


def parameters(args):
    """``(name, kind, has a default)`` of each parameter of a stub's ``def``."""
    positional = [(arg, "POSITIONAL_ONLY") for arg in args.posonlyargs]
    positional += [(arg, "POSITIONAL_OR_KEYWORD") for arg in args.args]
    first_default = len(positional) - len(args.defaults)
    found = [(arg.arg, kind, index >= first_default) for index, (arg, kind) in enumerate(positional)]
    if args.vararg:
        found.append((args.vararg.arg, "VAR_POSITIONAL", False))
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        found.append((arg.arg, "KEYWORD_ONLY", default is not None))
    if args.kwarg:
        found.append((args.kwarg.arg, "VAR_KEYWORD", False))
    return found


def declared():
    """The stub's functions (with their parameters) and constants (annotated names)."""
    functions, constants = {}, set()
    for node in ast.parse(STUB.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef):
            functions[node.name] = parameters(node.args)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            constants.add(node.target.id)
    return functions, constants


def exported():
    """The module's public functions (with their parameters) and constants."""
    functions, constants = {}, set()
    for name in dir(_native):
        if name.startswith("_"):
            continue
        value = getattr(_native, name)
        if callable(value):
            signature = inspect.signature(value)
            functions[name] = [
                (p.name, p.kind.name, p.default is not inspect.Parameter.empty)
                for p in signature.parameters.values()
            ]
        else:
            constants.add(name)
    return functions, constants


def test_the_stub_names_what_the_module_exports():
    (functions, constants), (stub_functions, stub_constants) = exported(), declared()
    assert sorted(functions) == sorted(stub_functions)
    assert constants == stub_constants


def test_each_function_takes_the_parameters_its_stub_declares():
    functions, _ = exported()
    stub_functions, _ = declared()
    for name, parameters_taken in functions.items():
        assert parameters_taken == stub_functions[name], name


def literals():
    """The stub's ``Name = Literal[...]`` aliases: their strings, by name."""
    found = {}
    for node in ast.parse(STUB.read_text(encoding="utf-8")).body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Subscript)
            and isinstance(node.value.value, ast.Name)
            and node.value.value.id == "Literal"
        ):
            elements = node.value.slice.elts if isinstance(node.value.slice, ast.Tuple) else [node.value.slice]
            found[node.targets[0].id] = [element.value for element in elements]
    return found


# A chat completion on an OpenAI route: every client can send it.
CHAT = {
    "url": "https://router.huggingface.co/v1/chat/completions",
    "json": {"model": "m", "messages": [{"role": "user", "content": "Hi"}]},
    "task": "chat-completion",
}


def test_the_stub_literals_are_the_names_the_library_lists():
    found = literals()
    assert found["ClientId"] == list(_native.CLIENTS)
    assert found["Language"] == list(_native.LANGUAGES)
    snippets = _native.render_all(CHAT)
    assert len(snippets) == len(_native.CLIENTS)
    assert sorted(found["ClientName"]) == sorted({snippet["client"] for snippet in snippets})


def test_the_package_exports_every_native_name():
    functions, constants = exported()
    assert set(functions) | constants <= set(inference_snippets.__all__)
