//! Python string literals and JSON values as Python expressions.

use super::{JsonBody, Literal, Syntax, double_quoted, hex_escape};
use crate::model::FileBytes;
use crate::text::{Escapes, Segment, Text, Var};

/// A double-quoted Python string literal holding exactly `text`.
pub(crate) fn string(text: &str) -> String {
    double_quoted(text, hex_escape)
}

/// `text` as a Python expression: a string literal; `os.environ["NAME"]` for a
/// variable alone; an f-string for text around variables (`import os` needed).
pub(crate) fn text(text: &Text) -> String {
    if let Some(literal) = text.without_vars() {
        return string(&literal);
    }
    let segments = text.segments();
    if let [Segment::Var(var)] = segments {
        return env(var, '"');
    }
    // Before Python 3.12 an f-string's expressions cannot hold its quote or a
    // backslash: a default that would, or a file read, is added with `+` instead.
    let simple = |var: &Var| {
        var.default.as_deref().is_none_or(|default| {
            !default.contains(['\'', '"', '\\', '{', '}']) && !default.chars().any(super::is_hidden)
        })
    };
    if text.vars().all(simple) && text.files().next().is_none() && !text.reads_base64() {
        let mut out = String::with_capacity(64);
        out.push_str("f\"");
        for segment in segments {
            match segment {
                Segment::Var(var) => {
                    out.push('{');
                    push_env(&mut out, var, '\'');
                    out.push('}');
                }
                Segment::Literal(literal) | Segment::Placeholder(literal) => {
                    push_in_fstring(&mut out, literal)
                }
                Segment::File(_) | Segment::FileBase64(_) => {}
            }
        }
        out.push('"');
        return out;
    }
    let parts: Vec<String> = segments
        .iter()
        .map(|segment| match segment {
            Segment::Var(var) => env(var, '"'),
            Segment::File(path) => file(path),
            Segment::FileBase64(path) => file_base64(path),
            Segment::Literal(literal) | Segment::Placeholder(literal) => string(literal),
        })
        .collect();
    parts.join(" + ")
}

/// `literal` inside an f-string: escaped as in a string literal, braces doubled.
fn push_in_fstring(out: &mut String, literal: &str) {
    let start = out.len();
    super::double_quoted_into(out, literal, hex_escape);
    // The literal's own quotes go.
    out.pop();
    out.remove(start);
    if out[start..].contains(['{', '}']) {
        let doubled = out[start..].replace('{', "{{").replace('}', "}}");
        out.truncate(start);
        out.push_str(&doubled);
    }
}

/// The text of the file at `path` without its last line breaks, as the shell's
/// `$(cat FILE)` (`~/` is the home folder).
pub(crate) fn file(path: &str) -> String {
    let path = match path.strip_prefix("~/") {
        Some(_) => format!("os.path.expanduser({})", string(path)),
        None => string(path),
    };
    format!("open({path}).read().rstrip(\"\\n\")")
}

/// The bytes of the file at `path` in standard padded base64, as a `str` (`import
/// base64` needed).
pub(crate) fn file_base64(path: &str) -> String {
    format!(
        "base64.b64encode(open({}, \"rb\").read()).decode()",
        string(path)
    )
}

/// The value of `var`: `os.environ["NAME"]` (a `KeyError` naming it when unset), or
/// with a default for an unset or empty one, as the shell's `${NAME:-default}`.
/// `quote` is the quote of the string literals inside.
pub(crate) fn env(var: &Var, quote: char) -> String {
    let mut out = String::with_capacity(var.name.len() + 16);
    push_env(&mut out, var, quote);
    out
}

/// [`env`], written at the end of `out`.
fn push_env(out: &mut String, var: &Var, quote: char) {
    // quote_plus keeps letters, digits and `_.-~`, and writes a space as `+`: curl's
    // form encoding, once `/` is not kept either; `url_query_encode` writes its
    // escapes in lowercase, as curl's `--url-query` (httpx sends them so; urllib3,
    // under requests, writes every escape in uppercase).
    match var.form_encoded {
        None => {}
        Some(Escapes::Uppercase) => out.push_str("quote_plus("),
        Some(Escapes::Lowercase) => out.push_str("url_query_encode("),
    }
    let name = |out: &mut String| {
        out.push(quote);
        out.push_str(&var.name);
        out.push(quote);
    };
    match &var.default {
        None => {
            out.push_str("os.environ[");
            name(out);
            out.push(']');
        }
        Some(default) => {
            out.push_str("(os.environ.get(");
            name(out);
            out.push_str(") or ");
            if quote == '"' {
                out.push_str(&string(default));
            } else {
                // `text` keeps such defaults free of quotes, backslashes and braces.
                out.push('\'');
                out.push_str(default);
                out.push('\'');
            }
            out.push(')');
        }
    }
    match var.form_encoded {
        None => {}
        Some(Escapes::Uppercase) => {
            out.push_str(", safe=");
            out.push(quote);
            out.push(quote);
            out.push(')');
        }
        Some(Escapes::Lowercase) => out.push(')'),
    }
}

/// The function [`env`] calls for a variable curl's `--url-query` encodes: its
/// escapes in lowercase hex. A snippet that defines it imports `re` and
/// `quote_plus`.
pub(crate) const URL_QUERY_ENCODE: &str = r#"def url_query_encode(value):
    # As curl's --url-query before curl 8.20: its escapes in lowercase hex.
    encoded = quote_plus(value, safe="")
    return re.sub("%[0-9A-F]{2}", lambda escape: escape[0].lower(), encoded)"#;

/// JSON as Python: `None`, `True`, dicts and lists with trailing commas.
pub(crate) struct Python;

impl Literal for Python {
    fn null(&self) -> &'static str {
        "None"
    }
    fn boolean(&self, value: bool) -> &'static str {
        if value { "True" } else { "False" }
    }
    fn string(&self, text: &str) -> String {
        string(text)
    }
    fn key(&self, name: &str) -> String {
        format!("{}: ", string(name))
    }
    fn trailing_comma(&self) -> &'static str {
        ","
    }
    fn write_string(&self, out: &mut String, text: &str) {
        super::double_quoted_into(out, text, hex_escape);
    }
    fn write_key(&self, out: &mut String, name: &str) {
        super::double_quoted_into(out, name, hex_escape);
        out.push_str(": ");
    }
}

impl Syntax for Python {
    /// A dict entry: `"Name": value`.
    type Header = (String, String);
    fn literal(&self, text: &str) -> String {
        string(text)
    }
    fn header(&self, name: &str, value: &Text) -> (String, String) {
        (string(name), text(value))
    }
    fn bearer_header(&self, name: &str) -> (String, String) {
        // A variable's name needs no escaping in the f-string.
        let value = format!("f\"Bearer {{os.environ['{name}']}}\"");
        (string("Authorization"), value)
    }
}

/// A JSON body as a Python value, each slot its variables' reads (a number through
/// `json.loads`: the snippet imports `json` when [`JsonBody::reads_numbers`]).
pub(crate) fn json(body: JsonBody, indent: usize) -> String {
    body.pretty(&Python, indent, &|slot| {
        let value = text(&slot.text);
        if slot.number {
            format!("json.loads({value})")
        } else {
            value
        }
    })
}

/// What reads the bytes of the open file `f` as the request reads its file.
pub(crate) fn read_bytes(bytes: FileBytes) -> &'static str {
    match bytes {
        // curl's `-d @file` drops CR and LF bytes.
        FileBytes::StripLineBreaks => r#"f.read().replace(b"\r", b"").replace(b"\n", b"")"#,
        // The shell's `"$(cat file)"` drops the line breaks at the end.
        FileBytes::TrimTrailingNewlines => r#"f.read().rstrip(b"\n")"#,
        FileBytes::AsIs => "f.read()",
    }
}

/// Whether `name` can be written as a keyword argument `name=...`: an ASCII
/// identifier that is not a reserved word.
pub(crate) fn is_keyword_argument(name: &str) -> bool {
    const RESERVED: &[&str] = &[
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
        "try", "while", "with", "yield",
    ];
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !RESERVED.contains(&name)
}

/// An f-string naming the file `{stem}-{index}.{extension}`, for a loop over the
/// variable `index`.
pub(crate) fn indexed_name(stem: &str, extension: &str) -> String {
    let literal = |text: &str| {
        let quoted = string(text);
        quoted[1..quoted.len() - 1]
            .replace('{', "{{")
            .replace('}', "}}")
    };
    format!("f\"{}-{{index}}.{}\"", literal(stem), literal(extension))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_encoded_variables_keep_curls_escapes() {
        let var = |escapes| Var::new("Q").form_encoded(escapes);
        assert_eq!(
            env(&var(Escapes::Uppercase), '"'),
            r#"quote_plus(os.environ["Q"], safe="")"#
        );
        assert_eq!(
            env(&var(Escapes::Lowercase), '\''),
            "url_query_encode(os.environ['Q'])"
        );
    }

    #[test]
    fn hostile_strings() {
        let cases = [
            ("plain", r#""plain""#),
            (r#"say "hi" \ it's"#, r#""say \"hi\" \\ it's""#),
            ("a\nb\rc\td", r#""a\nb\rc\td""#),
            ("\0\x07\x7f\u{85}", r#""\x00\x07\x7f\x85""#),
            ("{x} %s $(id) `id`", r#""{x} %s $(id) `id`""#),
            ("\u{202e}rtl\u{2028}", r#""\u202ertl\u2028""#),
            ("🤗 中文", r#""🤗 中文""#),
        ];
        for (text, expected) in cases {
            assert_eq!(string(text), expected, "{text:?}");
        }
    }
}
