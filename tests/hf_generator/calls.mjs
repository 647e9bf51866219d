// The calls of JavaScript snippets, read with acorn: for each file named on standard
// input (a JSON list of paths), the client's constructor (`new InferenceClient(...)`)
// and the first method called on the client, each with its arguments as data. An
// object argument's keys become arguments (`#1.key` for a key of the second one);
// `#0` names the first positional one.
// Values: literals as themselves, objects and arrays as such, `process.env.NAME` as
// {"env": NAME}, a name declared at the top level as its value, anything else as
// {"code": its source}. Output: {path: {constructor, method, arguments} | {error}}.
import { readFileSync } from "node:fs";
import * as acorn from "acorn";

function children(node) {
  const out = [];
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) out.push(...value.filter((v) => v && typeof v.type === "string"));
    else if (value && typeof value.type === "string") out.push(value);
  }
  return out;
}

function* walk(node) {
  yield node;
  for (const child of children(node)) yield* walk(child);
}

function read(path) {
  const source = readFileSync(path, "utf8");
  const program = acorn.parse(source, { ecmaVersion: "latest", sourceType: "module" });
  const declared = new Map();
  for (const node of walk(program)) {
    if (node.type === "VariableDeclarator" && node.id.type === "Identifier" && node.init) {
      declared.set(node.id.name, node.init);
    }
  }
  const code = (node) => ({ code: source.slice(node.start, node.end) });
  const value = (node, seen = new Set()) => {
    switch (node.type) {
      case "Literal":
        return node.value;
      case "TemplateLiteral":
        return node.expressions.length === 0 ? node.quasis[0].value.cooked : code(node);
      case "ArrayExpression":
        return node.elements.map((element) => value(element, seen));
      case "ObjectExpression":
        return Object.fromEntries(node.properties.map((p) => [key(p), value(p.value, seen)]));
      case "AwaitExpression":
        return value(node.argument, seen);
      case "MemberExpression":
        if (source.slice(node.object.start, node.object.end) === "process.env") {
          return { env: node.computed ? node.property.value : node.property.name };
        }
        return code(node);
      case "Identifier":
        if (declared.has(node.name) && !seen.has(node.name)) {
          return value(declared.get(node.name), new Set([...seen, node.name]));
        }
        return code(node);
      default:
        return code(node);
    }
  };
  const key = (property) =>
    property.key.type === "Identifier" ? property.key.name : String(property.key.value);
  const args = (nodes) => {
    const out = {};
    nodes.forEach((node, index) => {
      if (node.type === "ObjectExpression") {
        const prefix = index === 0 ? "" : `#${index}.`;
        for (const p of node.properties) out[prefix + key(p)] = value(p.value);
      } else {
        out[`#${index}`] = value(node);
      }
    });
    return out;
  };
  let client = null;
  let constructor = null;
  for (const node of walk(program)) {
    if (
      node.type === "VariableDeclarator" &&
      node.init?.type === "NewExpression" &&
      node.init.callee.type === "Identifier" &&
      /Client$|^OpenAI$|^HfInference$/.test(node.init.callee.name)
    ) {
      client = node.id.name;
      constructor = { name: node.init.callee.name, arguments: args(node.init.arguments) };
      break;
    }
  }
  let method = null;
  for (const node of walk(program)) {
    if (node.type !== "CallExpression" || node.callee.type !== "MemberExpression") continue;
    const names = [];
    let callee = node.callee;
    while (callee.type === "MemberExpression" && !callee.computed) {
      names.unshift(callee.property.name);
      callee = callee.object;
    }
    if (callee.type === "Identifier" && callee.name === client) {
      method = { name: names.join("."), arguments: args(node.arguments) };
      break;
    }
  }
  return { constructor, method };
}

let input = "";
for await (const chunk of process.stdin) input += chunk;
const report = {};
for (const path of JSON.parse(input)) {
  try {
    report[path] = read(path);
  } catch (err) {
    report[path] = { error: String(err.message) };
  }
}
console.log(JSON.stringify(report));
