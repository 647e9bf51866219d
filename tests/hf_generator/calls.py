"""The calls of Python snippets, read with the ast module: for each file named on
standard input (a JSON list of paths), the client's constructor
(`InferenceClient(...)`) and the first method called on the client, each with its
arguments as data: `#0`, `#1`... for the positional ones, keywords by name. Values:
literals as themselves, dicts and lists as such, `os.environ["NAME"]` as
{"env": NAME}, a name assigned at the top level as its value, anything else as
{"code": its source}. Output: {path: {constructor, method} | {error}}."""

import ast
import json
import sys


def read(path):
    with open(path, encoding="utf-8") as file:
        tree = ast.parse(file.read(), path)
    assigned = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                assigned[target.id] = node.value

    def value(node, seen=frozenset()):
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, (ast.List, ast.Tuple)):
            return [value(element, seen) for element in node.elts]
        if isinstance(node, ast.Dict) and all(isinstance(k, ast.Constant) for k in node.keys):
            return {str(k.value): value(v, seen) for k, v in zip(node.keys, node.values)}
        if (
            isinstance(node, ast.Subscript)
            and ast.unparse(node.value) == "os.environ"
            and isinstance(node.slice, ast.Constant)
        ):
            return {"env": node.slice.value}
        if isinstance(node, ast.Name) and node.id in assigned and node.id not in seen:
            return value(assigned[node.id], seen | {node.id})
        return {"code": ast.unparse(node)}

    def arguments(call):
        out = {f"#{index}": value(arg) for index, arg in enumerate(call.args)}
        for keyword in call.keywords:
            out[keyword.arg if keyword.arg else "**"] = value(keyword.value)
        return out

    client = constructor = None
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name)
            and node.value.func.id in ("InferenceClient", "OpenAI", "AsyncInferenceClient")
        ):
            client = node.targets[0].id
            constructor = {"name": node.value.func.id, "arguments": arguments(node.value)}
            break
    method = None
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        names, callee = [], node.func
        while isinstance(callee, ast.Attribute):
            names.insert(0, callee.attr)
            callee = callee.value
        if isinstance(callee, ast.Name) and callee.id == client:
            method = {"name": ".".join(names), "arguments": arguments(node)}
            break
    return {"constructor": constructor, "method": method}


def main():
    report = {}
    for path in json.load(sys.stdin):
        try:
            report[path] = read(path)
        except (OSError, SyntaxError) as err:
            report[path] = {"error": str(err)}
    json.dump(report, sys.stdout)
    print()


main()
