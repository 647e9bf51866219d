//! PHP string literals and JSON values as PHP arrays.

use std::fmt::Write;

use serde_json::Value;

use super::{JsonBody, Literal, Syntax, double_quoted_into, is_hidden};
use crate::model::FileBytes;
use crate::text::{Escapes, Segment, Text, Var};

/// A PHP string literal holding exactly `text`: single-quoted (nothing in it is
/// read but `\'` and `\\`), or double-quoted with escapes when it holds a hidden
/// character (`$` escaped there, so nothing is interpolated).
pub(crate) fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_string(&mut out, text);
    out
}

/// [`string`], written at the end of `out`.
fn push_string(out: &mut String, text: &str) {
    // Visible ASCII but `'` and `\`, the common case, is copied whole.
    if text
        .bytes()
        .all(|byte| matches!(byte, b' '..=b'~') && byte != b'\'' && byte != b'\\')
    {
        out.reserve(text.len() + 2);
        out.push('\'');
        out.push_str(text);
        out.push('\'');
        return;
    }
    if text.chars().any(is_hidden) {
        let start = out.len();
        double_quoted_into(out, text, unicode_escape);
        // No escape the quoting writes holds a `$`: each one there is the text's own.
        if out[start..].contains('$') {
            let escaped = out[start..].replace('$', "\\$");
            out.truncate(start);
            out.push_str(&escaped);
        }
        return;
    }
    out.push('\'');
    for c in text.chars() {
        if matches!(c, '\'' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('\'');
}

/// `\u{..}`: PHP's escape of a hidden character in a double-quoted string (`\x..`
/// would be a byte, not a character).
fn unicode_escape(out: &mut String, c: char) {
    let _ = write!(out, "\\u{{{:x}}}", c as u32);
}

/// `text` as a PHP expression: a string literal; `getenv('NAME')` for a variable
/// alone; pieces joined with `.` for text around variables. A snippet checks the
/// variables without a default before it sends anything (see [`CHECK`]).
pub(crate) fn text(text: &Text) -> String {
    if let Some(literal) = text.without_vars() {
        return string(&literal);
    }
    let mut out = String::with_capacity(64);
    for (index, segment) in text.segments().iter().enumerate() {
        if index > 0 {
            out.push_str(" . ");
        }
        match segment {
            Segment::Var(var) => push_env(&mut out, var),
            Segment::File(path) => out.push_str(&file(path)),
            Segment::FileBase64(path) => {
                out.push_str("base64_encode(file_get_contents(");
                push_string(&mut out, path);
                out.push_str("))");
            }
            Segment::Literal(literal) | Segment::Placeholder(literal) => {
                push_string(&mut out, literal)
            }
        }
    }
    out
}

/// The text of the file at `path` without its last line breaks, as the shell's
/// `$(cat FILE)` (`~/` is the home folder).
pub(crate) fn file(path: &str) -> String {
    let path = match path.strip_prefix("~/") {
        Some(rest) => format!("getenv('HOME') . {}", string(&format!("/{rest}"))),
        None => string(path),
    };
    format!("rtrim(file_get_contents({path}), \"\\n\")")
}

/// The bytes of the file at `path` as the request reads its file.
pub(crate) fn file_bytes(path: &str, bytes: FileBytes) -> String {
    let path = string(path);
    match bytes {
        // curl's `-d @file` drops CR and LF bytes.
        FileBytes::StripLineBreaks => {
            format!("str_replace([\"\\r\", \"\\n\"], '', file_get_contents({path}))")
        }
        // The shell's `"$(cat file)"` drops the line breaks at the end.
        FileBytes::TrimTrailingNewlines => format!("rtrim(file_get_contents({path}), \"\\n\")"),
        FileBytes::AsIs => format!("file_get_contents({path})"),
    }
}

/// The value of `var`, written at the end of `out`: `getenv('NAME')`, or
/// `envOr('NAME', 'default')` for an unset or empty one, as the shell's
/// `${NAME:-default}` (`?:` would take `"0"` for unset).
fn push_env(out: &mut String, var: &Var) {
    out.push_str(match var.form_encoded {
        None => "",
        Some(Escapes::Uppercase) => "formEncode(",
        Some(Escapes::Lowercase) => "urlQueryEncode(",
    });
    // A variable's name needs no escaping.
    match &var.default {
        None => {
            out.push_str("getenv('");
            out.push_str(&var.name);
            out.push_str("')");
        }
        Some(default) => {
            out.push_str("envOr('");
            out.push_str(&var.name);
            out.push_str("', ");
            push_string(out, default);
            out.push(')');
        }
    }
    if var.form_encoded.is_some() {
        out.push(')');
    }
}

/// The lines that stop a snippet, naming the variable, when one of the variables
/// `names` it needs is unset.
pub(crate) fn check(names: &[&str]) -> String {
    let mut out = String::with_capacity(128 + 4 * names.len());
    out.push_str("foreach ([");
    for (index, name) in names.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        // A variable's name needs no escaping.
        out.push('\'');
        out.push_str(name);
        out.push('\'');
    }
    out.push_str("] as $name) {\n    if (getenv($name) === false) {\n        fwrite(STDERR, \"$name is not set\\n\");\n        exit(1);\n    }\n}");
    out
}

/// The function [`push_env`] calls for a variable with a default (functions are
/// defined before the first line runs: it goes at the end).
pub(crate) const ENV_OR: &str = r#"/** The environment variable $name, or $default when it is unset or empty. */
function envOr(string $name, string $default): string
{
    $value = getenv($name);
    return $value === false || $value === '' ? $default : $value;
}"#;

/// The function [`push_env`] calls for a form-encoded variable. `rawurlencode` keeps
/// letters, digits and `-._~`, as curl does, and writes a space as `%20`.
pub(crate) const FORM_ENCODE: &str = r#"/** $value encoded as curl's --data-urlencode does: a space as +, other bytes as %XX. */
function formEncode(string $value): string
{
    return str_replace('%20', '+', rawurlencode($value));
}"#;

/// The function [`push_env`] calls for a variable curl's `--url-query` encodes (after
/// [`FORM_ENCODE`]).
pub(crate) const URL_QUERY_ENCODE: &str = r#"/** As curl's --url-query before curl 8.20: its escapes in lowercase hex. */
function urlQueryEncode(string $value): string
{
    return preg_replace_callback('/%[0-9A-F]{2}/', fn ($m) => strtolower($m[0]), formEncode($value));
}"#;

/// JSON as a PHP array: `null`, `'key' => value`, `[...]` for objects and lists.
pub(crate) struct Php;

impl Literal for Php {
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
        format!("{} => ", string(name))
    }
    fn trailing_comma(&self) -> &'static str {
        ","
    }
    fn write_string(&self, out: &mut String, text: &str) {
        push_string(out, text);
    }
    fn write_key(&self, out: &mut String, name: &str) {
        push_string(out, name);
        out.push_str(" => ");
    }
    fn object(&self) -> (&'static str, &'static str) {
        ("[", "]")
    }
    fn empty_object(&self) -> &'static str {
        "new \\stdClass()"
    }
}

impl Syntax for Php {
    /// An entry of Guzzle's `headers` array: `'Name' => value`.
    type Header = (String, String);
    fn literal(&self, text: &str) -> String {
        string(text)
    }
    fn header(&self, name: &str, value: &Text) -> (String, String) {
        (string(name), text(value))
    }
    fn bearer_header(&self, name: &str) -> (String, String) {
        (
            string("Authorization"),
            format!("'Bearer ' . getenv('{name}')"),
        )
    }
}

/// Whether `json_encode` of `value` written as a PHP array sends the same JSON: no
/// integer a PHP `int` cannot hold (it would become a float), and no object key
/// PHP reads as an integer (an array keyed `0, 1...` is encoded as a list).
pub(crate) fn is_native(value: &Value) -> bool {
    match value {
        // `-9223372036854775808` is read as a float before it is negated.
        Value::Number(number) if number.is_i64() || number.is_u64() => {
            number.as_i64().is_some_and(|n| n != i64::MIN)
        }
        Value::Array(items) => items.iter().all(is_native),
        Value::Object(map) => map
            .iter()
            .all(|(key, item)| !is_integer_key(key) && is_native(item)),
        _ => true,
    }
}

/// A key PHP turns into an integer: a decimal integer without a leading zero or
/// `+` (`"0"`, `"-12"`), in the range of an `int`.
fn is_integer_key(key: &str) -> bool {
    let digits = key.strip_prefix('-').unwrap_or(key);
    let canonical = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && key != "-0";
    canonical && key.parse::<i64>().is_ok()
}

/// A JSON body as a PHP value for Guzzle's `json` option, each slot its variables'
/// reads (a number through `json_decode`), when [`is_native`].
pub(crate) fn json(body: JsonBody, indent: usize) -> String {
    body.pretty(&Php, indent, &|slot| {
        let value = text(&slot.text);
        if slot.number {
            format!("json_decode({value})")
        } else {
            value
        }
    })
}

/// A nowdoc holding `text` as it is (`<<<'JSON'`), when no line of it ends the
/// nowdoc and nothing in it is hidden; else a string literal.
pub(crate) fn block(text: &str) -> String {
    let ends = text
        .lines()
        .any(|line| line.trim_start().starts_with("JSON"));
    if ends || text.chars().any(|c| c != '\n' && is_hidden(c)) {
        return string(text);
    }
    format!("<<<'JSON'\n{text}\nJSON")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_strings() {
        let cases = [
            ("plain", "'plain'"),
            (
                r#"say "hi" \ it's $x {$y}"#,
                r#"'say "hi" \\ it\'s $x {$y}'"#,
            ),
            ("a\nb\rc\td", r#""a\nb\rc\td""#),
            ("$x\0\x07\x7f\u{85}", r#""\$x\u{0}\u{7}\u{7f}\u{85}""#),
            ("\\$\n", r#""\\\$\n""#),
            ("#{x} %s $(id) `id` ?>", "'#{x} %s $(id) `id` ?>'"),
            ("\u{202e}rtl\u{2028}", r#""\u{202e}rtl\u{2028}""#),
            ("🤗 中文", "'🤗 中文'"),
        ];
        for (text, expected) in cases {
            assert_eq!(string(text), expected, "{text:?}");
        }
    }

    #[test]
    fn integer_keys_and_big_numbers_are_not_native() {
        let native = |text: &str| is_native(&serde_json::from_str(text).unwrap());
        assert!(native(
            r#"{"a": [1, -2, 0.5, 9223372036854775807], "01": 1, "-0": 2}"#
        ));
        assert!(!native(r#"{"0": "a"}"#));
        assert!(!native(r#"{"a": {"-12": 1}}"#));
        assert!(!native("[9223372036854775808]"));
        assert!(!native("[-9223372036854775808]"));
    }

    #[test]
    fn objects_are_arrays() {
        let value = serde_json::json!({"a": {}, "b": [], "c": {"d": null}});
        assert_eq!(
            json(JsonBody::Value(&value), 0),
            "[\n    'a' => new \\stdClass(),\n    'b' => [],\n    'c' => ['d' => null],\n]"
        );
    }
}
