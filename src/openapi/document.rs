//! The text of an OpenAPI document: JSON or YAML read into one JSON value, and where
//! a JSON Pointer's node is written, found for every problem at once in one walk
//! over the text (the value has no places; a walk per problem would be quadratic).

use std::collections::{HashMap, HashSet};

use saphyr_parser::{Event, Parser};
use serde_json::Value;

use super::yaml;
use crate::diagnostic::{Code, Place};
use crate::error::Error;
use crate::lines::Lines;

/// How the document is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Format {
    Json,
    Yaml,
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
        Ok((yaml::read(text)?, Format::Yaml))
    }
}

/// Where each of `wanted` (JSON Pointers) is written: a member at its key, an item
/// at its value. A pointer the walk does not meet is left out.
pub(super) fn places(
    text: &str,
    format: Format,
    wanted: &HashSet<String>,
) -> HashMap<String, Place> {
    if wanted.is_empty() {
        return HashMap::new();
    }
    let lines = Lines::new(text);
    let mut found = HashMap::new();
    match format {
        Format::Json => {
            for (pointer, offset) in json_offsets(text, wanted) {
                found.insert(pointer, lines.place(offset));
            }
        }
        Format::Yaml => {
            for (pointer, mut place) in yaml_places(text, wanted) {
                lines.resolve(&mut place);
                found.insert(pointer, place);
            }
        }
    }
    found
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

/// The offset of each wanted pointer in a valid JSON text.
fn json_offsets(text: &str, wanted: &HashSet<String>) -> Vec<(String, usize)> {
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

/// The offset past the string that opens at `at`.
fn string_end(bytes: &[u8], at: usize) -> usize {
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

/// The place of each wanted pointer in a YAML text that [`yaml::read`] read.
fn yaml_places(text: &str, wanted: &HashSet<String>) -> Vec<(String, Place)> {
    // Per open container: the pointer's length before it, and its next index (a
    // sequence) or whether a key is awaited (a mapping: `None`).
    let mut open: Vec<(usize, Option<usize>, bool)> = Vec::new();
    let mut pointer = String::new();
    let mut member_at = None;
    let mut found = Vec::new();
    for next in Parser::new_from_str(text) {
        let Ok((event, span)) = next else { break };
        let starts = match &event {
            Event::Scalar(..) | Event::Alias(_) => true,
            Event::SequenceStart(..) | Event::MappingStart(..) => true,
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((base, _, _)) = open.pop() {
                    pointer.truncate(base);
                }
                yaml_after_value(&mut open, &mut pointer);
                continue;
            }
            Event::DocumentEnd => break,
            _ => continue,
        };
        debug_assert!(starts);
        if let Some((base, None, key)) = open.last_mut()
            && *key
        {
            let name = match &event {
                Event::Scalar(name, ..) => name.to_string(),
                _ => break,
            };
            pointer.truncate(*base);
            pointer.push('/');
            pointer.push_str(&escape(&name));
            *key = false;
            member_at = Some(yaml::place(span));
            continue;
        }
        if let Some((base, Some(next), _)) = open.last() {
            pointer.truncate(*base);
            pointer.push('/');
            pointer.push_str(&next.to_string());
        }
        if wanted.contains(&pointer) {
            found.push((pointer.clone(), member_at.unwrap_or(yaml::place(span))));
        }
        member_at = None;
        match event {
            Event::SequenceStart(..) => open.push((pointer.len(), Some(0), false)),
            Event::MappingStart(..) => open.push((pointer.len(), None, true)),
            _ => yaml_after_value(&mut open, &mut pointer),
        }
    }
    found
}

fn yaml_after_value(open: &mut [(usize, Option<usize>, bool)], pointer: &mut String) {
    match open.last_mut() {
        Some((base, Some(next), _)) => {
            *next += 1;
            pointer.truncate(*base);
        }
        Some((base, None, key)) => {
            *key = true;
            pointer.truncate(*base);
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place_of(text: &str, format: Format, pointer: &str) -> Option<(usize, usize)> {
        let wanted = HashSet::from([pointer.to_owned()]);
        places(text, format, &wanted)
            .get(pointer)
            .map(|place| (place.line, place.column))
    }

    #[test]
    fn json_pointers_are_placed_at_their_key() {
        let text = "{\"a\": {\"b/c\": [1, {\"d\": \"x\\\"y\"}, [2]]},\n \"e\": null}";
        assert_eq!(place_of(text, Format::Json, ""), Some((1, 1)));
        assert_eq!(place_of(text, Format::Json, "/a/b~1c"), Some((1, 8)));
        assert_eq!(place_of(text, Format::Json, "/a/b~1c/1/d"), Some((1, 20)));
        assert_eq!(place_of(text, Format::Json, "/a/b~1c/2/0"), Some((1, 35)));
        assert_eq!(place_of(text, Format::Json, "/e"), Some((2, 2)));
        assert_eq!(place_of(text, Format::Json, "/f"), None);
        let bom = "\u{feff}{\"a\": 1}";
        assert_eq!(
            place_of(bom, Format::Json, "/a").map(|(line, _)| line),
            Some(1)
        );
    }

    #[test]
    fn yaml_pointers_are_placed_at_their_key() {
        let text = "a:\n  b/c:\n    - 1\n    - d: x\n  e: [1, 2]\nf: null\n";
        assert_eq!(place_of(text, Format::Yaml, "/a/b~1c"), Some((2, 3)));
        assert_eq!(place_of(text, Format::Yaml, "/a/b~1c/1/d"), Some((4, 7)));
        assert_eq!(place_of(text, Format::Yaml, "/a/e/1"), Some((5, 10)));
        assert_eq!(place_of(text, Format::Yaml, "/f"), Some((6, 1)));
    }
}
