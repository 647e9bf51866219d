//! Every string literal of every target language is written here, one module per
//! language. Templates never quote by hand.
//!
//! JSON values become literals of each language through one layout routine,
//! [`pretty`], so that a payload looks the same in every snippet. What the views'
//! shared phases ask of a language (a request's text as an expression, a header) is
//! its [`Syntax`]; a JSON body, value or template, is a [`JsonBody`].

pub(crate) mod go;
pub(crate) mod java;
pub(crate) mod js;
pub(crate) mod php;
pub(crate) mod python;
pub(crate) mod ruby;
pub(crate) mod rust;
pub(crate) mod shell;

use std::collections::HashMap;

use serde_json::Value;

use crate::model::{JsonTemplate, Slot};
use crate::text::{Segment, Text};

/// How one language spells the scalars of a JSON value.
pub(crate) trait Literal {
    fn null(&self) -> &'static str;
    fn boolean(&self, value: bool) -> &'static str;
    fn string(&self, text: &str) -> String;
    /// An object key, followed by the language's separator (`": "` or `: `).
    fn key(&self, name: &str) -> String;
    /// The character after the last item of a multi-line collection (`,` or nothing).
    fn trailing_comma(&self) -> &'static str;
    /// [`Literal::string`] written at the end of `out`: a language that can writes it
    /// in place, without a string of its own.
    fn write_string(&self, out: &mut String, text: &str) {
        out.push_str(&self.string(text));
    }
    /// [`Literal::key`] written at the end of `out`.
    fn write_key(&self, out: &mut String, name: &str) {
        out.push_str(&self.key(name));
    }
    /// What opens and closes an object: `{` and `}` (PHP's arrays: `[` and `]`).
    fn object(&self) -> (&'static str, &'static str) {
        ("{", "}")
    }
    /// An empty object: `{}` (PHP: `new \stdClass()`, an empty array being a list).
    fn empty_object(&self) -> &'static str {
        "{}"
    }
}

/// How one language writes what the views' shared phases need: its headers and
/// its literals. Each language's module implements it on its unit type (`Python`, `Js`,
/// `Rust`, `Shell`), and the shared phases of `render` (the headers, the token, the
/// saved answer) are written once against it.
pub(crate) trait Syntax {
    /// A header as the language writes it: its name and value expressions (an entry
    /// of a dict or an object, a call's arguments), or curl's one `-H` word.
    type Header;
    /// A string literal holding exactly `text`.
    fn literal(&self, text: &str) -> String;
    /// The header `name: value`.
    fn header(&self, name: &str, value: &Text) -> Self::Header;
    /// The header of a token read from the variable `name`, `Authorization: Bearer`
    /// and its value: [`Syntax::header`] of that text, written directly as nearly
    /// every snippet sends one (a test of `render/headers.rs` holds each language
    /// to it).
    fn bearer_header(&self, name: &str) -> Self::Header;
    /// The `Authorization` header of `user:password` (`credentials`) in a language
    /// whose clients do not encode basic auth themselves; `None` when they do.
    fn basic_header(&self, _credentials: &Text) -> Option<Self::Header> {
        None
    }
}

/// A JSON body: a value, or a template whose slots variables fill.
#[derive(Clone, Copy, Debug)]
pub(crate) enum JsonBody<'a> {
    Value(&'a Value),
    Template(&'a JsonTemplate),
}

impl<'a> JsonBody<'a> {
    /// The document (a template's slots hold `null`).
    pub(crate) fn value(self) -> &'a Value {
        match self {
            JsonBody::Value(value) => value,
            JsonBody::Template(template) => &template.value,
        }
    }

    /// Whether a variable fills a number, which the snippet parses from its text.
    pub(crate) fn reads_numbers(self) -> bool {
        match self {
            JsonBody::Value(_) => false,
            JsonBody::Template(template) => template.slots.iter().any(|slot| slot.number),
        }
    }

    /// The body as the JSON text sent, laid out as [`pretty`] writes JSON, reading
    /// each slot's variables where it stands (see [`template_text`]): for clients
    /// that send text.
    pub(crate) fn text(self, indent: usize) -> Text {
        match self {
            JsonBody::Value(value) => Text::from(pretty(value, &Json, indent)),
            JsonBody::Template(template) => template_text(template, indent),
        }
    }

    /// The body as a value of `syntax` (a dict, an object), each slot what `fill`
    /// writes: for clients that encode JSON themselves.
    pub(crate) fn pretty(
        self,
        syntax: &dyn Literal,
        indent: usize,
        fill: &dyn Fn(&Slot) -> String,
    ) -> String {
        match self {
            JsonBody::Value(value) => pretty(value, syntax, indent),
            JsonBody::Template(template) => pretty_template(template, syntax, indent, fill),
        }
    }
}

/// JSON itself, as the body text of curl and reqwest snippets.
pub(crate) struct Json;

impl Literal for Json {
    fn null(&self) -> &'static str {
        "null"
    }
    fn boolean(&self, value: bool) -> &'static str {
        if value { "true" } else { "false" }
    }
    /// serde_json's escaping, plus `\\uXXXX` for the hidden characters it leaves raw
    /// (DEL, bidi controls, line separators): the same JSON, visible in a page.
    fn string(&self, text: &str) -> String {
        // Serialising a `str` cannot fail; no `Value` copy of the text is made.
        let escaped = serde_json::to_string(text).unwrap_or_default();
        if !escaped.chars().any(is_hidden) {
            return escaped;
        }
        let mut out = String::with_capacity(escaped.len() + 8);
        for c in escaped.chars() {
            if is_hidden(c) {
                for unit in c.encode_utf16(&mut [0; 2]) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            } else {
                out.push(c);
            }
        }
        out
    }
    fn key(&self, name: &str) -> String {
        format!("{}: ", self.string(name))
    }
    fn trailing_comma(&self) -> &'static str {
        ""
    }
    fn write_string(&self, out: &mut String, text: &str) {
        // Visible ASCII but `"` and `\`, the common case, is its own JSON.
        if text.bytes().all(|byte| PLAIN[usize::from(byte)]) {
            out.push('"');
            out.push_str(text);
            out.push('"');
        } else {
            out.push_str(&self.string(text));
        }
    }
    fn write_key(&self, out: &mut String, name: &str) {
        self.write_string(out, name);
        out.push_str(": ");
    }
}

/// Collections whose one-line form is at most this long stay on one line.
const INLINE_WIDTH: usize = 60;

/// `value` as a literal of `syntax`, four spaces an indent level, starting at
/// `indent` levels: objects and arrays one item a line, short flat ones inline
/// (but never the outermost one, which holds the payload's main keys).
pub(crate) fn pretty(value: &Value, syntax: &dyn Literal, indent: usize) -> String {
    let mut out = String::new();
    Writer {
        syntax,
        holes: None,
        pointer: String::new(),
    }
    .value(&mut out, value, indent, false);
    out
}

/// [`pretty`] of a JSON template: the place of each slot is what `fill` writes.
pub(crate) fn pretty_template(
    template: &JsonTemplate,
    syntax: &dyn Literal,
    indent: usize,
    fill: &dyn Fn(&Slot) -> String,
) -> String {
    let mut out = String::new();
    // A map, not a search: a body may read thousands of variables.
    let slots = template
        .slots
        .iter()
        .map(|slot| (slot.pointer.as_str(), slot))
        .collect();
    Writer {
        syntax,
        holes: Some((slots, fill)),
        pointer: String::new(),
    }
    .value(&mut out, &template.value, indent, false);
    out
}

/// A JSON template as text, laid out as [`pretty`] writes JSON, with each slot's
/// variables read where the slot stands: a string slot inside quotes (its literal
/// text escaped for JSON), a number slot bare. For clients that send the body as
/// text (curl, reqwest).
pub(crate) fn template_text(template: &JsonTemplate, indent: usize) -> Text {
    // Marks where each slot goes; a noncharacter, escaped wherever the JSON holds it.
    const OPEN: char = '\u{FDD0}';
    const CLOSE: char = '\u{FDD1}';
    let indexes: HashMap<&str, usize> = template
        .slots
        .iter()
        .enumerate()
        .map(|(index, slot)| (slot.pointer.as_str(), index))
        .collect();
    let json = pretty_template(template, &MarkedJson, indent, &|slot| {
        let index = indexes.get(slot.pointer.as_str()).copied();
        format!("{OPEN}{}{CLOSE}", index.unwrap_or_default())
    });
    let mut text = Text::new();
    let mut rest = json.as_str();
    while let Some(start) = rest.find(OPEN) {
        text.push_str(&rest[..start]);
        let after = &rest[start + OPEN.len_utf8()..];
        let end = after.find(CLOSE).unwrap_or(after.len());
        if let Some(slot) = after[..end]
            .parse::<usize>()
            .ok()
            .and_then(|at| template.slots.get(at))
        {
            if !slot.number {
                text.push_str("\"");
            }
            for segment in slot.text.segments() {
                match segment {
                    Segment::Literal(literal) | Segment::Placeholder(literal) if !slot.number => {
                        let quoted = Json.string(literal);
                        text.push_str(&quoted[1..quoted.len() - 1]);
                    }
                    other => text.push(other.clone()),
                }
            }
            if !slot.number {
                text.push_str("\"");
            }
        }
        rest = after.get(end + CLOSE.len_utf8()..).unwrap_or_default();
    }
    text.push_str(rest);
    text
}

/// JSON whose strings never hold the marks of [`template_text`] raw.
struct MarkedJson;

impl Literal for MarkedJson {
    fn null(&self) -> &'static str {
        Json.null()
    }
    fn boolean(&self, value: bool) -> &'static str {
        Json.boolean(value)
    }
    fn string(&self, text: &str) -> String {
        Json.string(text)
            .replace('\u{FDD0}', "\\ufdd0")
            .replace('\u{FDD1}', "\\ufdd1")
    }
    fn key(&self, name: &str) -> String {
        format!("{}: ", self.string(name))
    }
    fn trailing_comma(&self) -> &'static str {
        Json.trailing_comma()
    }
}

/// The slots of a template by their JSON Pointer, and how a language fills each.
type Holes<'a> = (HashMap<&'a str, &'a Slot>, &'a dyn Fn(&Slot) -> String);

/// Writes JSON values in a language's syntax, and the holes of a template.
struct Writer<'a> {
    syntax: &'a dyn Literal,
    holes: Option<Holes<'a>>,
    /// The JSON Pointer of the value being written (kept only with holes).
    pointer: String,
}

impl Writer<'_> {
    fn value(&mut self, out: &mut String, value: &Value, indent: usize, may_inline: bool) {
        if let Some((slots, fill)) = &self.holes
            && let Some(slot) = slots.get(self.pointer.as_str())
        {
            out.push_str(&fill(slot));
            return;
        }
        let syntax = self.syntax;
        match value {
            Value::Null => out.push_str(syntax.null()),
            Value::Bool(value) => out.push_str(syntax.boolean(*value)),
            Value::Number(number) => {
                use std::fmt::Write;
                let _ = write!(out, "{number}");
            }
            Value::String(text) => syntax.write_string(out, text),
            Value::Array(items) if items.is_empty() => out.push_str("[]"),
            Value::Object(map) if map.is_empty() => out.push_str(syntax.empty_object()),
            Value::Array(items) => {
                if may_inline && let Some(inline) = self.inline(value) {
                    return out.push_str(&inline);
                }
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    newline(out, indent + 1);
                    self.below(Step::Index(index), |writer| {
                        writer.value(out, item, indent + 1, true)
                    });
                    separator(out, index + 1 == items.len(), syntax);
                }
                newline(out, indent);
                out.push(']');
            }
            Value::Object(map) => {
                if may_inline && let Some(inline) = self.inline(value) {
                    return out.push_str(&inline);
                }
                out.push_str(syntax.object().0);
                for (index, (key, item)) in map.iter().enumerate() {
                    newline(out, indent + 1);
                    syntax.write_key(out, key);
                    self.below(Step::Key(key), |writer| {
                        writer.value(out, item, indent + 1, true)
                    });
                    separator(out, index + 1 == map.len(), syntax);
                }
                newline(out, indent);
                out.push_str(syntax.object().1);
            }
        }
    }

    /// Runs `write` with the pointer one `step` deeper, when holes need it (a
    /// payload without holes keeps no pointer, and spells no index).
    fn below(&mut self, step: Step, write: impl FnOnce(&mut Self)) {
        if self.holes.is_none() {
            return write(self);
        }
        let length = self.pointer.len();
        self.pointer.push('/');
        match step {
            Step::Index(index) => self.pointer.push_str(&index.to_string()),
            Step::Key(key) => self
                .pointer
                .push_str(&key.replace('~', "~0").replace('/', "~1")),
        }
        write(self);
        self.pointer.truncate(length);
    }

    /// The one-line form of a collection of scalars, when it is short enough.
    fn inline(&mut self, value: &Value) -> Option<String> {
        let scalar = |item: &Value| !item.is_array() && !item.is_object();
        let mut out = String::new();
        match value {
            Value::Array(items) if items.iter().all(scalar) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push_str(", ");
                    }
                    self.below(Step::Index(index), |writer| {
                        writer.value(&mut out, item, 0, false)
                    });
                }
                out.push(']');
            }
            Value::Object(map) if map.values().all(scalar) => {
                out.push_str(self.syntax.object().0);
                for (index, (key, item)) in map.iter().enumerate() {
                    if index > 0 {
                        out.push_str(", ");
                    }
                    self.syntax.write_key(&mut out, key);
                    self.below(Step::Key(key), |writer| {
                        writer.value(&mut out, item, 0, false)
                    });
                }
                out.push_str(self.syntax.object().1);
            }
            _ => return None,
        }
        (out.len() <= INLINE_WIDTH).then_some(out)
    }
}

/// One step of a JSON Pointer: an array's index or an object's key.
#[derive(Clone, Copy)]
enum Step<'a> {
    Index(usize),
    Key(&'a str),
}

fn newline(out: &mut String, indent: usize) {
    out.push('\n');
    out.extend(std::iter::repeat_n("    ", indent));
}

fn separator(out: &mut String, last: bool, syntax: &dyn Literal) {
    out.push_str(if last { syntax.trailing_comma() } else { "," });
}

/// `text` in double quotes with the escapes Python, JavaScript and Rust share
/// (`\"`, `\\`, `\n`, `\r`, `\t`); `hidden` writes the escape of any other
/// [hidden](is_hidden) character in the language's own notation.
pub(crate) fn double_quoted(text: &str, hidden: fn(&mut String, char)) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    double_quoted_into(&mut out, text, hidden);
    out
}

/// [`double_quoted`], written at the end of `out`.
pub(crate) fn double_quoted_into(out: &mut String, text: &str, hidden: fn(&mut String, char)) {
    out.reserve(text.len() + 2);
    out.push('"');
    // Runs of characters written as they are are copied whole. Visible ASCII, the
    // common case, is decided by its byte; only other characters are decoded.
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index..].iter().position(|&b| !PLAIN[usize::from(b)]) {
            Some(skip) => index += skip,
            None => break,
        }
        let c = text[index..].chars().next().unwrap_or_default();
        let next = index + c.len_utf8();
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            c if !is_hidden(c) => {
                index = next;
                continue;
            }
            _ => "",
        };
        out.push_str(&text[copied..index]);
        if escape.is_empty() {
            hidden(out, c);
        } else {
            out.push_str(escape);
        }
        copied = next;
        index = next;
    }
    out.push_str(&text[copied..]);
    out.push('"');
}

/// The bytes [`double_quoted`] copies without a look: visible ASCII but `"` and `\`.
const PLAIN: [bool; 256] = {
    let mut plain = [false; 256];
    let mut byte = b' ';
    while byte <= b'~' {
        plain[byte as usize] = byte != b'"' && byte != b'\\';
        byte += 1;
    }
    plain
};

/// `\xNN` below U+0100, else `\uNNNN`: Python and JavaScript read both alike.
/// Every hidden character is in the Basic Multilingual Plane.
pub(crate) fn hex_escape(out: &mut String, c: char) {
    use std::fmt::Write;
    let code = c as u32;
    let _ = if code < 0x100 {
        write!(out, "\\x{code:02x}")
    } else {
        write!(out, "\\u{code:04x}")
    };
}

/// Characters no snippet shows raw: they are invisible, reorder the text around them
/// ("Trojan source" bidi controls), or end a line in some language.
pub(crate) fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn layout() {
        let value = json!({"inputs": "hi", "parameters": {"labels": ["a", "b"], "k": {"x": 1}}});
        assert_eq!(
            pretty(&value, &Json, 0),
            "{\n    \"inputs\": \"hi\",\n    \"parameters\": {\n        \"labels\": [\"a\", \"b\"],\n        \"k\": {\"x\": 1}\n    }\n}"
        );
        assert_eq!(pretty(&json!("x"), &Json, 0), "\"x\"");
    }

    #[test]
    fn json_bodies_in_every_language() {
        use crate::text::Var;
        let slot = |pointer: &str, name: &str, number| Slot {
            pointer: pointer.into(),
            text: Text::var(Var::new(name)),
            number,
        };
        let template = JsonTemplate {
            value: json!({"model": null, "n": null}),
            slots: vec![slot("/model", "M", false), slot("/n", "N", true)],
        };
        let body = JsonBody::Template(&template);
        assert!(body.reads_numbers());
        assert_eq!(
            python::json(body, 0),
            "{\n    \"model\": os.environ[\"M\"],\n    \"n\": json.loads(os.environ[\"N\"]),\n}"
        );
        assert_eq!(
            js::json(body, 0),
            "{\n    model: process.env.M,\n    n: JSON.parse(process.env.N),\n}"
        );
        assert_eq!(
            body.text(0).to_string(),
            "{\n    \"model\": \"${M}\",\n    \"n\": ${N}\n}"
        );
        let value = json!({"a": 1});
        assert!(!JsonBody::Value(&value).reads_numbers());
        assert_eq!(
            rust::json(JsonBody::Value(&value), 0),
            "r#\"{\n    \"a\": 1\n}\"#"
        );
    }

    #[test]
    fn json_layout_round_trips() {
        let value =
            json!({"a": [1, 2.5, -3e-7, null, true, {"b": "\u{0}\"\\\u{7f}\u{202e}"}], "c": {}});
        let text = pretty(&value, &Json, 2);
        assert!(!text.chars().any(|c| c != '\n' && is_hidden(c)), "{text}");
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), value);
    }
}
