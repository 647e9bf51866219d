//! Go string literals, and a request's text as a Go expression.

use std::fmt::Write;

use super::{JsonBody, Syntax, double_quoted, is_hidden};
use crate::text::{Escapes, Segment, Text, Var};

/// Go, for the shared phases of the views.
pub(crate) struct Go;

impl Syntax for Go {
    /// The arguments of `request.Header.Set(name, value)`.
    type Header = (String, String);
    fn literal(&self, text: &str) -> String {
        string(text)
    }
    fn header(&self, name: &str, value: &Text) -> (String, String) {
        (string(name), arg(value))
    }
    fn bearer_header(&self, name: &str) -> (String, String) {
        // A variable's name needs no escaping in a string literal.
        (
            string("Authorization"),
            format!("\"Bearer \"+os.Getenv(\"{name}\")"),
        )
    }
}

/// A Go string literal holding exactly `text`: a raw string (backquotes) when that
/// reads better (quotes or backslashes, nothing a raw string cannot hold), else an
/// interpreted one.
pub(crate) fn string(text: &str) -> String {
    if text.bytes().any(|b| b == b'"' || b == b'\\') && fits_raw(text, false) {
        return raw(text);
    }
    double_quoted(text, unicode_escape)
}

/// A multi-line text such as a pretty JSON body: a raw string keeps it readable.
pub(crate) fn block(text: &str) -> String {
    if fits_raw(text, true) {
        raw(text)
    } else {
        double_quoted(text, unicode_escape)
    }
}

/// `text` between backquotes.
fn raw(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('`');
    out.push_str(text);
    out.push('`');
    out
}

/// Whether a raw string holds `text` as it is: no backquote, no carriage return (Go
/// drops it from raw strings), nothing hidden but, when `lines`, line feeds.
fn fits_raw(text: &str, lines: bool) -> bool {
    // ASCII, the common case, is decided by its byte; only other characters are
    // decoded.
    let fits = |c: char| c != '`' && (!is_hidden(c) || (lines && c == '\n'));
    let mut rest = text;
    while let Some(at) = rest
        .bytes()
        .position(|b| (!b.is_ascii_graphic() && b != b' ') || b == b'`')
    {
        let c = rest[at..].chars().next().unwrap_or_default();
        if !fits(c) {
            return false;
        }
        rest = &rest[at + c.len_utf8()..];
    }
    true
}

/// `\uNNNN`: a code point (Go's `\xNN` is a byte, which would not be UTF-8).
/// Every hidden character is in the Basic Multilingual Plane.
fn unicode_escape(out: &mut String, c: char) {
    let _ = write!(out, "\\u{:04x}", c as u32);
}

/// `text` as a Go expression: a string literal, or the concatenation of its
/// literal pieces and variable reads (`os.Getenv("NAME")`; the snippet checks
/// those without a default first, see [`check`]).
pub(crate) fn text(text: &Text) -> String {
    join(text, string, " + ")
}

/// [`text`] as one argument of several in a call, where gofmt writes `a+b`.
pub(crate) fn arg(text: &Text) -> String {
    join(text, string, "+")
}

/// [`text`] for a multi-line text, its literal pieces as [`block`]s.
pub(crate) fn text_block(text: &Text) -> String {
    join(text, block, " + ")
}

fn join(text: &Text, literal: fn(&str) -> String, plus: &str) -> String {
    if let Some(whole) = text.without_vars() {
        return literal(&whole);
    }
    let mut out = String::with_capacity(64);
    for (index, segment) in text.segments().iter().enumerate() {
        if index > 0 {
            out.push_str(plus);
        }
        match segment {
            Segment::Var(var) => out.push_str(&env(var)),
            Segment::Literal(piece) | Segment::Placeholder(piece) => out.push_str(&literal(piece)),
            Segment::File(path) => {
                out.push_str("fileText(");
                out.push_str(&string(path));
                out.push(')');
            }
            Segment::FileBase64(path) => {
                out.push_str("base64File(");
                out.push_str(&string(path));
                out.push(')');
            }
        }
    }
    out
}

/// The value of `var`: `os.Getenv("NAME")`, `envOr("NAME", "default")` for an unset
/// or empty one (as the shell's `${NAME:-default}`), form-encoded as asked.
pub(crate) fn env(var: &Var) -> String {
    let read = match &var.default {
        None => format!("os.Getenv({})", string(&var.name)),
        Some(default) => format!("envOr({}, {})", string(&var.name), string(default)),
    };
    match var.form_encoded {
        None => read,
        // url.QueryEscape is curl's --data-urlencode: `-._~` kept, a space as `+`.
        Some(Escapes::Uppercase) => format!("url.QueryEscape({read})"),
        Some(Escapes::Lowercase) => format!("urlQueryEncode({read})"),
    }
}

/// The lines that stop the snippet, naming `name`, when the variable is unset or
/// empty (as the shell's `${NAME:?}`), before it sends anything.
pub(crate) fn check(name: &str) -> String {
    format!("if os.Getenv(\"{name}\") == \"\" {{\n\t\tlog.Fatal(\"{name} is not set\")\n\t}}")
}

/// A JSON body as the text sent: a raw string of the JSON, or the concatenation of
/// its pieces and its variables' reads. Go's own encoder would sort the keys and
/// escape `<`, `>` and `&`: not curl's bytes.
pub(crate) fn json(body: JsonBody, indent: usize) -> String {
    text_block(&body.text(indent))
}

/// The function [`env`] calls for a variable with a default.
pub(crate) const ENV_OR: &str = "\
// envOr returns the environment variable name, or fallback when it is unset or empty.
func envOr(name, fallback string) string {
\tif value := os.Getenv(name); value != \"\" {
\t\treturn value
\t}
\treturn fallback
}";

/// The function [`env`] calls for a variable curl's `--url-query` encodes.
pub(crate) const URL_QUERY_ENCODE: &str = "\
// urlQueryEncode encodes value as curl's --url-query before curl 8.20: as
// url.QueryEscape, its escapes in lowercase hex.
func urlQueryEncode(value string) string {
\tencoded := []byte(url.QueryEscape(value))
\tfor i := range encoded {
\t\tif encoded[i] == '%' {
\t\t\tcopy(encoded[i+1:i+3], bytes.ToLower(encoded[i+1:i+3]))
\t\t}
\t}
\treturn string(encoded)
}";

/// The function a text calls for the text of a file (`$(cat FILE)`).
pub(crate) const FILE_TEXT: &str = "\
// fileText returns the text of the file at path without its last line breaks, as
// the shell's $(cat path) does (~/ is the home folder).
func fileText(path string) string {
\tif strings.HasPrefix(path, \"~/\") {
\t\thome, err := os.UserHomeDir()
\t\tif err != nil {
\t\t\tlog.Fatal(err)
\t\t}
\t\tpath = home + path[1:]
\t}
\treturn strings.TrimRight(string(readFile(path)), \"\\n\")
}";

/// The function that encodes a file's bytes in base64 (with [`READ_FILE`], and
/// `encoding/base64`).
pub(crate) const BASE64_FILE: &str = "\
// base64File returns the bytes of the file at path in standard padded base64.
func base64File(path string) string {
\treturn base64.StdEncoding.EncodeToString(readFile(path))
}";

/// The function that reads a file's bytes.
pub(crate) const READ_FILE: &str = "\
// readFile returns the bytes of the file at path.
func readFile(path string) []byte {
\tdata, err := os.ReadFile(path)
\tif err != nil {
\t\tlog.Fatal(err)
\t}
\treturn data
}";

/// The function that adds a part to a multipart form.
pub(crate) const WRITE_PART: &str = "\
// writePart adds a part with these headers and content to the form.
func writePart(form *multipart.Writer, header textproto.MIMEHeader, content []byte) {
\tpart, err := form.CreatePart(header)
\tif err != nil {
\t\tlog.Fatal(err)
\t}
\tif _, err := part.Write(content); err != nil {
\t\tlog.Fatal(err)
\t}
}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_strings() {
        let cases = [
            ("plain", r#""plain""#),
            ("a\nb\rc\td\0", r#""a\nb\rc\td\u0000""#),
            (r#"say "hi" \"#, r#"`say "hi" \`"#),
            ("`\"", r#""`\"""#),
            ("\u{85}\u{202e}x", r#""\u0085\u202ex""#),
            ("$x %s #{y} 🤗 中文", r#""$x %s #{y} 🤗 中文""#),
        ];
        for (text, expected) in cases {
            assert_eq!(string(text), expected, "{text:?}");
        }
    }

    #[test]
    fn texts_with_variables() {
        let mut text = Text::from("Bearer ");
        text.push(Segment::Var(Var::new("HF_TOKEN")));
        text.push_str("!");
        assert_eq!(
            super::text(&text),
            r#""Bearer " + os.Getenv("HF_TOKEN") + "!""#
        );
        let var = Var::with_default("Q", "a b").form_encoded(Escapes::Uppercase);
        assert_eq!(env(&var), r#"url.QueryEscape(envOr("Q", "a b"))"#);
        assert_eq!(block("{\n  \"a\": `\n}"), r#""{\n  \"a\": `\n}""#);
    }
}
