//! POSIX shell words, for curl snippets.

use std::borrow::Cow;

use crate::text::{Segment, Text, Var};

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
    if let Some(literal) = text.without_vars() {
        return word(&literal);
    }
    fn literal(segment: &Segment) -> Option<&str> {
        match segment {
            Segment::Literal(text) | Segment::Placeholder(text) => Some(text),
            _ => None,
        }
    }
    // `!` expands history in an interactive shell's double quotes; quotes would need
    // a backslash each.
    let plain = text
        .segments()
        .iter()
        .filter_map(literal)
        .all(|text| !text.contains(['!', '"', '\n', '\r']));
    let mut out = String::new();
    if plain {
        out.push('"');
        for segment in text.segments() {
            match segment {
                Segment::Var(var) => out.push_str(&expansion(var)),
                // The reader keeps the path plain: no quotes, spaces or `$`.
                Segment::File(path) => out.push_str(&format!("$(cat {path})")),
                other => {
                    for c in literal(other).unwrap_or_default().chars() {
                        if matches!(c, '\\' | '$' | '`') {
                            out.push('\\');
                        }
                        out.push(c);
                    }
                }
            }
        }
        out.push('"');
        return out;
    }
    for segment in text.segments() {
        match segment {
            Segment::Var(var) => {
                out.push('"');
                out.push_str(&expansion(var));
                out.push('"');
            }
            Segment::File(path) => out.push_str(&format!("\"$(cat {path})\"")),
            other => out.push_str(&single_quoted(literal(other).unwrap_or_default())),
        }
    }
    out
}

/// `${NAME:?}`, or `${NAME:-default}`: the reader keeps defaults free of quotes,
/// `$`, backquotes, backslashes, `}` and `!`.
pub(crate) fn expansion(var: &Var) -> String {
    match &var.default {
        Some(default) => format!("${{{}:-{default}}}", var.name),
        None => format!("${{{}:?}}", var.name),
    }
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
