//! JavaScript string literals and JSON values as JavaScript expressions.

use serde_json::Value;

use super::{JsonBody, Literal, Syntax, double_quoted, hex_escape};
use crate::model::FileBytes;
use crate::text::{Escapes, Segment, Text, Var};

/// A double-quoted JavaScript string literal holding exactly `text`.
pub(crate) fn string(text: &str) -> String {
    double_quoted(text, hex_escape)
}

/// `text` as a JavaScript expression: a string literal; `process.env.NAME` for a
/// variable alone; a template literal for text around variables.
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
    let mut out = String::with_capacity(64);
    out.push('`');
    for segment in segments {
        match segment {
            Segment::Var(var) => {
                out.push_str("${");
                push_env(&mut out, var);
                out.push('}');
            }
            Segment::Literal(literal) | Segment::Placeholder(literal) => {
                template_text(&mut out, literal)
            }
            Segment::File(path) => {
                out.push_str("${");
                out.push_str(&file(path));
                out.push('}');
            }
            Segment::FileBase64(path) => {
                out.push_str("${");
                out.push_str(&file_base64(path));
                out.push('}');
            }
        }
    }
    out.push('`');
    out
}

/// `literal` inside a template literal: backquotes, backslashes and `${` escaped,
/// hidden characters as escapes.
fn template_text(out: &mut String, literal: &str) {
    let mut chars = literal.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '`' => out.push_str("\\`"),
            '\\' => out.push_str("\\\\"),
            '$' if chars.peek() == Some(&'{') => out.push_str("\\$"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if super::is_hidden(c) => hex_escape(out, c),
            c => out.push(c),
        }
    }
}

/// The text of the file at `path` without its last line breaks, as the shell's
/// `$(cat FILE)` (`~/` is the home folder: `homedir` from `node:os`).
pub(crate) fn file(path: &str) -> String {
    let path = match path.strip_prefix("~/") {
        // The reader keeps the path plain: no quotes, backquotes, `$` or backslashes.
        Some(rest) => format!("`${{homedir()}}/{rest}`"),
        None => string(path),
    };
    format!("readFileSync({path}, \"utf8\").replace(/\\n+$/, \"\")")
}

/// The bytes of the file at `path` in standard padded base64 (`readFileSync` from
/// `node:fs`).
pub(crate) fn file_base64(path: &str) -> String {
    format!("readFileSync({}).toString(\"base64\")", string(path))
}

/// The bytes of the file at `path` (`readFileSync` from `node:fs`) as the request
/// reads its file.
pub(crate) fn file_bytes(path: &str, bytes: FileBytes) -> String {
    let path = string(path);
    match bytes {
        // curl's `-d @file` drops CR and LF bytes.
        FileBytes::StripLineBreaks => {
            format!("readFileSync({path}).filter((byte) => byte !== 10 && byte !== 13)")
        }
        // The shell's `"$(cat file)"` drops the line breaks at the end.
        FileBytes::TrimTrailingNewlines => format!(
            "Buffer.from(readFileSync({path}, \"latin1\").replace(/\\n+$/, \"\"), \"latin1\")"
        ),
        FileBytes::AsIs => format!("readFileSync({path})"),
    }
}

/// The value of `var`: `process.env.NAME`, or with a default for an unset or empty
/// one, as the shell's `${NAME:-default}`. A snippet checks the variables without a
/// default before it sends anything (see [`check`]).
pub(crate) fn env(var: &Var) -> String {
    let mut out = String::with_capacity(var.name.len() + 16);
    push_env(&mut out, var);
    out
}

/// [`env`], written at the end of `out`.
fn push_env(out: &mut String, var: &Var) {
    out.push_str(match var.form_encoded {
        None => "",
        Some(Escapes::Uppercase) => "formEncode(",
        Some(Escapes::Lowercase) => "urlQueryEncode(",
    });
    match &var.default {
        None => {
            out.push_str("process.env.");
            out.push_str(&var.name);
        }
        Some(default) => {
            out.push_str("(process.env.");
            out.push_str(&var.name);
            out.push_str(" || ");
            out.push_str(&string(default));
            out.push(')');
        }
    }
    if var.form_encoded.is_some() {
        out.push(')');
    }
}

/// The function [`env`] calls for a form-encoded variable, for the end of a snippet.
/// encodeURIComponent keeps `!'()*` too and writes a space as `%20`.
pub(crate) const FORM_ENCODE: &str = r#"// A value encoded as curl's --data-urlencode does: letters, digits and -._~ kept,
// a space as +, every other byte as %XX.
function formEncode(value) {
    return encodeURIComponent(value)
        .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
        .replace(/%20/g, "+");
}"#;

/// The function [`env`] calls for a variable curl's `--url-query` encodes (after
/// [`FORM_ENCODE`]).
pub(crate) const URL_QUERY_ENCODE: &str = r#"// As curl's --url-query before curl 8.20: its escapes in lowercase hex.
function urlQueryEncode(value) {
    return formEncode(value).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
}"#;

/// The line that stops a snippet, naming `name`, when the variable is unset.
pub(crate) fn check(name: &str) -> String {
    // A variable's name (letters, digits, `_`) needs no escaping in a string literal.
    let mut line = String::with_capacity(64 + 2 * name.len());
    for piece in [
        "if (process.env.",
        name,
        " === undefined) throw new Error(\"",
        name,
        " is not set\");",
    ] {
        line.push_str(piece);
    }
    line
}

/// An object key: bare when it is a plain identifier, quoted otherwise.
/// `__proto__` is computed (`["__proto__"]`) because the literal form sets the
/// prototype instead of adding a key.
pub(crate) fn key(name: &str) -> String {
    if name == "__proto__" {
        format!("[{}]", string(name))
    } else if is_identifier(name) {
        name.to_owned()
    } else {
        string(name)
    }
}

/// A plain identifier other than `__proto__`: a key written bare.
fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    name != "__proto__"
        && matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// Whether every number in `value` survives the trip through a JavaScript number.
pub(crate) fn numbers_fit(value: &Value) -> bool {
    const EXACT: u64 = 1 << 53;
    match value {
        Value::Number(number) => match (number.as_u64(), number.as_i64()) {
            (Some(n), _) => n <= EXACT,
            (None, Some(n)) => n.unsigned_abs() <= EXACT,
            _ => true,
        },
        Value::Array(items) => items.iter().all(numbers_fit),
        Value::Object(map) => map.values().all(numbers_fit),
        _ => true,
    }
}

/// JSON as a JavaScript object literal.
pub(crate) struct Js;

impl Literal for Js {
    fn null(&self) -> &'static str {
        "null"
    }
    fn boolean(&self, value: bool) -> &'static str {
        if value { "true" } else { "false" }
    }
    fn string(&self, text: &str) -> String {
        string(text)
    }
    fn key(&self, name: &str) -> String {
        format!("{}: ", key(name))
    }
    fn trailing_comma(&self) -> &'static str {
        ","
    }
    fn write_string(&self, out: &mut String, text: &str) {
        super::double_quoted_into(out, text, hex_escape);
    }
    fn write_key(&self, out: &mut String, name: &str) {
        if is_identifier(name) {
            out.push_str(name);
        } else {
            out.push_str(&key(name));
        }
        out.push_str(": ");
    }
}

impl Syntax for Js {
    /// An object's entry: `Name: value`.
    type Header = (String, String);
    fn literal(&self, text: &str) -> String {
        string(text)
    }
    fn header(&self, name: &str, value: &Text) -> (String, String) {
        (key(name), text(value))
    }
    fn bearer_header(&self, name: &str) -> (String, String) {
        // A variable's name needs no escaping in the template literal.
        let value = format!("`Bearer ${{process.env.{name}}}`");
        (key("Authorization"), value)
    }
    /// Neither fetch nor Node encodes basic auth: the snippet writes the header.
    fn basic_header(&self, credentials: &Text) -> Option<(String, String)> {
        let value = format!(
            "`Basic ${{Buffer.from({}).toString(\"base64\")}}`",
            text(credentials)
        );
        Some((key("Authorization"), value))
    }
}

/// A JSON body as a JavaScript value, each slot its variables' reads (a number
/// through `JSON.parse`).
pub(crate) fn json(body: JsonBody, indent: usize) -> String {
    body.pretty(&Js, indent, &|slot| {
        let value = text(&slot.text);
        if slot.number {
            format!("JSON.parse({value})")
        } else {
            value
        }
    })
}

/// A template literal naming the file `${stem}-${index}.${extension}`, for a loop
/// over the variable `index`.
pub(crate) fn indexed_name(stem: &str, extension: &str) -> String {
    let mut out = String::from("`");
    template_text(&mut out, stem);
    out.push_str("-${index}.");
    template_text(&mut out, extension);
    out.push('`');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_strings() {
        let cases = [
            ("plain", r#""plain""#),
            (r#"say "hi" \ it's"#, r#""say \"hi\" \\ it's""#),
            ("a\nb\rc\td", r#""a\nb\rc\td""#),
            ("\0\x07\x7f", r#""\x00\x07\x7f""#),
            ("${x} `id` </script>", r#""${x} `id` </script>""#),
            ("\u{2028}\u{2029}\u{202e}", r#""\u2028\u2029\u202e""#),
            ("🤗 中文", r#""🤗 中文""#),
        ];
        for (text, expected) in cases {
            assert_eq!(string(text), expected, "{text:?}");
        }
    }

    #[test]
    fn keys() {
        assert_eq!(key("inputs"), "inputs");
        assert_eq!(key("max-tokens"), r#""max-tokens""#);
        assert_eq!(key("2x"), r#""2x""#);
        assert_eq!(key("__proto__"), r#"["__proto__"]"#);
        assert_eq!(key(""), r#""""#);
    }

    #[test]
    fn big_integers_do_not_fit() {
        assert!(numbers_fit(&serde_json::json!([
            1,
            -2,
            0.5,
            9007199254740992u64
        ])));
        assert!(!numbers_fit(&serde_json::json!({"a": 9007199254740993u64})));
    }
}
