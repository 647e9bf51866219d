//! The spec's `base64_files`: JSON Pointers into `json`, each the place of a string
//! the snippet fills, when it runs, with a file's bytes in base64.
//!
//! ```json
//! {"json": {"inputs": {"question": "How many cats?"}},
//!  "base64_files": {"/inputs/image": "cat.png"}}
//! ```
//! A pointer names a member of an object in `json`, missing (added at the object's
//! end, in the order of `base64_files`) or `null`, or an element of an array that
//! holds `null`. Its parents must be there already.

use serde_json::{Map, Value};

use crate::diagnostic::Code;
use crate::model::{JsonTemplate, Slot};
use crate::text::{Segment, Text};

/// What is wrong with one entry of `base64_files`.
pub(super) struct Problem {
    pub code: Code,
    pub message: String,
}

fn pointer_problem(pointer: &str, why: impl std::fmt::Display) -> Problem {
    Problem {
        code: Code::InvalidPointer,
        message: format!("\"base64_files\" pointer {pointer:?} {why}"),
    }
}

/// `json` with a `null` at each place of `files` (pointer → path), and the slots
/// the files fill, in document order. On a problem, the pointer it is about.
pub(super) fn template(
    json: &Value,
    files: &Map<String, Value>,
) -> Result<JsonTemplate, (String, Problem)> {
    let mut value = json.clone();
    for (pointer, path) in files {
        let fail = |problem| (pointer.clone(), problem);
        let Value::String(path) = path else {
            return Err(fail(Problem {
                code: Code::WrongType,
                message: format!("\"base64_files\" maps {pointer:?} to a path string"),
            }));
        };
        if path.is_empty() || path.chars().any(char::is_control) {
            return Err(fail(Problem {
                code: Code::InvalidFilePath,
                message: format!("file path {path:?} is empty or holds a control character"),
            }));
        }
        place(&mut value, pointer).map_err(|why| fail(pointer_problem(pointer, why)))?;
    }
    let mut slots = Vec::with_capacity(files.len());
    collect(&value, &mut String::new(), files, &mut slots);
    Ok(JsonTemplate { value, slots })
}

/// Puts `null` at `pointer` of `value`; why not, when it cannot.
fn place(value: &mut Value, pointer: &str) -> Result<(), String> {
    let Some(rest) = pointer.strip_prefix('/') else {
        return Err(if pointer.is_empty() {
            "names the whole body; name a place inside it, such as \"/inputs/image\"".into()
        } else {
            "must start with \"/\"".into()
        });
    };
    let steps: Vec<String> = rest.split('/').map(unescape).collect::<Result<_, _>>()?;
    let (last, parents) = steps.split_last().unwrap_or((&steps[0], &[]));
    let mut parent = value;
    let mut at = String::new();
    for step in parents {
        at.push('/');
        at.push_str(&escape(step));
        parent = match parent {
            Value::Object(map) => map.get_mut(step.as_str()),
            Value::Array(items) => index(step).and_then(|index| items.get_mut(index)),
            _ => None,
        }
        .ok_or_else(|| format!("goes through {at:?}, which \"json\" does not have"))?;
    }
    let shown = if at.is_empty() { "the body" } else { &at };
    match parent {
        Value::Object(map) => match map.get(last.as_str()) {
            None | Some(Value::Null) => {
                map.insert(last.clone(), Value::Null);
                Ok(())
            }
            Some(_) => Err("names a value \"json\" already holds; leave it out, or null".into()),
        },
        Value::Array(items) => match index(last).and_then(|index| items.get_mut(index)) {
            Some(Value::Null) => Ok(()),
            Some(_) => Err("names an element that is not null; write null there".into()),
            None => Err(format!(
                "names no element of the array at {shown:?}; write null where the file goes"
            )),
        },
        _ => Err(format!(
            "goes into {shown:?}, which is not an object or array"
        )),
    }
}

/// A pointer's step, `~1` and `~0` read as `/` and `~`.
fn unescape(step: &str) -> Result<String, String> {
    let mut out = String::with_capacity(step.len());
    let mut chars = step.chars();
    while let Some(c) = chars.next() {
        match (c, c == '~') {
            (_, false) => out.push(c),
            _ => match chars.next() {
                Some('0') => out.push('~'),
                Some('1') => out.push('/'),
                _ => return Err("has a \"~\" that is not \"~0\" or \"~1\"".into()),
            },
        }
    }
    Ok(out)
}

fn escape(step: &str) -> String {
    step.replace('~', "~0").replace('/', "~1")
}

/// An array index as RFC 6901 writes one: digits, no leading zero.
fn index(step: &str) -> Option<usize> {
    let digits = !step.is_empty() && step.bytes().all(|b| b.is_ascii_digit());
    (digits && (step == "0" || !step.starts_with('0')))
        .then(|| step.parse().ok())
        .flatten()
}

/// The slots of `files` found walking `value`, in document order.
fn collect(value: &Value, pointer: &mut String, files: &Map<String, Value>, slots: &mut Vec<Slot>) {
    if let Some(Value::String(path)) = files.get(pointer.as_str()) {
        let mut text = Text::new();
        text.push(Segment::FileBase64(path.clone()));
        slots.push(Slot {
            pointer: pointer.clone(),
            text,
            number: false,
        });
        return;
    }
    let mut below = |step: &str, item: &Value, pointer: &mut String| {
        let length = pointer.len();
        pointer.push('/');
        pointer.push_str(&escape(step));
        collect(item, pointer, files, slots);
        pointer.truncate(length);
    };
    match value {
        Value::Object(map) => map.iter().for_each(|(key, item)| below(key, item, pointer)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(index, item)| below(&index.to_string(), item, pointer)),
        _ => {}
    }
}

/// The spec's `json` and `base64_files` of a template whose every slot is a file's
/// base64; `None` for any other template. A `null` that ends its object is left
/// out, since reading `base64_files` adds it back there.
pub(super) fn spec(template: &JsonTemplate) -> Option<(Value, Map<String, Value>)> {
    let mut files = Map::new();
    for slot in &template.slots {
        let ([Segment::FileBase64(path)], false) = (slot.text.segments(), slot.number) else {
            return None;
        };
        files.insert(slot.pointer.clone(), path.as_str().into());
    }
    let mut value = template.value.clone();
    // Last first: removing one may leave another at its object's end.
    for slot in template.slots.iter().rev() {
        let Some((parent, last)) = slot.pointer.rsplit_once('/') else {
            continue;
        };
        let Ok(last) = unescape(last) else { continue };
        if let Some(Value::Object(map)) = value.pointer_mut(parent)
            && map.keys().next_back() == Some(&last)
        {
            map.shift_remove(&last);
        }
    }
    Some((value, files))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::{Code, Payload, Segment, parse_spec};

    fn spec(json: &str, files: &str) -> String {
        format!("{{\"url\": \"https://x.cloud\",\n \"json\": {json},\n \"base64_files\": {files}}}")
    }

    #[test]
    fn files_fill_members_and_null_elements_in_document_order() {
        let text = spec(
            r#"{"b": [null, 1, null], "a": {"q": "?"}}"#,
            r#"{"/a/image": "cat.png", "/b/2": "two.bin", "/b/0": "zero.bin"}"#,
        );
        let request = parse_spec(&text, "spec.json").unwrap();
        let Payload::JsonTemplate(template) = &request.payload else {
            panic!("{:?}", request.payload);
        };
        assert_eq!(
            template.value,
            json!({"b": [null, 1, null], "a": {"q": "?", "image": null}})
        );
        let slots: Vec<(&str, &[Segment])> = template
            .slots
            .iter()
            .map(|slot| (slot.pointer.as_str(), slot.text.segments()))
            .collect();
        assert_eq!(
            slots,
            [
                ("/b/0", &[Segment::FileBase64("zero.bin".into())][..]),
                ("/b/2", &[Segment::FileBase64("two.bin".into())][..]),
                ("/a/image", &[Segment::FileBase64("cat.png".into())][..]),
            ]
        );
    }

    #[test]
    fn bad_entries_are_placed_at_their_pointer() {
        let cases = [
            (
                r#"{}"#,
                r#"{"/a/b": "x.png"}"#,
                Code::InvalidPointer,
                "3:19",
                "goes through \"/a\"",
            ),
            (
                r#"{"a": 1}"#,
                r#"{"/a": "x.png"}"#,
                Code::InvalidPointer,
                "3:19",
                "already holds",
            ),
            (
                r#"{"a": 1}"#,
                r#"{"/a/0": "x.png"}"#,
                Code::InvalidPointer,
                "3:19",
                "not an object or array",
            ),
            (
                r#"[1]"#,
                r#"{"/0": "x.png"}"#,
                Code::InvalidPointer,
                "3:19",
                "not null",
            ),
            (
                r#"[null]"#,
                r#"{"/1": "x.png"}"#,
                Code::InvalidPointer,
                "3:19",
                "no element",
            ),
            (
                r#"[null]"#,
                r#"{"/00": "x.png"}"#,
                Code::InvalidPointer,
                "3:19",
                "no element",
            ),
            (
                r#"[null]"#,
                r#"{"/-": "x.png"}"#,
                Code::InvalidPointer,
                "3:19",
                "no element",
            ),
            (
                r#"{}"#,
                r#"{"": "x.png"}"#,
                Code::InvalidPointer,
                "3:19",
                "whole body",
            ),
            (
                r#"{}"#,
                r#"{"a": "x.png"}"#,
                Code::InvalidPointer,
                "3:19",
                "start with \"/\"",
            ),
            (
                r#"{}"#,
                r#"{"/~2": "x.png"}"#,
                Code::InvalidPointer,
                "3:19",
                "\"~0\" or \"~1\"",
            ),
            (
                r#"{}"#,
                r#"{"/a": 1}"#,
                Code::WrongType,
                "3:19",
                "a path string",
            ),
            (
                r#"{}"#,
                r#"{"/a": ""}"#,
                Code::InvalidFilePath,
                "3:19",
                "empty",
            ),
            (
                r#"{}"#,
                r#"["/a"]"#,
                Code::WrongType,
                "3:2",
                "must be an object",
            ),
        ];
        for (json, files, code, at, words) in cases {
            let error = parse_spec(&spec(json, files), "spec.json").unwrap_err();
            assert_eq!(error.code(), code, "{files}: {error}");
            let text = error.to_string();
            assert!(text.starts_with(&format!("spec.json:{at}: ")), "{text}");
            assert!(text.contains(words), "{text}");
        }
        let error = parse_spec(
            r#"{"url": "https://x.cloud", "data": "x", "base64_files": {"/a": "x.png"}}"#,
            "spec.json",
        )
        .unwrap_err();
        assert_eq!(error.code(), Code::InvalidPointer);
    }

    #[test]
    fn pointers_unescape_their_steps() {
        let text = spec(
            r#"{"a/b": {}, "m~n": {}}"#,
            r#"{"/a~1b/x": "1.png", "/m~0n/y": "2.png"}"#,
        );
        let request = parse_spec(&text, "spec.json").unwrap();
        let Payload::JsonTemplate(template) = &request.payload else {
            panic!("{:?}", request.payload);
        };
        assert_eq!(
            template.value,
            json!({"a/b": {"x": null}, "m~n": {"y": null}})
        );
        assert!(template.slot("/a~1b/x").is_some() && template.slot("/m~0n/y").is_some());
    }
}
