//! A JSON body written as text around variables (`'{"model": "'"$MODEL"'"}'`) read
//! back as a JSON document with holes, so that snippets can build the document and
//! put each variable's value where it stands.

use serde_json::Value;

use crate::model::{JsonTemplate, Slot};
use crate::text::{Segment, Text};

/// Marks the place of a variable inside a JSON string; noncharacters, never in input
/// the template is built from (checked).
const OPEN: char = '\u{FDD0}';
const CLOSE: char = '\u{FDD1}';
/// Marks a variable written where a JSON value goes (`"max_tokens": $MAX`).
const BARE: char = '\u{FDD2}';

/// The JSON document of `body`, when it is one with each variable either inside a
/// string value or standing alone as a value; `None` when it is not JSON, a variable
/// stands in a key or next to other text outside a string, or the text holds a mark.
///
/// # Example
/// ```ignore
/// // {"model": "$MODEL", "n": $N}  ->  {"model": null, "n": null} with two slots
/// ```
pub(crate) fn json_template(body: &Text) -> Option<JsonTemplate> {
    // A form-encoded value is form data, whatever the Content-Type says.
    if body.vars().any(|var| var.form_encoded.is_some()) {
        return None;
    }
    let mut marked = String::new();
    // The variables and files read, by the number their mark holds.
    let mut reads: Vec<Segment> = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    for segment in body.segments() {
        match segment {
            Segment::Literal(text) | Segment::Placeholder(text) => {
                if text.contains([OPEN, CLOSE, BARE]) {
                    return None;
                }
                for c in text.chars() {
                    match c {
                        _ if escaped => escaped = false,
                        '\\' if in_string => escaped = true,
                        '"' => in_string = !in_string,
                        _ => {}
                    }
                }
                marked.push_str(text);
            }
            read @ (Segment::Var(_) | Segment::File(_) | Segment::FileBase64(_)) => {
                let index = reads.len();
                reads.push(read.clone());
                if in_string {
                    marked.push(OPEN);
                    marked.push_str(&index.to_string());
                    marked.push(CLOSE);
                } else {
                    // A string only the marks make, so that the JSON parses.
                    marked.push('"');
                    marked.push(BARE);
                    marked.push_str(&index.to_string());
                    marked.push('"');
                }
            }
        }
    }
    let mut value: Value = serde_json::from_str(&marked).ok()?;
    let mut slots = Vec::new();
    holes(&mut value, &mut String::new(), &reads, &mut slots)?;
    Some(JsonTemplate { value, slots })
}

/// Replaces each marked string of `value` by `null` and adds its slot; `None` when a
/// key holds a mark or a bare mark is not a whole value.
fn holes(
    value: &mut Value,
    pointer: &mut String,
    reads: &[Segment],
    slots: &mut Vec<Slot>,
) -> Option<()> {
    match value {
        Value::String(text) if text.starts_with(BARE) => {
            let read = reads.get(text[BARE.len_utf8()..].parse::<usize>().ok()?)?;
            let mut filled = Text::new();
            filled.push(read.clone());
            slots.push(Slot {
                pointer: pointer.clone(),
                text: filled,
                number: true,
            });
            *value = Value::Null;
        }
        Value::String(text) if text.contains(OPEN) => {
            let mut filled = Text::new();
            let mut rest = text.as_str();
            while let Some(start) = rest.find(OPEN) {
                filled.push_str(&rest[..start]);
                let after = &rest[start + OPEN.len_utf8()..];
                let end = after.find(CLOSE)?;
                filled.push(reads.get(after[..end].parse::<usize>().ok()?)?.clone());
                rest = &after[end + CLOSE.len_utf8()..];
            }
            filled.push_str(rest);
            slots.push(Slot {
                pointer: pointer.clone(),
                text: filled,
                number: false,
            });
            *value = Value::Null;
        }
        Value::String(text) if text.contains(BARE) => return None,
        Value::Array(items) => {
            for (index, item) in items.iter_mut().enumerate() {
                let length = pointer.len();
                pointer.push('/');
                pointer.push_str(&index.to_string());
                holes(item, pointer, reads, slots)?;
                pointer.truncate(length);
            }
        }
        Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                if key.contains([OPEN, CLOSE, BARE]) {
                    return None;
                }
                let length = pointer.len();
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
                holes(item, pointer, reads, slots)?;
                pointer.truncate(length);
            }
        }
        _ => {}
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::text::Var;

    fn body(parts: &[&str]) -> Text {
        let mut text = Text::new();
        for part in parts {
            match part.strip_prefix('$') {
                Some(name) => text.push(Segment::Var(Var::new(name))),
                None => text.push_str(part),
            }
        }
        text
    }

    #[test]
    fn variables_in_strings_and_as_values() {
        let template = json_template(&body(&[
            r#"{"model": ""#,
            "$MODEL",
            r#"", "n": "#,
            "$N",
            r#", "m": [{"content": "Hi "#,
            "$NAME",
            r#"!"}]}"#,
        ]))
        .expect("a template");
        assert_eq!(
            template.value,
            json!({"model": null, "n": null, "m": [{"content": null}]})
        );
        let slots: Vec<(&str, String, bool)> = template
            .slots
            .iter()
            .map(|slot| (slot.pointer.as_str(), slot.text.to_string(), slot.number))
            .collect();
        assert_eq!(
            slots,
            [
                ("/model", "${MODEL}".into(), false),
                ("/n", "${N}".into(), true),
                ("/m/0/content", "Hi ${NAME}!".into(), false),
            ]
        );
    }

    #[test]
    fn what_is_not_a_template() {
        // A variable in a key, next to text outside a string, or not JSON at all.
        assert!(json_template(&body(&["{\"", "$K", "\": 1}"])).is_none());
        assert!(json_template(&body(&["{\"n\": 1", "$N", "}"])).is_none());
        assert!(json_template(&body(&["name=", "$N"])).is_none());
        // An escaped quote does not end the string the variable is in.
        let template = json_template(&body(&[r#"{"a": "say \"hi\" "#, "$X", "\"}"])).unwrap();
        assert_eq!(template.slots[0].text.to_string(), "say \"hi\" ${X}");
    }
}
