//! Every string literal of every target language is written here, one module per
//! language. Templates never quote by hand.
//!
//! JSON values become literals of each language through one layout routine,
//! [`pretty`], so that a payload looks the same in every snippet.

pub(crate) mod js;
pub(crate) mod python;
pub(crate) mod rust;
pub(crate) mod shell;

use serde_json::Value;

/// How one language spells the scalars of a JSON value.
pub(crate) trait Literal {
    fn null(&self) -> &'static str;
    fn boolean(&self, value: bool) -> &'static str;
    fn string(&self, text: &str) -> String;
    /// An object key, followed by the language's separator (`": "` or `: `).
    fn key(&self, name: &str) -> String;
    /// The character after the last item of a multi-line collection (`,` or nothing).
    fn trailing_comma(&self) -> &'static str;
}

/// JSON itself, as the body text of curl and reqwest snippets.
pub(crate) struct Json;

impl Literal for Json {
    fn null(&self) -> &'static str {
        "null"
    }
    fn boolean(&self, value: bool) -> &'static str {
        if value { "true" } else { "false" }
    }
    /// serde_json's escaping, plus `\\uXXXX` for the hidden characters it leaves raw
    /// (DEL, bidi controls, line separators): the same JSON, visible in a page.
    fn string(&self, text: &str) -> String {
        let escaped = Value::from(text).to_string();
        if !escaped.chars().any(is_hidden) {
            return escaped;
        }
        let mut out = String::with_capacity(escaped.len() + 8);
        for c in escaped.chars() {
            if is_hidden(c) {
                for unit in c.encode_utf16(&mut [0; 2]) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            } else {
                out.push(c);
            }
        }
        out
    }
    fn key(&self, name: &str) -> String {
        format!("{}: ", self.string(name))
    }
    fn trailing_comma(&self) -> &'static str {
        ""
    }
}

/// Collections whose one-line form is at most this long stay on one line.
const INLINE_WIDTH: usize = 60;

/// `value` as a literal of `syntax`, four spaces an indent level, starting at
/// `indent` levels: objects and arrays one item a line, short flat ones inline
/// (but never the outermost one, which holds the payload's main keys).
pub(crate) fn pretty(value: &Value, syntax: &dyn Literal, indent: usize) -> String {
    let mut out = String::new();
    write_value(&mut out, value, syntax, indent, false);
    out
}

fn write_value(
    out: &mut String,
    value: &Value,
    syntax: &dyn Literal,
    indent: usize,
    may_inline: bool,
) {
    let inlined = || may_inline.then(|| inline(value, syntax)).flatten();
    match value {
        Value::Null => out.push_str(syntax.null()),
        Value::Bool(value) => out.push_str(syntax.boolean(*value)),
        Value::Number(number) => out.push_str(&number.to_string()),
        Value::String(text) => out.push_str(&syntax.string(text)),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        Value::Array(items) => {
            if let Some(inline) = inlined() {
                return out.push_str(&inline);
            }
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                newline(out, indent + 1);
                write_value(out, item, syntax, indent + 1, true);
                separator(out, index + 1 == items.len(), syntax);
            }
            newline(out, indent);
            out.push(']');
        }
        Value::Object(map) => {
            if let Some(inline) = inlined() {
                return out.push_str(&inline);
            }
            out.push('{');
            for (index, (key, item)) in map.iter().enumerate() {
                newline(out, indent + 1);
                out.push_str(&syntax.key(key));
                write_value(out, item, syntax, indent + 1, true);
                separator(out, index + 1 == map.len(), syntax);
            }
            newline(out, indent);
            out.push('}');
        }
    }
}

/// The one-line form of a collection of scalars, when it is short enough.
fn inline(value: &Value, syntax: &dyn Literal) -> Option<String> {
    let scalar = |item: &Value| !item.is_array() && !item.is_object();
    let text = match value {
        Value::Array(items) if items.iter().all(scalar) => {
            let items: Vec<String> = items.iter().map(|item| pretty(item, syntax, 0)).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(map) if map.values().all(scalar) => {
            let items: Vec<String> = map
                .iter()
                .map(|(key, item)| format!("{}{}", syntax.key(key), pretty(item, syntax, 0)))
                .collect();
            format!("{{{}}}", items.join(", "))
        }
        _ => return None,
    };
    (text.len() <= INLINE_WIDTH).then_some(text)
}

fn newline(out: &mut String, indent: usize) {
    out.push('\n');
    out.extend(std::iter::repeat_n("    ", indent));
}

fn separator(out: &mut String, last: bool, syntax: &dyn Literal) {
    out.push_str(if last { syntax.trailing_comma() } else { "," });
}

/// `text` in double quotes with the escapes Python, JavaScript and Rust share
/// (`\"`, `\\`, `\n`, `\r`, `\t`); `hidden` writes the escape of any other
/// [hidden](is_hidden) character in the language's own notation.
pub(crate) fn double_quoted(text: &str, hidden: fn(&mut String, char)) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    // Runs of characters written as they are are copied whole. Visible ASCII, the
    // common case, is decided by its byte; only other characters are decoded.
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index..].iter().position(|&b| !PLAIN[usize::from(b)]) {
            Some(skip) => index += skip,
            None => break,
        }
        let c = text[index..].chars().next().unwrap_or_default();
        let next = index + c.len_utf8();
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            c if !is_hidden(c) => {
                index = next;
                continue;
            }
            _ => "",
        };
        out.push_str(&text[copied..index]);
        if escape.is_empty() {
            hidden(&mut out, c);
        } else {
            out.push_str(escape);
        }
        copied = next;
        index = next;
    }
    out.push_str(&text[copied..]);
    out.push('"');
    out
}

/// The bytes [`double_quoted`] copies without a look: visible ASCII but `"` and `\`.
const PLAIN: [bool; 256] = {
    let mut plain = [false; 256];
    let mut byte = b' ';
    while byte <= b'~' {
        plain[byte as usize] = byte != b'"' && byte != b'\\';
        byte += 1;
    }
    plain
};

/// `\xNN` below U+0100, else `\uNNNN`: Python and JavaScript read both alike.
/// Every hidden character is in the Basic Multilingual Plane.
pub(crate) fn hex_escape(out: &mut String, c: char) {
    use std::fmt::Write;
    let code = c as u32;
    let _ = if code < 0x100 {
        write!(out, "\\x{code:02x}")
    } else {
        write!(out, "\\u{code:04x}")
    };
}

/// Characters no snippet shows raw: they are invisible, reorder the text around them
/// ("Trojan source" bidi controls), or end a line in some language.
pub(crate) fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn layout() {
        let value = json!({"inputs": "hi", "parameters": {"labels": ["a", "b"], "k": {"x": 1}}});
        assert_eq!(
            pretty(&value, &Json, 0),
            "{\n    \"inputs\": \"hi\",\n    \"parameters\": {\n        \"labels\": [\"a\", \"b\"],\n        \"k\": {\"x\": 1}\n    }\n}"
        );
        assert_eq!(pretty(&json!("x"), &Json, 0), "\"x\"");
    }

    #[test]
    fn json_layout_round_trips() {
        let value =
            json!({"a": [1, 2.5, -3e-7, null, true, {"b": "\u{0}\"\\\u{7f}\u{202e}"}], "c": {}});
        let text = pretty(&value, &Json, 2);
        assert!(!text.chars().any(|c| c != '\n' && is_hidden(c)), "{text}");
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), value);
    }
}
