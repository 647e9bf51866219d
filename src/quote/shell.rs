//! POSIX shell words, for curl snippets.

use std::borrow::Cow;

use super::Syntax;
use crate::text::{Segment, Text, Var};

/// The shell, for the shared phases of the views: a header is curl's `-H` word.
pub(crate) struct Shell;

impl Syntax for Shell {
    type Header = String;
    fn literal(&self, text: &str) -> String {
        word(text)
    }
    fn header(&self, name: &str, value: &Text) -> String {
        header(name, value)
    }
    fn bearer_header(&self, name: &str) -> String {
        // A variable's name needs no escaping in double quotes.
        format!("\"Authorization: Bearer ${{{name}:?}}\"")
    }
}

/// `text` as one shell word: unchanged when it is plain, else single-quoted with
/// `'\''` for each apostrophe, so nothing in it is expanded.
///
/// A shell word cannot hold NUL; callers refuse such text before quoting.
pub(crate) fn word(text: &str) -> String {
    // `unix::escape` on purpose: the top-level `escape` switches to cmd rules on Windows.
    shell_escape::unix::escape(Cow::Borrowed(text)).into_owned()
}

/// `text` as one shell word that expands its variables: `"${NAME:?}"` stops the
/// command, naming the variable, when it is unset or empty; `"${NAME:-default}"`
/// uses the default. Text without variables is [`word`]. The word is double-quoted
/// when the literal text reads well that way, else single-quoted pieces and
/// double-quoted variables are joined.
///
/// A shell word cannot hold NUL; callers refuse such text before quoting.
pub(crate) fn text(text: &Text) -> String {
    match text.without_vars() {
        Some(literal) => word(&literal),
        None => joined("", text),
    }
}

/// The word of curl's `-H` for a header: `Name: value` as [`text`] writes it, or
/// `Name;`, curl's way to send a header empty (`Name:` would remove it). The same
/// word as the text of the two, without building that text.
pub(crate) fn header(name: &str, value: &Text) -> String {
    if value.is_empty() {
        return word(&format!("{name};"));
    }
    let mut prefix = String::with_capacity(name.len() + 2 + 48);
    prefix.push_str(name);
    prefix.push_str(": ");
    match value.without_vars() {
        Some(literal) => {
            prefix.push_str(&literal);
            word(&prefix)
        }
        None => joined(&prefix, value),
    }
}

/// The literal text of a segment.
fn literal(segment: &Segment) -> Option<&str> {
    match segment {
        Segment::Literal(text) | Segment::Placeholder(text) => Some(text),
        _ => None,
    }
}

/// [`text`] of literal `prefix` followed by `text`, which reads a variable or a file:
/// `prefix` is one piece with a literal that starts `text`, as in a [`Text`].
fn joined(prefix: &str, text: &Text) -> String {
    // `!` expands history in an interactive shell's double quotes; quotes would need
    // a backslash each.
    let plain = std::iter::once(prefix)
        .chain(text.segments().iter().filter_map(literal))
        .all(|text| !text.contains(['!', '"', '\n', '\r']));
    let mut out = String::with_capacity(64);
    if plain {
        out.push('"');
        push_escaped(&mut out, prefix);
        for segment in text.segments() {
            match segment {
                Segment::Var(var) => push_expansion(&mut out, var),
                // The reader keeps the path plain: no quotes, spaces or `$`.
                Segment::File(path) => out.push_str(&format!("$(cat {path})")),
                Segment::FileBase64(path) => out.push_str(&base64(path)),
                other => push_escaped(&mut out, literal(other).unwrap_or_default()),
            }
        }
        out.push('"');
        return out;
    }
    let mut segments = text.segments();
    if !prefix.is_empty() {
        match segments.split_first() {
            Some((Segment::Literal(first), rest)) => {
                out.push_str(&single_quoted(&format!("{prefix}{first}")));
                segments = rest;
            }
            _ => out.push_str(&single_quoted(prefix)),
        }
    }
    for segment in segments {
        match segment {
            Segment::Var(var) => {
                out.push('"');
                push_expansion(&mut out, var);
                out.push('"');
            }
            Segment::File(path) => out.push_str(&format!("\"$(cat {path})\"")),
            Segment::FileBase64(path) => {
                out.push('"');
                out.push_str(&base64(path));
                out.push('"');
            }
            other => out.push_str(&single_quoted(literal(other).unwrap_or_default())),
        }
    }
    out
}

/// The bytes of the file at `path` in standard padded base64, for double quotes:
/// `base64` reads standard input alike on Linux, macOS and BSD, and GNU's breaks
/// its lines, which `tr` drops. The curl reader reads back exactly this.
pub(crate) fn base64(path: &str) -> String {
    format!("$(base64 < {} | tr -d '\\n')", word(path))
}

/// `text` inside double quotes: `\\`, `$` and backquotes escaped.
fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        if matches!(c, '\\' | '$' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
}

/// `${NAME:?}`, or `${NAME:-default}`: the reader keeps defaults free of quotes,
/// `$`, backquotes, backslashes, `}` and `!`.
fn push_expansion(out: &mut String, var: &Var) {
    out.push_str("${");
    out.push_str(&var.name);
    match &var.default {
        Some(default) => {
            out.push_str(":-");
            out.push_str(default);
        }
        None => out.push_str(":?"),
    }
    out.push('}');
}

/// `text` in single quotes, `'\''` for each apostrophe (even when it needs none).
fn single_quoted(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// A value in curl's own `-F` syntax, double-quoted so `;` and `=` inside it
/// are not read as parameters (`@"my;file.png"`).
pub(crate) fn form_quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_words() {
        let cases = [
            ("plain-word_1.0", "plain-word_1.0"),
            ("", "''"),
            ("it's", r"'it'\''s'"),
            ("$(rm -rf ~) `id` $HOME", "'$(rm -rf ~) `id` $HOME'"),
            ("hi!", r"'hi'\!''"),
            ("a\nb\r\tc", "'a\nb\r\tc'"),
            ("\\\"", "'\\\"'"),
            ("emoji 🤗 中文", "'emoji 🤗 中文'"),
        ];
        for (text, expected) in cases {
            assert_eq!(word(text), expected, "{text:?}");
        }
    }

    #[test]
    fn a_header_is_the_text_of_its_line() {
        let values = [
            vec!["application/json"],
            vec!["Bearer ", "=HF_TOKEN"],
            vec!["it's ", "=X", "!"],
            vec!["=A", "\"q\" $`\\"],
            vec!["a\nb ", "=B"],
        ];
        for parts in values {
            let value = text_of(&parts);
            let mut line = Text::from("X-Name: ");
            line.extend(value.clone());
            assert_eq!(header("X-Name", &value), text(&line), "{parts:?}");
        }
        let mut placeholder = Text::new();
        placeholder.push(Segment::Placeholder("<it's>".into()));
        placeholder.push(Segment::Var(Var::new("V")));
        let mut line = Text::from("X: ");
        line.extend(placeholder.clone());
        assert_eq!(header("X", &placeholder), text(&line));
        assert_eq!(header("X", &Text::new()), "'X;'");
    }

    #[test]
    fn form_values() {
        assert_eq!(form_quoted(r#"a;b"c\d"#), r#""a;b\"c\\d""#);
    }

    /// A text of literal parts and `=NAME` variables.
    fn text_of(parts: &[&str]) -> Text {
        let mut text = Text::new();
        for part in parts {
            match part.strip_prefix('=') {
                Some(name) => text.push(Segment::Var(Var::new(name))),
                None => text.push_str(part),
            }
        }
        text
    }

    #[test]
    fn variables_expand_and_nothing_else_does() {
        let cases = [
            (
                vec!["Authorization: Bearer ", "=HF_TOKEN"],
                r#""Authorization: Bearer ${HF_TOKEN:?}""#,
            ),
            (vec!["$`\\ ", "=T"], r#""\$\`\\ ${T:?}""#),
            // Quotes, `!` and line breaks read better in single quotes.
            (vec!["{\"a\": \"", "=A", "\"}"], r#"'{"a": "'"${A:?}"'"}'"#),
            (vec!["it's ", "=X", "!"], r#"'it'\''s '"${X:?}"'!'"#),
            (vec!["=URL", "/generate"], r#""${URL:?}/generate""#),
        ];
        for (parts, expected) in cases {
            assert_eq!(text(&text_of(&parts)), expected, "{parts:?}");
        }
        let mut with_default = Text::var(Var::with_default("MODEL", "tgi"));
        with_default.push_str("-x");
        assert_eq!(text(&with_default), r#""${MODEL:-tgi}-x""#);
        assert_eq!(text(&Text::from("plain")), "plain");
    }
}
