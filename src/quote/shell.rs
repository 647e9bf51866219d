//! POSIX shell words, for curl snippets.

use std::borrow::Cow;

/// `text` as one shell word: unchanged when it is plain, else single-quoted with
/// `'\''` for each apostrophe, so nothing in it is expanded.
///
/// A shell word cannot hold NUL; callers refuse such text before quoting.
pub(crate) fn word(text: &str) -> String {
    // `unix::escape` on purpose: the top-level `escape` switches to cmd rules on Windows.
    shell_escape::unix::escape(Cow::Borrowed(text)).into_owned()
}

/// A double-quoted word that expands `$name` after the literal `prefix`, such as
/// `"Authorization: Bearer $HF_TOKEN"`. `name` is a valid variable name.
pub(crate) fn with_variable(prefix: &str, name: &str) -> String {
    let mut out = String::from("\"");
    for c in prefix.chars() {
        if matches!(c, '"' | '\\' | '$' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('$');
    out.push_str(name);
    out.push('"');
    out
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

    #[test]
    fn variable_expands_but_prefix_does_not() {
        assert_eq!(
            with_variable("Authorization: Bearer ", "HF_TOKEN"),
            "\"Authorization: Bearer $HF_TOKEN\""
        );
        assert_eq!(with_variable("$`\"\\", "T"), "\"\\$\\`\\\"\\\\$T\"");
    }
}
