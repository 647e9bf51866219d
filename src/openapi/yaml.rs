//! A YAML document as a JSON value, built from the parser's events: the tree is ours,
//! so that its depth and the nodes its aliases copy are bounded (a hostile document
//! cannot exhaust the stack or the memory), and every node's place is known.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span};
use serde_json::{Map, Number, Value};

use crate::diagnostic::{Code, Place};
use crate::error::Error;

/// How deep a document may nest, as serde_json allows JSON to.
pub(super) const MAX_DEPTH: usize = 128;

/// The nodes aliases may copy, besides one per byte of the text: past it, they are
/// expanding exponentially ("billion laughs"). saphyr's own loader allows as many.
const ALIAS_BUDGET: usize = 100_000;

/// A container being built.
enum Frame {
    Seq(Vec<Value>, usize),
    Map(Map<String, Value>, Option<(String, Span)>, usize),
}

/// Where each node of a document is written, in document order (a node's members
/// and items after it): a member at its key, anything else at its start, as a line
/// and a 0-based column. A node an alias copies is where the alias is.
pub(super) type Order = Vec<(u32, u32)>;

/// Reads the first document of a YAML text, and where each of its nodes is.
pub(super) fn read(text: &str) -> Result<(Value, Order), Error> {
    let mut stack: Vec<Frame> = Vec::new();
    let mut order: Order = Vec::new();
    // Each anchor's value and its size in nodes.
    let mut anchors: HashMap<usize, (Value, usize)> = HashMap::new();
    let mut budget = text.len() + ALIAS_BUDGET;
    let mut parser = Parser::new_from_str(text);
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|err| scan_error(&err))?;
        // A node starts here unless it is a mapping's key; a member is placed at its key.
        let at = match stack.last() {
            Some(Frame::Map(_, None, _)) => None,
            Some(Frame::Map(_, Some((_, key)), _)) => Some(*key),
            _ => Some(span),
        };
        let starts = matches!(
            event,
            Event::Scalar(..) | Event::SequenceStart(..) | Event::MappingStart(..)
        );
        if let (true, Some(at)) = (starts, at) {
            order.push(position(at));
        }
        let (value, anchor, size) = match event {
            Event::StreamStart | Event::DocumentStart(_) | Event::Nothing => continue,
            Event::DocumentEnd | Event::StreamEnd => break,
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(yaml_error(span, "nested more than 128 levels deep")
                        .advice("flatten the document"));
                }
                stack.push(match event {
                    Event::SequenceStart(..) => Frame::Seq(Vec::new(), anchor),
                    _ => Frame::Map(Map::new(), None, anchor),
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Frame::Seq(items, anchor)) => (Value::Array(items), anchor, 1),
                Some(Frame::Map(map, _, anchor)) => (Value::Object(map), anchor, 1),
                None => break,
            },
            Event::Scalar(text, style, anchor, tag) => {
                let tag = tag.map(|tag| tag.suffix.clone());
                (scalar(&text, style, tag.as_deref()), anchor, 1)
            }
            Event::Alias(id) => {
                let Some((value, size)) = anchors.get(&id) else {
                    return Err(yaml_error(span, "an alias to no anchor"));
                };
                budget = budget.checked_sub(*size).ok_or_else(|| {
                    yaml_error(span, "the aliases expand to too many nodes")
                        .advice("write the repeated parts out, or use $ref")
                })?;
                if let Some(at) = at {
                    order.extend(std::iter::repeat_n(position(at), *size));
                }
                (value.clone(), 0, 0)
            }
        };
        if anchor != 0 {
            let size = size + nodes(&value);
            anchors.insert(anchor, (value.clone(), size));
        }
        match stack.last_mut() {
            None => return Ok((value, order)),
            Some(Frame::Seq(items, _)) => items.push(value),
            Some(Frame::Map(map, key, _)) => match key.take() {
                None => {
                    let Value::String(name) = value else {
                        return Err(yaml_error(span, "a mapping key that is not a string")
                            .advice("quote the key"));
                    };
                    *key = Some((name, span));
                }
                Some((name, at)) => {
                    if map.contains_key(&name) {
                        return Err(Error::new(
                            Code::DuplicateKey,
                            format!("key {name:?} is given twice in one mapping"),
                        )
                        .at(place(at))
                        .advice("keep one"));
                    }
                    map.insert(name, value);
                }
            },
        }
    }
    order.push((1, 0));
    Ok((Value::Null, order))
}

fn position(span: Span) -> (u32, u32) {
    let line = u32::try_from(span.start.line()).unwrap_or(u32::MAX);
    (line, u32::try_from(span.start.col()).unwrap_or(u32::MAX))
}

/// The nodes under a value, itself excluded: what an alias to it copies.
fn nodes(value: &Value) -> usize {
    // Iterative: an anchor may hold a deep value.
    let mut count = 0;
    let mut todo = vec![value];
    while let Some(value) = todo.pop() {
        match value {
            Value::Array(items) => todo.extend(items),
            Value::Object(map) => todo.extend(map.values()),
            _ => {}
        }
        count += 1;
    }
    count - 1
}

/// A scalar as YAML 1.2's core schema reads it: plain `null`, `true`, numbers; every
/// quoted or block scalar is a string.
fn scalar(text: &str, style: ScalarStyle, tag: Option<&str>) -> Value {
    if style != ScalarStyle::Plain || tag == Some("str") {
        return Value::String(text.to_owned());
    }
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    number(text).map_or_else(|| Value::String(text.to_owned()), Value::Number)
}

/// A plain scalar that is a number in the core schema.
fn number(text: &str) -> Option<Number> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if let Some(octal) = digits.strip_prefix("0o") {
        return i64::from_str_radix(octal, 8).ok().map(Number::from);
    }
    if let Some(hex) = digits.strip_prefix("0x") {
        return i64::from_str_radix(hex, 16).ok().map(Number::from);
    }
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        let signed = text.strip_prefix('+').unwrap_or(text);
        return signed
            .parse::<i64>()
            .ok()
            .map(Number::from)
            .or_else(|| signed.parse::<f64>().ok().and_then(Number::from_f64));
    }
    let float = digits.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && digits.bytes().any(|b| b.is_ascii_digit())
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'));
    float
        .then(|| text.parse::<f64>().ok())
        .flatten()
        .and_then(Number::from_f64)
}

/// The place a span of the parser starts at; its bytes are found later.
fn place(span: Span) -> Place {
    Place::at(span.start.line(), span.start.col() + 1)
}

fn yaml_error(span: Span, what: &str) -> Error {
    Error::new(Code::InvalidYaml, format!("invalid YAML: {what}")).at(place(span))
}

fn scan_error(err: &ScanError) -> Error {
    let marker = err.marker();
    Error::new(Code::InvalidYaml, format!("invalid YAML: {}", err.info()))
        .at(Place::at(marker.line(), marker.col() + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn scalars_follow_the_core_schema() {
        let (value, _) = read(
            "a: 1\nb: -2.5\nc: true\nd: ~\ne: '1'\nf: hello world\ng: 0x1F\nh: 1e3\ni: |\n  two\n  lines\n",
        )
        .unwrap();
        assert_eq!(
            value,
            json!({"a": 1, "b": -2.5, "c": true, "d": null, "e": "1", "f": "hello world",
                   "g": 31, "h": 1000.0, "i": "two\nlines\n"})
        );
    }

    #[test]
    fn aliases_copy_their_anchor_within_a_budget() {
        let (value, order) = read("a: &x {k: [1, 2]}\nb: *x\n").unwrap();
        assert_eq!(value, json!({"a": {"k": [1, 2]}, "b": {"k": [1, 2]}}));
        // The root, a, its k and two items; b and the four nodes it copies.
        assert_eq!(
            order,
            [
                (1, 0),
                (1, 0),
                (1, 7),
                (1, 11),
                (1, 14),
                (2, 0),
                (2, 0),
                (2, 0),
                (2, 0)
            ]
        );
        // Each level doubles the one before: 2^40 nodes if expanded.
        let mut laughs = String::from("l0: &l0 [x, x]\n");
        for level in 1..40 {
            let previous = level - 1;
            laughs.push_str(&format!(
                "l{level}: &l{level} [*l{previous}, *l{previous}]\n"
            ));
        }
        let error = read(&laughs).unwrap_err();
        assert_eq!(error.code(), Code::InvalidYaml);
        assert!(error.to_string().contains("too many nodes"), "{error}");
    }

    #[test]
    fn depth_is_bounded() {
        let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
        let error = read(&deep).unwrap_err();
        assert!(error.to_string().contains("128 levels"), "{error}");
        let block: String = (0..300).map(|i| format!("{}k:\n", " ".repeat(i))).collect();
        assert_eq!(read(&block).unwrap_err().code(), Code::InvalidYaml);
    }

    #[test]
    fn errors_are_placed() {
        let error = read("a: 1\nb: [1, 2\n").unwrap_err();
        let place = error.diagnostic().place.unwrap();
        assert_eq!(error.code(), Code::InvalidYaml);
        assert!(place.line >= 2, "{error}");
        let error = read("a: 1\na: 2\n").unwrap_err();
        assert_eq!(error.code(), Code::DuplicateKey);
        assert_eq!(error.diagnostic().place.unwrap().line, 2);
    }
}
