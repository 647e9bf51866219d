//! JSON and YAML text for what the samples add to a document: the overlay, and the
//! `x-codeSamples` value spliced into a spec at a given indentation.

use serde::Serialize;
use serde_json::Value;
use serde_json::ser::{PrettyFormatter, Serializer};

/// `value` as pretty JSON indented by `unit`, every line after the first starting
/// with `base` (the indentation of the member it is the value of).
pub(super) fn json(value: &Value, unit: &str, base: &str) -> String {
    let mut out = Vec::new();
    let mut serializer =
        Serializer::with_formatter(&mut out, PrettyFormatter::with_indent(unit.as_bytes()));
    // A Value always serializes.
    let _ = value.serialize(&mut serializer);
    let text = String::from_utf8(out).unwrap_or_default();
    if base.is_empty() {
        text
    } else {
        text.replace('\n', &format!("\n{base}"))
    }
}

/// `value` as YAML block lines, each starting with `indent` spaces: an object's
/// members, an array's items (`- `), or a scalar alone on its line.
pub(super) fn yaml(value: &Value, indent: usize, out: &mut String) {
    match value {
        Value::Object(object) if !object.is_empty() => {
            for (key, member) in object {
                pad(out, indent);
                scalar_string(key, out);
                out.push(':');
                after_key(member, indent, out);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for item in items {
                pad(out, indent);
                out.push_str("- ");
                match item {
                    Value::Object(object) if !object.is_empty() => {
                        // The first member on the dash's line, the rest under it.
                        let mut first = true;
                        for (key, member) in object {
                            if !first {
                                pad(out, indent + 2);
                            }
                            first = false;
                            scalar_string(key, out);
                            out.push(':');
                            after_key(member, indent + 2, out);
                        }
                    }
                    Value::Array(inner) if !inner.is_empty() => {
                        out.push('\n');
                        yaml(item, indent + 2, out);
                    }
                    _ => {
                        inline(item, indent + 2, out);
                        out.push('\n');
                    }
                }
            }
        }
        _ => {
            pad(out, indent);
            inline(value, indent, out);
            out.push('\n');
        }
    }
}

/// What follows `key:` for a member at `indent`.
fn after_key(value: &Value, indent: usize, out: &mut String) {
    match value {
        Value::Object(object) if !object.is_empty() => {
            out.push('\n');
            yaml(value, indent + 2, out);
        }
        Value::Array(items) if !items.is_empty() => {
            out.push('\n');
            yaml(value, indent + 2, out);
        }
        _ => {
            out.push(' ');
            inline(value, indent, out);
            out.push('\n');
        }
    }
}

/// A scalar or an empty container on the current line; a multi-line string as a
/// literal block whose lines are indented under `indent`.
fn inline(value: &Value, indent: usize, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        Value::Number(number) => out.push_str(&number.to_string()),
        Value::String(text) if text.contains('\n') && literal_safe(text) => {
            literal(text, indent + 2, out);
        }
        Value::String(text) => scalar_string(text, out),
        Value::Array(_) => out.push_str("[]"),
        Value::Object(_) => out.push_str("{}"),
    }
}

fn pad(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

/// A literal block (`|`) holds the text as it is when every character is one YAML
/// prints, no line ends in a carriage return, and the first line does not start
/// with a space (its indentation would be misread) nor any line is only spaces.
fn literal_safe(text: &str) -> bool {
    !text.starts_with(' ')
        && text.chars().all(|c| c == '\n' || c == '\t' || printable(c))
        && text
            .split('\n')
            .all(|line| line.is_empty() || !line.trim_start_matches(' ').is_empty())
}

/// `|`, `|-` or `|+` as the text ends in one, no or several line breaks, then its
/// lines at `indent` (empty lines left empty).
fn literal(text: &str, indent: usize, out: &mut String) {
    let body = text.trim_end_matches('\n');
    let breaks = text.len() - body.len();
    out.push_str(match breaks {
        0 => "|-",
        1 => "|",
        _ => "|+",
    });
    for line in body.split('\n') {
        out.push('\n');
        if !line.is_empty() {
            pad(out, indent);
            out.push_str(line);
        }
    }
    for _ in 1..breaks {
        out.push('\n');
    }
}

/// A string plain when YAML reads it back as the same string, else double-quoted.
fn scalar_string(text: &str, out: &mut String) {
    if plain_safe(text) {
        out.push_str(text);
    } else {
        quoted(text, out);
    }
}

fn plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let reserved = [
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~",
    ];
    !"-?:,[]{}#&*!|>'\"%@` \t".contains(first)
        && !text.ends_with([' ', '\t', ':'])
        && !text.contains(": ")
        && !text.contains(" #")
        && text.chars().all(|c| c != '\t' && printable(c))
        && !reserved.contains(&text.to_ascii_lowercase().as_str())
        && !first.is_ascii_digit()
        && !text.starts_with(['.', '+'])
}

/// Characters YAML writes as they are (its c-printable, less the line breaks).
fn printable(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
        && c != '\u{feff}'
}

/// A double-quoted string, every character YAML cannot print escaped.
fn quoted(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if printable(c) => out.push(c),
            c if u32::from(c) <= 0xffff => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push_str(&format!("\\U{:08x}", u32::from(c))),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::yaml;

    fn round_trip(value: &serde_json::Value) -> String {
        let mut out = String::new();
        super::yaml(value, 0, &mut out);
        let (back, _) = yaml::read(&out).unwrap_or_else(|err| panic!("{out}\n{err}"));
        assert_eq!(&back, value, "{out}");
        out
    }

    #[test]
    fn yaml_reads_back_what_was_written() {
        let text = round_trip(&json!({
            "overlay": "1.0.0",
            "actions": [{
                "target": "$.paths['/generate'].post",
                "update": {"x-codeSamples": [
                    {"lang": "Shell", "label": "curl", "source": "curl 'x' \\\n    -d '{}'\n"},
                    {"lang": "Python", "label": "Python (requests)", "source": "a\n\n\tb"},
                ]},
            }, {"target": "$.x", "remove": true}],
            "odd": ["yes", "1.5", " lead", "a: b", "#x", "", "\u{7f}\u{85}", "é", "x\r\ny\n\n", null, 3, []],
            "": {},
        }));
        assert!(text.contains("source: |\n"), "{text}");
        assert!(
            text.contains("  - target: $.paths['/generate'].post\n"),
            "{text}"
        );
    }
}
