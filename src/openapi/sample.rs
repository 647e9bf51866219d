//! A value built from a schema, for a body or a parameter that gives no example of its
//! own: the schema's `example`, `examples`, `default`, `const` or first `enum` value,
//! else an object of its required properties, each built the same way. A value with
//! nothing to build it from is a problem naming the schema, never an invented one.

use std::cell::Cell;

use serde_json::{Map, Value};

use super::Problem;
use super::document::escape;
use super::refs::{MAX_DEPTH, Refs};
use crate::diagnostic::Code;

/// The most nodes one built value may have: schemas that each require two of the
/// next would otherwise build 2^32 of them without a cycle.
const MAX_NODES: usize = 10_000;

/// How deep the building may go, through `$ref`s, `allOf`s and nested schemas
/// alike: a deeper value would be deeper than any document this reader reads, and
/// the stack of a thread that reads it is small.
const MAX_NESTING: usize = 64;

/// Builds values from the schemas of one document.
pub(super) struct Sampler<'r, 'a> {
    refs: &'r Refs<'a>,
    /// The nodes the value being built may still have.
    budget: Cell<usize>,
    /// How deep the building is.
    depth: Cell<usize>,
}

impl<'r, 'a> Sampler<'r, 'a> {
    pub(super) fn new(refs: &'r Refs<'a>) -> Sampler<'r, 'a> {
        Sampler {
            refs,
            budget: Cell::new(MAX_NODES),
            depth: Cell::new(0),
        }
    }

    /// A value of `schema` (at `pointer`).
    pub(super) fn sample(&self, schema: &'a Value, pointer: &str) -> Result<Value, Problem> {
        self.budget.set(MAX_NODES);
        self.value(schema, pointer, &mut Vec::new())
    }

    /// `within`: the schemas a `$ref` led to on the way here, to tell a schema that
    /// requires itself.
    fn value(
        &self,
        schema: &'a Value,
        pointer: &str,
        within: &mut Vec<String>,
    ) -> Result<Value, Problem> {
        let Some(left) = self.budget.get().checked_sub(1) else {
            return Err(Problem::new(
                pointer.to_owned(),
                format!("the value built from the schema has more than {MAX_NODES} nodes"),
            )
            .advice("give the body an example"));
        };
        self.budget.set(left);
        let depth = self.depth.get();
        if depth >= MAX_NESTING {
            return Err(Problem::new(
                pointer.to_owned(),
                format!("schemas nest deeper than {MAX_NESTING} levels"),
            )
            .advice("give the body an example"));
        }
        self.depth.set(depth + 1);
        let value = self.resolved(schema, pointer, within);
        self.depth.set(depth);
        value
    }

    fn resolved(
        &self,
        schema: &'a Value,
        pointer: &str,
        within: &mut Vec<String>,
    ) -> Result<Value, Problem> {
        let resolved = self.refs.resolve(schema, pointer)?;
        let (schema, at) = (resolved.value, resolved.pointer);
        if resolved.via_ref {
            if within.contains(&at) {
                within.push(at.clone());
                return Err(Problem::new(
                    at,
                    format!("the schema requires itself: {}", within.join(" → ")),
                )
                .code(Code::RefCycle)
                .advice("give the body an example"));
            }
            if within.len() >= MAX_DEPTH {
                return Err(Problem::new(
                    at,
                    format!("schemas nest deeper than {MAX_DEPTH} levels"),
                )
                .advice("give the body an example"));
            }
            within.push(at.clone());
        }
        let value = self.of(schema, &at, within);
        if resolved.via_ref {
            within.pop();
        }
        value
    }

    fn of(&self, schema: &'a Value, at: &str, within: &mut Vec<String>) -> Result<Value, Problem> {
        if let Some(value) = given(schema) {
            return Ok(typed(value, schema));
        }
        let Some(object) = schema.as_object() else {
            return Err(no_value(at));
        };
        for key in ["oneOf", "anyOf"] {
            let Some(Value::Array(choices)) = object.get(key) else {
                continue;
            };
            // The first alternative that can be built; the first's problem else.
            let mut first = None;
            for (index, choice) in choices.iter().enumerate() {
                match self.value(choice, &format!("{at}/{key}/{index}"), within) {
                    Ok(value) => return Ok(value),
                    Err(problem) => {
                        first.get_or_insert(problem);
                    }
                }
            }
            return Err(first.unwrap_or_else(|| no_value(at)));
        }
        let mut members = Map::new();
        let mut merged = false;
        if let Some(Value::Array(all)) = object.get("allOf") {
            for (index, part) in all.iter().enumerate() {
                match self.value(part, &format!("{at}/allOf/{index}"), within)? {
                    Value::Object(part) => members.extend(part),
                    other if all.len() == 1 => return Ok(other),
                    _ => return Err(no_value(at)),
                }
                merged = true;
            }
        }
        let types = types(schema);
        if types.contains(&"object") || object.contains_key("properties") || merged {
            let required = object.get("required").and_then(Value::as_array);
            for name in required.into_iter().flatten().filter_map(Value::as_str) {
                let Some(property) = object.get("properties").and_then(|all| all.get(name)) else {
                    if members.contains_key(name) {
                        continue;
                    }
                    return Err(Problem::new(
                        at.to_owned(),
                        format!("required property {name:?} is not described"),
                    ));
                };
                let pointer = format!("{at}/properties/{}", escape(name));
                members.insert(name.to_owned(), self.value(property, &pointer, within)?);
            }
            return Ok(Value::Object(members));
        }
        // An array of one item: an empty one would say nothing of what to send.
        if types.contains(&"array") {
            return match object.get("items") {
                Some(items) => Ok(Value::Array(vec![self.value(
                    items,
                    &format!("{at}/items"),
                    within,
                )?])),
                None => Err(no_value(at)),
            };
        }
        if types.contains(&"null") || object.get("nullable") == Some(&Value::Bool(true)) {
            return Ok(Value::Null);
        }
        Err(no_value(at))
    }
}

/// The value a schema gives outright: its example, first example, default, constant
/// or first allowed value.
pub(super) fn given(schema: &Value) -> Option<&Value> {
    schema
        .get("example")
        .or_else(|| schema.get("examples").and_then(|examples| examples.get(0)))
        .or_else(|| schema.get("default"))
        .or_else(|| schema.get("const"))
        .or_else(|| schema.get("enum").and_then(|values| values.get(0)))
}

/// A schema's example written as a string for a value of another type (`"32"` for
/// an integer, `"[{...}]"` for an array: code generators do), read as that type.
fn typed(value: &Value, schema: &Value) -> Value {
    let allowed = types(schema);
    let nullable = schema.get("nullable") == Some(&Value::Bool(true));
    let Value::String(text) = value else {
        return value.clone();
    };
    if allowed.is_empty() || allowed.contains(&"string") {
        return value.clone();
    }
    let fits = |parsed: &Value| {
        allowed.iter().any(|kind| match *kind {
            "integer" => parsed.is_i64() || parsed.is_u64(),
            "number" => parsed.is_number(),
            "boolean" => parsed.is_boolean(),
            "array" => parsed.is_array(),
            "object" => parsed.is_object(),
            "null" => parsed.is_null(),
            _ => false,
        }) || (nullable && parsed.is_null())
    };
    match serde_json::from_str::<Value>(text) {
        Ok(parsed) if fits(&parsed) => parsed,
        _ => value.clone(),
    }
}

/// The types a schema allows: `type` as a name (3.0) or a list of names (3.1).
pub(super) fn types(schema: &Value) -> Vec<&str> {
    match schema.get("type") {
        Some(Value::String(name)) => vec![name.as_str()],
        Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn no_value(at: &str) -> Problem {
    Problem::new(
        at.to_owned(),
        "no example, default or enum to build a value from",
    )
    .advice("add an example to the schema or to the media type")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample(root: &Value, pointer: &str) -> Result<Value, Problem> {
        let refs = Refs { root };
        let schema = root.pointer(pointer).unwrap();
        Sampler::new(&refs).sample(schema, pointer)
    }

    #[test]
    fn required_properties_from_their_examples() {
        let root = json!({"components": {"schemas": {
            "Generate": {"type": "object", "required": ["inputs", "parameters"],
                "properties": {
                    "inputs": {"type": "string", "example": "My name is"},
                    "parameters": {"$ref": "#/components/schemas/Parameters"},
                    "stream": {"type": "boolean"},
                }},
            "Parameters": {"type": "object", "required": ["max_new_tokens", "stop", "seed", "top_k"],
                "properties": {
                    "max_new_tokens": {"type": "integer", "default": 20},
                    "stop": {"type": "array", "items": {"type": "string", "example": "\n"}},
                    "seed": {"type": ["integer", "null"]},
                    "top_k": {"type": "integer", "example": "10", "nullable": true},
                }},
            "Mixed": {"allOf": [{"$ref": "#/components/schemas/Parameters"},
                {"type": "object", "required": ["mode"],
                 "properties": {"mode": {"enum": ["fast", "slow"]}}}]},
            "Choice": {"oneOf": [{"type": "integer"}, {"type": "string", "examples": ["second"]}]},
            "Messages": {"type": "array", "items": {"type": "object"}, "example": "[{\"role\": \"user\"}]"},
        }}});
        assert_eq!(
            sample(&root, "/components/schemas/Generate").unwrap(),
            json!({"inputs": "My name is",
                   "parameters": {"max_new_tokens": 20, "stop": ["\n"], "seed": null, "top_k": 10}})
        );
        assert_eq!(
            sample(&root, "/components/schemas/Mixed").unwrap(),
            json!({"max_new_tokens": 20, "stop": ["\n"], "seed": null, "top_k": 10, "mode": "fast"})
        );
        assert_eq!(
            sample(&root, "/components/schemas/Choice").unwrap(),
            json!("second")
        );
        assert_eq!(
            sample(&root, "/components/schemas/Messages").unwrap(),
            json!([{"role": "user"}])
        );
    }

    #[test]
    fn what_cannot_be_built_is_named() {
        let mut root = json!({"components": {"schemas": {
            "Bare": {"type": "object", "required": ["name"],
                "properties": {"name": {"type": "string"}}},
            "Ids": {"type": "array", "items": {"type": "integer"}},
            "Node": {"type": "object", "required": ["child"],
                "properties": {"child": {"$ref": "#/components/schemas/Node"}}},
        }}});
        // 31 schemas, each nesting 100 levels before the next: 3,100 levels.
        for level in 0..31 {
            let mut schema = json!({"$ref": format!("#/components/schemas/Deep{}", level + 1)});
            for _ in 0..100 {
                schema = json!({"type": "object", "required": ["a"], "properties": {"a": schema}});
            }
            root["components"]["schemas"][format!("Deep{level}")] = schema;
        }
        root["components"]["schemas"]["Deep31"] = json!({"type": "integer", "example": 1});
        let problem = sample(&root, "/components/schemas/Deep0").unwrap_err();
        assert!(
            problem.message.contains("deeper than 64"),
            "{}",
            problem.message
        );
        // Each level requires two of the next: 2^30 nodes without a cycle.
        for level in 0..30 {
            let next = json!({"$ref": format!("#/components/schemas/Wide{}", level + 1)});
            root["components"]["schemas"][format!("Wide{level}")] = json!({
                "type": "object", "required": ["a", "b"],
                "properties": {"a": next, "b": next},
            });
        }
        root["components"]["schemas"]["Wide30"] = json!({"type": "integer", "example": 1});
        let problem = sample(&root, "/components/schemas/Bare").unwrap_err();
        assert_eq!(problem.pointer, "/components/schemas/Bare/properties/name");
        assert!(
            problem.message.starts_with("no example"),
            "{}",
            problem.message
        );
        let problem = sample(&root, "/components/schemas/Wide0").unwrap_err();
        assert!(
            problem.message.contains("more than 10000 nodes"),
            "{}",
            problem.message
        );
        let problem = sample(&root, "/components/schemas/Ids").unwrap_err();
        assert_eq!(problem.pointer, "/components/schemas/Ids/items");
        let problem = sample(&root, "/components/schemas/Node").unwrap_err();
        assert_eq!(problem.code, Code::RefCycle);
        assert_eq!(
            problem.message,
            "the schema requires itself: /components/schemas/Node → /components/schemas/Node"
        );
    }
}
