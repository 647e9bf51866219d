//! Ruby string literals and JSON values as Ruby hashes.

use std::fmt::Write;

use super::{JsonBody, Literal, Syntax, double_quoted_into};
use crate::model::FileBytes;
use crate::text::{Escapes, Segment, Text, Var};

/// A double-quoted Ruby string literal holding exactly `text`: `#{`, `#@` and `#$`,
/// which would interpolate, are escaped.
pub(crate) fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_string(&mut out, text);
    out
}

/// [`string`], written at the end of `out`.
fn push_string(out: &mut String, text: &str) {
    let start = out.len();
    double_quoted_into(out, text, unicode_escape);
    escape_interpolation(out, start);
}

/// `#` before `{`, `@` or `$` in `out[start..]` escaped as `\#`. No escape the
/// quoting writes holds a `#`: each one there is the text's own.
fn escape_interpolation(out: &mut String, start: usize) {
    let written = &out[start..];
    if !written
        .as_bytes()
        .windows(2)
        .any(|pair| pair[0] == b'#' && matches!(pair[1], b'{' | b'@' | b'$'))
    {
        return;
    }
    let mut escaped = String::with_capacity(written.len() + 4);
    let mut chars = written.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '#' && matches!(chars.peek(), Some('{' | '@' | '$')) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    out.truncate(start);
    out.push_str(&escaped);
}

/// `\u{..}`: Ruby's escape of a hidden character (`\x..` would be a byte, not a
/// character).
fn unicode_escape(out: &mut String, c: char) {
    let _ = write!(out, "\\u{{{:x}}}", c as u32);
}

/// `text` as a Ruby expression: a string literal; `ENV.fetch("NAME")` for a
/// variable alone; an interpolating string for text around variables.
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
    out.push('"');
    for segment in segments {
        match segment {
            Segment::Var(var) => {
                out.push_str("#{");
                push_env(&mut out, var);
                out.push('}');
            }
            Segment::File(path) => {
                out.push_str("#{");
                out.push_str(&file(path));
                out.push('}');
            }
            Segment::FileBase64(path) => {
                out.push_str("#{");
                out.push_str(&file_base64(path));
                out.push('}');
            }
            Segment::Literal(literal) | Segment::Placeholder(literal) => {
                // The literal's quotes go: it is a piece of this string.
                let start = out.len();
                push_string(&mut out, literal);
                out.pop();
                out.remove(start);
            }
        }
    }
    out.push('"');
    out
}

/// The text of the file at `path` without its last line breaks, as the shell's
/// `$(cat FILE)` (`~/` is the home folder).
pub(crate) fn file(path: &str) -> String {
    let path = match path.strip_prefix("~/") {
        Some(_) => format!("File.expand_path({})", string(path)),
        None => string(path),
    };
    format!("File.read({path}).sub(/\\n+\\z/, \"\")")
}

/// The bytes of the file at `path` in standard padded base64 on one line (`pack`'s
/// `m0`: the `base64` library is a gem of its own since Ruby 3.4).
pub(crate) fn file_base64(path: &str) -> String {
    format!("[File.binread({})].pack(\"m0\")", string(path))
}

/// The bytes of the file at `path` as the request reads its file.
pub(crate) fn file_bytes(path: &str, bytes: FileBytes) -> String {
    let path = string(path);
    match bytes {
        // curl's `-d @file` drops CR and LF bytes.
        FileBytes::StripLineBreaks => format!("File.binread({path}).delete(\"\\r\\n\")"),
        // The shell's `"$(cat file)"` drops the line breaks at the end.
        FileBytes::TrimTrailingNewlines => format!("File.binread({path}).sub(/\\n+\\z/, \"\")"),
        FileBytes::AsIs => format!("File.binread({path})"),
    }
}

/// The value of `var`: `ENV.fetch("NAME")` (a `KeyError` naming it when unset, before
/// anything is sent), or `env_or("NAME", "default")` for an unset or empty one, as
/// the shell's `${NAME:-default}` (the snippet defines `env_or`, see [`ENV_OR`]).
pub(crate) fn env(var: &Var) -> String {
    let mut out = String::with_capacity(var.name.len() + 16);
    push_env(&mut out, var);
    out
}

/// [`env`], written at the end of `out`.
fn push_env(out: &mut String, var: &Var) {
    out.push_str(match var.form_encoded {
        None => "",
        Some(Escapes::Uppercase) => "form_encode(",
        Some(Escapes::Lowercase) => "url_query_encode(",
    });
    match &var.default {
        None => {
            out.push_str("ENV.fetch(");
            // A variable's name needs no escaping.
            out.push('"');
            out.push_str(&var.name);
            out.push_str("\")");
        }
        Some(default) => {
            out.push_str("env_or(\"");
            out.push_str(&var.name);
            out.push_str("\", ");
            push_string(out, default);
            out.push(')');
        }
    }
    if var.form_encoded.is_some() {
        out.push(')');
    }
}

/// The method [`env`] calls for a variable with a default, defined before its use.
pub(crate) const ENV_OR: &str = r#"# The environment variable `name`, or `default` when it is unset or empty.
def env_or(name, default)
  value = ENV.fetch(name, "")
  value.empty? ? default : value
end"#;

/// The method [`env`] calls for a form-encoded variable.
/// `URI.encode_www_form_component` keeps `*` and escapes `~`; curl does the reverse.
pub(crate) const FORM_ENCODE: &str = r#"# A value encoded as curl's --data-urlencode does: letters, digits and -._~ kept,
# a space as +, every other byte as %XX.
def form_encode(value)
  URI.encode_www_form_component(value).gsub("*", "%2A").gsub("%7E", "~")
end"#;

/// The method [`env`] calls for a variable curl's `--url-query` encodes (after
/// [`FORM_ENCODE`]).
pub(crate) const URL_QUERY_ENCODE: &str = r#"# As curl's --url-query before curl 8.20: its escapes in lowercase hex.
def url_query_encode(value)
  form_encode(value).gsub(/%\h\h/, &:downcase)
end"#;

/// JSON as a Ruby hash: `nil`, `"key" => value`, trailing commas.
pub(crate) struct Ruby;

impl Literal for Ruby {
    fn null(&self) -> &'static str {
        "nil"
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
}

impl Syntax for Ruby {
    /// The name and value of `request[name] = value`.
    type Header = (String, String);
    fn literal(&self, text: &str) -> String {
        string(text)
    }
    fn header(&self, name: &str, value: &Text) -> (String, String) {
        (string(name), text(value))
    }
    fn bearer_header(&self, name: &str) -> (String, String) {
        // A variable's name needs no escaping.
        let value = format!("\"Bearer #{{ENV.fetch(\"{name}\")}}\"");
        (string("Authorization"), value)
    }
}

/// A JSON body as a Ruby hash for `JSON.generate`, each slot its variables' reads (a
/// number through `JSON.parse`), indented two spaces a level from `indent` levels.
/// Ruby's integers are exact and its hashes keep their order: every JSON value is
/// sent as it is.
pub(crate) fn json(body: JsonBody, indent: usize) -> String {
    let pretty = body.pretty(&Ruby, indent, &|slot| {
        let value = text(&slot.text);
        if slot.number {
            format!("JSON.parse({value})")
        } else {
            value
        }
    });
    two_spaces(&pretty)
}

/// The layout of [`pretty`](super::pretty), four spaces a level, at Ruby's two. A
/// line break is always the layout's: strings hold theirs escaped.
fn two_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let body = line.trim_start_matches(' ');
        let indent = line.len() - body.len();
        out.extend(std::iter::repeat_n(' ', indent / 2));
        out.push_str(body);
    }
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
            ("\0\x07\x7f\u{85}", r#""\u{0}\u{7}\u{7f}\u{85}""#),
            ("#{x} #@y #$z # {", r##""\#{x} \#@y \#$z # {""##),
            (r"\#{x}", r##""\\\#{x}""##),
            ("%s $(id) `id`", r#""%s $(id) `id`""#),
            ("\u{202e}rtl\u{2028}", r#""\u{202e}rtl\u{2028}""#),
            ("🤗 中文", r#""🤗 中文""#),
        ];
        for (text, expected) in cases {
            assert_eq!(string(text), expected, "{text:?}");
        }
    }

    #[test]
    fn texts_with_variables() {
        let mut text = Text::from("#{a} ");
        text.push(Segment::Var(Var::new("X")));
        text.push(Segment::Var(Var::with_default("Y", "d\"#{")));
        assert_eq!(
            super::text(&text),
            r##""\#{a} #{ENV.fetch("X")}#{env_or("Y", "d\"\#{")}""##
        );
    }

    #[test]
    fn json_is_indented_two_spaces() {
        let value = serde_json::json!({"a": [1, {"b": null, "c": "x\ny"}], "d": {}});
        assert_eq!(
            json(JsonBody::Value(&value), 0),
            "{\n  \"a\" => [\n    1,\n    {\"b\" => nil, \"c\" => \"x\\ny\"},\n  ],\n  \"d\" => {},\n}"
        );
    }
}
