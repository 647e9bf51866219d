//! The text of an OpenAPI document: JSON or YAML read into one JSON value, and where
//! a JSON Pointer's node is written, found for every problem at once in one walk (a
//! walk per problem would be quadratic) that skips every subtree no pointer enters:
//! over the JSON text, or over the value with the places the YAML parser gave.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::yaml;
use crate::diagnostic::{Code, Place};
use crate::error::Error;
use crate::lines::Lines;

/// How the document is written, and what its parser told of places.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Format {
    Json,
    Yaml(yaml::Order),
}

/// Reads the text: JSON when it opens with `{`, else YAML.
pub(super) fn read(text: &str) -> Result<(Value, Format), Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(
            Error::new(Code::EmptyInput, "the OpenAPI document is empty")
                .at(Place::at(1, 1))
                .advice("give an OpenAPI 3.0 or 3.1 document in JSON or YAML"),
        );
    }
    if text.trim_start().starts_with('{') {
        let value = serde_json::from_str(text).map_err(|err| crate::spec::json_error(&err))?;
        Ok((value, Format::Json))
    } else {
        let (value, order) = yaml::read(text)?;
        Ok((value, Format::Yaml(order)))
    }
}

/// Where each of `wanted` (JSON Pointers) is written: a member at its key, an item
/// at its value. A pointer the walk does not meet is left out.
pub(super) fn places(
    text: &str,
    root: &Value,
    format: &Format,
    wanted: &HashSet<String>,
) -> HashMap<String, Place> {
    if wanted.is_empty() {
        return HashMap::new();
    }
    // Every pointer the walk must enter: the wanted ones and their parents.
    let mut entered: HashSet<&str> = HashSet::new();
    for pointer in wanted {
        entered.insert(pointer);
        entered.extend(pointer.match_indices('/').map(|(at, _)| &pointer[..at]));
    }
    let lines = Lines::new(text);
    let mut found = HashMap::new();
    match format {
        Format::Json => {
            for (pointer, offset) in json_offsets(text, wanted, &entered) {
                found.insert(pointer, lines.place(offset));
            }
        }
        Format::Yaml(order) => {
            let mut walk = ValueWalk {
                order,
                wanted,
                entered: &entered,
                next: 0,
                pointer: String::new(),
                found: Vec::new(),
            };
            walk.node(root);
            for (pointer, (line, column)) in walk.found {
                let line = usize::try_from(line).unwrap_or(usize::MAX);
                let column = usize::try_from(column).unwrap_or(usize::MAX);
                let mut place = Place::at(line, column.saturating_add(1));
                lines.resolve(&mut place);
                found.insert(pointer, place);
            }
        }
    }
    found
}

/// A walk over a value read from YAML, in document order, beside the place of each
/// node.
struct ValueWalk<'a> {
    order: &'a [(u32, u32)],
    wanted: &'a HashSet<String>,
    entered: &'a HashSet<&'a str>,
    /// The index of the next node in document order.
    next: usize,
    pointer: String,
    found: Vec<(String, (u32, u32))>,
}

impl ValueWalk<'_> {
    fn node(&mut self, value: &Value) {
        let index = self.next;
        self.next += 1;
        if self.wanted.contains(&self.pointer)
            && let Some(place) = self.order.get(index)
        {
            self.found.push((self.pointer.clone(), *place));
        }
        let base = self.pointer.len();
        let child = |walk: &mut Self, segment: &str, value: &Value| {
            walk.pointer.push('/');
            walk.pointer.push_str(segment);
            if walk.entered.contains(walk.pointer.as_str()) {
                walk.node(value);
            } else {
                walk.next += nodes(value);
            }
            walk.pointer.truncate(base);
        };
        match value {
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    child(self, &index.to_string(), item);
                }
            }
            Value::Object(members) => {
                for (key, member) in members {
                    child(self, &escape(key), member);
                }
            }
            _ => {}
        }
    }
}

/// The nodes of a value, itself included.
fn nodes(value: &Value) -> usize {
    let mut count = 0;
    let mut todo = vec![value];
    while let Some(value) = todo.pop() {
        count += 1;
        match value {
            Value::Array(items) => todo.extend(items),
            Value::Object(members) => todo.extend(members.values()),
            _ => {}
        }
    }
    count
}

/// A JSON Pointer's escaping of one key (RFC 6901).
pub(super) fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// The containers open around the walk's position, each with the length of the
/// pointer before it and the index of its next item (arrays) or whether a key is
/// awaited (objects).
enum Open {
    Array { base: usize, next: usize },
    Object { base: usize, key: bool },
}

/// The offset of each wanted pointer in a valid JSON text; a container no pointer
/// enters is skipped as bytes.
fn json_offsets(
    text: &str,
    wanted: &HashSet<String>,
    entered: &HashSet<&str>,
) -> Vec<(String, usize)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut pointer = String::new();
    let mut open: Vec<Open> = Vec::new();
    // Where the current member's key starts: a member is placed there.
    let mut member_at = None;
    let mut at = if text.starts_with('\u{feff}') { 3 } else { 0 };
    while at < bytes.len() {
        let byte = bytes[at];
        match byte {
            b' ' | b'\t' | b'\r' | b'\n' | b':' => {
                at += 1;
                continue;
            }
            b',' => {
                if let Some(Open::Object { key, .. }) = open.last_mut() {
                    *key = true;
                }
                at += 1;
                continue;
            }
            b'}' | b']' => {
                if let Some(Open::Array { base, .. } | Open::Object { base, .. }) = open.pop() {
                    pointer.truncate(base);
                }
                after_value(&mut open, &mut pointer);
                at += 1;
                continue;
            }
            _ => {}
        }
        if let Some(Open::Object { base, key }) = open.last_mut()
            && *key
        {
            let end = string_end(bytes, at);
            let raw = &text[at..end];
            let name = if raw.contains('\\') {
                serde_json::from_str::<String>(raw).unwrap_or_default()
            } else {
                raw[1..raw.len() - 1].to_owned()
            };
            pointer.truncate(*base);
            pointer.push('/');
            pointer.push_str(&escape(&name));
            *key = false;
            member_at = Some(at);
            at = end;
            continue;
        }
        if let Some(Open::Array { base, next }) = open.last() {
            pointer.truncate(*base);
            pointer.push('/');
            pointer.push_str(&next.to_string());
        }
        if wanted.contains(&pointer) {
            found.push((pointer.clone(), member_at.unwrap_or(at)));
        }
        member_at = None;
        if matches!(byte, b'{' | b'[') && !entered.contains(pointer.as_str()) {
            at = container_end(bytes, at);
            after_value(&mut open, &mut pointer);
            continue;
        }
        match byte {
            b'{' => {
                open.push(Open::Object {
                    base: pointer.len(),
                    key: true,
                });
                at += 1;
            }
            b'[' => {
                open.push(Open::Array {
                    base: pointer.len(),
                    next: 0,
                });
                at += 1;
            }
            b'"' => {
                at = string_end(bytes, at);
                after_value(&mut open, &mut pointer);
            }
            _ => {
                while at < bytes.len() && !b",}] \t\r\n".contains(&bytes[at]) {
                    at += 1;
                }
                after_value(&mut open, &mut pointer);
            }
        }
    }
    found
}

/// Past a value: the array's next item, or the object's next key.
fn after_value(open: &mut [Open], pointer: &mut String) {
    match open.last_mut() {
        Some(Open::Array { base, next }) => {
            *next += 1;
            pointer.truncate(*base);
        }
        Some(Open::Object { base, .. }) => pointer.truncate(*base),
        None => {}
    }
}

/// The offset past the object or array that opens at `at`.
pub(super) fn container_end(bytes: &[u8], at: usize) -> usize {
    let mut depth = 0usize;
    let mut end = at;
    while end < bytes.len() {
        match bytes[end] {
            b'"' => {
                end = string_end(bytes, end);
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return end + 1;
                }
            }
            _ => {}
        }
        end += 1;
    }
    bytes.len()
}

/// The offset past the string that opens at `at`.
pub(super) fn string_end(bytes: &[u8], at: usize) -> usize {
    let mut end = at + 1;
    while end < bytes.len() {
        match bytes[end] {
            b'\\' => end += 2,
            b'"' => return end + 1,
            _ => end += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place_of(text: &str, pointer: &str) -> Option<(usize, usize)> {
        let (root, format) = read(text).unwrap();
        let wanted = HashSet::from([pointer.to_owned()]);
        places(text, &root, &format, &wanted)
            .get(pointer)
            .map(|place| (place.line, place.column))
    }

    #[test]
    fn json_pointers_are_placed_at_their_key() {
        let text = "{\"a\": {\"b/c\": [1, {\"d\": \"x\\\"y\"}, [2]]},\n \"e\": null}";
        assert_eq!(place_of(text, ""), Some((1, 1)));
        assert_eq!(place_of(text, "/a/b~1c"), Some((1, 8)));
        assert_eq!(place_of(text, "/a/b~1c/1/d"), Some((1, 20)));
        assert_eq!(place_of(text, "/a/b~1c/2/0"), Some((1, 35)));
        assert_eq!(place_of(text, "/e"), Some((2, 2)));
        assert_eq!(place_of(text, "/f"), None);
        let bom = "\u{feff}{\"a\": 1}";
        assert_eq!(place_of(bom, "/a").map(|(line, _)| line), Some(1));
    }

    #[test]
    fn yaml_pointers_are_placed_at_their_key() {
        let text = "a:\n  b/c:\n    - 1\n    - d: x\n  e: [1, 2]\nf: null\ng: &x {h: [1]}\ni: *x\n";
        assert_eq!(place_of(text, "/a/b~1c"), Some((2, 3)));
        assert_eq!(place_of(text, "/a/b~1c/1/d"), Some((4, 7)));
        assert_eq!(place_of(text, "/a/e/1"), Some((5, 10)));
        assert_eq!(place_of(text, "/f"), Some((6, 1)));
        assert_eq!(place_of(text, "/g/h/0"), Some((7, 12)));
        // What an alias copies is placed at the alias's key.
        assert_eq!(place_of(text, "/i/h/0"), Some((8, 1)));
    }
}
