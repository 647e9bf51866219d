//! Rust string literals.

use std::fmt::Write;

use super::{Json, JsonBody, Syntax, double_quoted, is_hidden, pretty};
use crate::model::FileBytes;
use crate::text::{Escapes, Segment, Text, Var};

/// Rust, for the shared phases of the views.
pub(crate) struct Rust;

impl Syntax for Rust {
    /// The arguments of `.header(name, value)`.
    type Header = (String, String);
    fn literal(&self, text: &str) -> String {
        string(text)
    }
    fn header(&self, name: &str, value: &Text) -> (String, String) {
        (string(name), text(value))
    }
    fn bearer_header(&self, name: &str) -> (String, String) {
        let value = format!("format!(\"Bearer {{}}\", env({})?)", string(name));
        (string("Authorization"), value)
    }
}

/// A Rust string literal holding exactly `text`: a raw string when that reads
/// better (quotes or backslashes, nothing hidden), else an escaped one.
pub(crate) fn string(text: &str) -> String {
    if text.contains(['"', '\\']) && !text.chars().any(is_hidden) {
        return raw(text);
    }
    double_quoted(text, unicode_escape)
}

/// `text` as a Rust expression: a string literal; `env("NAME")?` for a variable
/// alone; `format!` for text around variables (the snippet defines `env`, see
/// [`ENV_HELPERS`]).
pub(crate) fn text(text: &Text) -> String {
    if let Some(literal) = text.without_vars() {
        return string(&literal);
    }
    let segments = text.segments();
    match segments {
        [Segment::Var(var)] => return env(var),
        [Segment::FileBase64(path)] => return file_base64(path),
        _ => {}
    }
    // The `format!` template, and its arguments each after `, `.
    let mut template = String::with_capacity(64);
    let mut args = String::with_capacity(32);
    for segment in segments {
        match segment {
            Segment::Var(var) => {
                template.push_str("{}");
                args.push_str(", ");
                push_env(&mut args, var);
            }
            Segment::Literal(literal) | Segment::Placeholder(literal) => {
                if literal.contains(['{', '}']) {
                    template.push_str(&literal.replace('{', "{{").replace('}', "}}"));
                } else {
                    template.push_str(literal);
                }
            }
            Segment::File(path) => {
                template.push_str("{}");
                args.push_str(", ");
                args.push_str(&file(path));
            }
            Segment::FileBase64(path) => {
                template.push_str("{}");
                args.push_str(", ");
                args.push_str(&file_base64(path));
            }
        }
    }
    let mut out = String::with_capacity(template.len() + args.len() + 12);
    out.push_str("format!(");
    super::double_quoted_into(&mut out, &template, unicode_escape);
    out.push_str(&args);
    out.push(')');
    out
}

/// The text of the file at `path` without its last line breaks, as the shell's
/// `$(cat FILE)` (`~/` is the home folder).
pub(crate) fn file(path: &str) -> String {
    let path = match path.strip_prefix("~/") {
        Some(rest) => format!(
            "format!(\"{{}}/{{}}\", std::env::var(\"HOME\")?, {})",
            string(rest)
        ),
        None => string(path),
    };
    format!("std::fs::read_to_string({path})?.trim_end_matches('\\n').to_owned()")
}

/// The bytes of the file at `path` in standard padded base64 (the snippet defines
/// `base64_file`, see [`BASE64_FILE`]).
pub(crate) fn file_base64(path: &str) -> String {
    format!("base64_file({})?", string(path))
}

/// The function that encodes a file's bytes in base64: the standard library has
/// none, and a snippet declares no crate for so little.
pub(crate) const BASE64_FILE: &str = "\
/// The bytes of the file at `path` in standard padded base64.
fn base64_file(path: &str) -> std::io::Result<String> {
    const ALPHABET: &[u8; 64] = b\"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/\";
    let bytes = std::fs::read(path)?;
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let mut group = 0u32;
        for (index, byte) in chunk.iter().enumerate() {
            group |= u32::from(*byte) << (16 - 8 * index);
        }
        for index in 0..4 {
            if index <= chunk.len() {
                out.push(char::from(ALPHABET[((group >> (18 - 6 * index)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    Ok(out)
}";

/// The bytes of the file at `path` as the request reads its file: an expression
/// laid out as the argument of a call chained at 8 spaces.
pub(crate) fn file_bytes(path: &str, bytes: FileBytes) -> String {
    let path = string(path);
    match bytes {
        // curl's `-d @file` drops CR and LF bytes.
        FileBytes::StripLineBreaks => format!(
            "std::fs::read({path})?\n            .into_iter()\n            .filter(|byte| !matches!(byte, b'\\r' | b'\\n'))\n            .collect::<Vec<u8>>()"
        ),
        // The shell's `"$(cat file)"` drops the line breaks at the end.
        FileBytes::TrimTrailingNewlines => format!(
            "{{\n            let mut bytes = std::fs::read({path})?;\n            while bytes.last() == Some(&b'\\n') {{\n                bytes.pop();\n            }}\n            bytes\n        }}"
        ),
        FileBytes::AsIs => format!("std::fs::read({path})?"),
    }
}

/// The value of `var`: `env("NAME")?` (an error naming it when unset), or
/// `env_or("NAME", "default")` for an unset or empty one, as `${NAME:-default}`.
pub(crate) fn env(var: &Var) -> String {
    let mut out = String::with_capacity(var.name.len() + 16);
    push_env(&mut out, var);
    out
}

/// [`env`], written at the end of `out`.
fn push_env(out: &mut String, var: &Var) {
    out.push_str(match var.form_encoded {
        None => "",
        Some(Escapes::Uppercase) => "form_encode(&",
        Some(Escapes::Lowercase) => "url_query_encode(&",
    });
    match &var.default {
        None => {
            out.push_str("env(");
            out.push_str(&string(&var.name));
            out.push_str(")?");
        }
        Some(default) => {
            out.push_str("env_or(");
            out.push_str(&string(&var.name));
            out.push_str(", ");
            out.push_str(&string(default));
            out.push(')');
        }
    }
    if var.form_encoded.is_some() {
        out.push(')');
    }
}

/// The function [`env`] calls for a form-encoded variable.
pub(crate) const FORM_ENCODE: &str = "\
/// `value` encoded as curl's --data-urlencode does: letters, digits and `-._~` kept,
/// a space as `+`, every other byte as `%XX`.
fn form_encode(value: &str) -> String {
    let mut encoded = String::new();
    for byte in value.bytes() {
        match byte {
            b' ' => encoded.push('+'),
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                encoded.push(char::from(byte))
            }
            _ => encoded.push_str(&format!(\"%{byte:02X}\")),
        }
    }
    encoded
}";

/// The function [`env`] calls for a variable curl's `--url-query` encodes (after
/// [`FORM_ENCODE`]).
pub(crate) const URL_QUERY_ENCODE: &str = "\
/// `value` encoded as curl's --url-query does before curl 8.20: as `form_encode`,
/// its escapes in lowercase hex.
fn url_query_encode(value: &str) -> String {
    let mut encoded = String::new();
    let mut hex_digits = 0;
    for c in form_encode(value).chars() {
        if hex_digits > 0 {
            hex_digits -= 1;
            encoded.push(c.to_ascii_lowercase());
        } else {
            encoded.push(c);
        }
        if c == '%' {
            hex_digits = 2;
        }
    }
    encoded
}";

/// The function [`env`] calls for a variable without a default, for the end of a
/// snippet.
pub(crate) const ENV: &str = "\
/// The environment variable `name`, or an error that names it.
fn env(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!(\"{name} is not set\"))
}";

/// The function [`env`] calls for a variable with a default.
pub(crate) const ENV_OR: &str = "\
/// The environment variable `name`, or `default` when it is unset or empty.
fn env_or(name: &str, default: &str) -> String {
    std::env::var(name)
        .ok()
        .filter(|value| !value.is_empty())
        .unwrap_or_else(|| default.to_owned())
}";

/// `\u{..}`, Rust's escape of a hidden character.
fn unicode_escape(out: &mut String, c: char) {
    let _ = write!(out, "\\u{{{:x}}}", c as u32);
}

/// A multi-line text such as a pretty JSON body: a raw string keeps it readable.
/// Falls back to an escaped literal when the text holds a hidden character
/// (rustc rejects bidi controls in literals; CR alone is not allowed in source).
pub(crate) fn block(text: &str) -> String {
    if text.chars().any(|c| c != '\n' && is_hidden(c)) {
        string(text)
    } else {
        raw(text)
    }
}

/// A JSON body as the text sent: a raw string of the JSON, or `format!` of the
/// reads of its variables.
pub(crate) fn json(body: JsonBody, indent: usize) -> String {
    match body {
        JsonBody::Value(value) => block(&pretty(value, &Json, indent)),
        JsonBody::Template(_) => text(&body.text(indent)),
    }
}

/// `r#"..."#` with one more `#` than the longest run after a quote in `text`.
fn raw(text: &str) -> String {
    let longest = text
        .split('"')
        .skip(1)
        .map(|after| after.chars().take_while(|c| *c == '#').count())
        .max()
        .unwrap_or(0);
    let hashes = "#".repeat(longest + 1);
    format!("r{hashes}\"{text}\"{hashes}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_strings() {
        let cases = [
            ("plain", r#""plain""#),
            ("a\nb\rc\td\0", r#""a\nb\rc\td\u{0}""#),
            (r#"say "hi" \"#, r##"r#"say "hi" \"#"##),
            (r##"a "# b"##, r###"r##"a "# b"##"###),
            ("\u{202e}x", r#""\u{202e}x""#),
            ("{} 🤗 中文", r#""{} 🤗 中文""#),
        ];
        for (text, expected) in cases {
            assert_eq!(string(text), expected, "{text:?}");
        }
    }

    #[test]
    fn blocks() {
        assert_eq!(block("{\n  \"a\": 1\n}"), "r#\"{\n  \"a\": 1\n}\"#");
        assert_eq!(block("\"\u{2066}\""), r#""\"\u{2066}\"""#);
    }
}
