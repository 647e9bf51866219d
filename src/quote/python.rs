//! Python string literals and JSON values as Python expressions.

use super::{Literal, double_quoted, hex_escape};

/// A double-quoted Python string literal holding exactly `text`.
pub(crate) fn string(text: &str) -> String {
    double_quoted(text, hex_escape)
}

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
