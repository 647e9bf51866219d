//! A string of a request that may read the environment: literal text, reads of
//! environment variables (with an optional default), and placeholders a reader
//! replaces by hand. Renderers write each piece in their language's idiom.

use std::fmt;

/// The value of an environment variable, read when the snippet runs.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Var {
    /// The variable's name: letters, digits and `_`, not starting with a digit.
    pub name: String,
    /// The text used when the variable is unset or empty (`${NAME:-default}`); without
    /// one, a snippet run without the variable stops before sending, naming it.
    pub default: Option<String>,
    /// The value percent-encoded as a form value, as curl's `--data-urlencode` and
    /// `--url-query` write it: letters, digits and `-._~` kept, a space as `+`, every
    /// other byte as `%XX` in the hex digits' case given. `None`: the value as it is.
    pub form_encoded: Option<Escapes>,
}

/// The case of the hex digits of a form encoding's `%XX` escapes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Escapes {
    /// `%2A`: curl's `--data-urlencode`, and RFC 3986's preference.
    Uppercase,
    /// `%2a`: curl's `--url-query` before curl 8.20, which built the query through
    /// its URL parser.
    Lowercase,
}

impl Var {
    /// A variable without a default.
    pub fn new(name: impl Into<String>) -> Var {
        Var {
            name: name.into(),
            default: None,
            form_encoded: None,
        }
    }

    /// A variable with the default used when it is unset or empty.
    pub fn with_default(name: impl Into<String>, default: impl Into<String>) -> Var {
        Var {
            default: Some(default.into()),
            ..Var::new(name)
        }
    }

    /// The same variable, its value form-encoded with `escapes`.
    pub fn form_encoded(self, escapes: Escapes) -> Var {
        Var {
            form_encoded: Some(escapes),
            ..self
        }
    }
}

impl fmt::Display for Var {
    /// The shell's notation: `${NAME}` or `${NAME:-default}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.default {
            Some(default) => write!(f, "${{{}:-{default}}}", self.name),
            None => write!(f, "${{{}}}", self.name),
        }
    }
}

/// One piece of a [`Text`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Segment {
    /// Text as it is.
    Literal(String),
    /// An environment variable's value.
    Var(Var),
    /// A placeholder for the reader to replace (`<endpoint-url>`, `{namespace}`), kept
    /// verbatim in every snippet.
    Placeholder(String),
    /// The text of the file at this path, read when the snippet runs, without the line
    /// breaks that end it (the shell's `$(cat FILE)`); a leading `~/` is the home folder.
    File(String),
    /// The bytes of the file at this path, read when the snippet runs, in standard
    /// padded base64 (RFC 4648 section 4) on one line: a spec's `base64_files`, the
    /// shell's `$(base64 < FILE | tr -d '\n')`. Only a JSON string slot holds it
    /// alone (validation says so elsewhere).
    FileBase64(String),
}

impl Segment {
    /// The segment as written in the snippet's own text: a variable in the shell's
    /// notation, anything else as it is.
    fn write(&self, out: &mut String) {
        match self {
            Segment::Literal(text) | Segment::Placeholder(text) => out.push_str(text),
            Segment::Var(var) => out.push_str(&var.to_string()),
            Segment::File(path) => {
                out.push_str("$(cat ");
                out.push_str(path);
                out.push(')');
            }
            Segment::FileBase64(path) => {
                out.push_str("$(base64 < ");
                out.push_str(path);
                out.push_str(" | tr -d '\\n')");
            }
        }
    }
}

/// A string that may read environment variables and hold placeholders.
///
/// Most texts are one literal, held without a list.
///
/// # Example
/// ```
/// use inference_snippets::{Segment, Text, Var};
///
/// let mut url = Text::var(Var::new("ENDPOINT_URL"));
/// url.push_str("/generate");
/// assert_eq!(url.to_string(), "${ENDPOINT_URL}/generate");
/// assert_eq!(url.as_literal(), None);
/// assert!(matches!(&url.segments()[1], Segment::Literal(text) if text == "/generate"));
/// assert_eq!(Text::from("https://x.cloud").as_literal(), Some("https://x.cloud"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Text(Repr);

/// Adjacent literals are merged and none is empty, so equal texts are equal values.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Repr {
    /// Exactly one segment (most texts: one literal, held without a list).
    One(Segment),
    /// None, or two or more.
    Many(Vec<Segment>),
}

impl Default for Repr {
    fn default() -> Repr {
        Repr::Many(Vec::new())
    }
}

impl Text {
    /// An empty text.
    pub fn new() -> Text {
        Text::default()
    }

    /// The value of `var`.
    pub fn var(var: Var) -> Text {
        Text(Repr::One(Segment::Var(var)))
    }

    /// Appends literal text.
    pub fn push_str(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        match &mut self.0 {
            Repr::One(Segment::Literal(last)) => last.push_str(text),
            Repr::Many(segments) => match segments.last_mut() {
                Some(Segment::Literal(last)) => last.push_str(text),
                _ => self.push_segment(Segment::Literal(text.to_owned())),
            },
            Repr::One(_) => self.push_segment(Segment::Literal(text.to_owned())),
        }
    }

    /// Appends a segment.
    pub fn push(&mut self, segment: Segment) {
        match segment {
            Segment::Literal(text) => self.push_str(&text),
            Segment::Placeholder(text) if text.is_empty() => {}
            other => self.push_segment(other),
        }
    }

    /// Appends a segment that does not merge with the last one.
    fn push_segment(&mut self, segment: Segment) {
        self.0 = match std::mem::take(&mut self.0) {
            Repr::Many(segments) if segments.is_empty() => Repr::One(segment),
            Repr::Many(mut segments) => {
                segments.push(segment);
                Repr::Many(segments)
            }
            Repr::One(first) => Repr::Many(vec![first, segment]),
        };
    }

    /// Appends the segments of `other`.
    pub fn extend(&mut self, other: Text) {
        match other.0 {
            Repr::One(segment) => self.push(segment),
            Repr::Many(segments) => {
                for segment in segments {
                    self.push(segment);
                }
            }
        }
    }

    /// The segments in order: none for an empty text.
    pub fn segments(&self) -> &[Segment] {
        match &self.0 {
            Repr::One(segment) => std::slice::from_ref(segment),
            Repr::Many(segments) => segments,
        }
    }

    /// The text when it is all literal.
    pub fn as_literal(&self) -> Option<&str> {
        match &self.0 {
            Repr::One(Segment::Literal(text)) => Some(text),
            Repr::Many(segments) if segments.is_empty() => Some(""),
            _ => None,
        }
    }

    /// The text as [`Display`](fmt::Display) writes it (variables as `${NAME}`),
    /// borrowed when it is all literal.
    pub fn shown(&self) -> std::borrow::Cow<'_, str> {
        match self.as_literal() {
            Some(text) => std::borrow::Cow::Borrowed(text),
            None => std::borrow::Cow::Owned(self.to_string()),
        }
    }

    /// The text with placeholders as written, when it reads no variable and no file.
    pub fn without_vars(&self) -> Option<std::borrow::Cow<'_, str>> {
        // One piece, the common case, is lent as it is.
        if let [Segment::Literal(text) | Segment::Placeholder(text)] = self.segments() {
            return Some(std::borrow::Cow::Borrowed(text));
        }
        // Most texts with a variable are asked first: nothing is copied for them.
        if self.segments().iter().any(|segment| {
            matches!(
                segment,
                Segment::Var(_) | Segment::File(_) | Segment::FileBase64(_)
            )
        }) {
            return None;
        }
        let mut out = String::new();
        for segment in self.segments() {
            match segment {
                Segment::Var(_) | Segment::File(_) | Segment::FileBase64(_) => return None,
                other => other.write(&mut out),
            }
        }
        Some(std::borrow::Cow::Owned(out))
    }

    /// The files the text reads, in order.
    pub fn files(&self) -> impl Iterator<Item = &str> {
        self.segments().iter().filter_map(|segment| match segment {
            Segment::File(path) => Some(path.as_str()),
            _ => None,
        })
    }

    /// Whether the text reads a file's bytes in base64.
    pub fn reads_base64(&self) -> bool {
        self.segments()
            .iter()
            .any(|segment| matches!(segment, Segment::FileBase64(_)))
    }

    /// Whether the text reads a variable.
    pub fn has_vars(&self) -> bool {
        self.vars().next().is_some()
    }

    /// The variables the text reads, in order.
    pub fn vars(&self) -> impl Iterator<Item = &Var> {
        self.segments().iter().filter_map(|segment| match segment {
            Segment::Var(var) => Some(var),
            _ => None,
        })
    }

    /// The placeholders of the text, in order.
    pub fn placeholders(&self) -> impl Iterator<Item = &str> {
        self.segments().iter().filter_map(|segment| match segment {
            Segment::Placeholder(text) => Some(text.as_str()),
            _ => None,
        })
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.segments().is_empty()
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::from(text.to_owned())
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        if text.is_empty() {
            Text::new()
        } else {
            Text(Repr::One(Segment::Literal(text)))
        }
    }
}

/// A text equals a string when it is all literal and holds that string.
impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_literal() == Some(other)
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_literal() == Some(*other)
    }
}

impl fmt::Display for Text {
    /// The text with each variable in the shell's notation, `${NAME}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(text) = self.as_literal() {
            return f.write_str(text);
        }
        let mut out = String::new();
        for segment in self.segments() {
            segment.write(&mut out);
        }
        f.write_str(&out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_merge_and_compare_by_value() {
        let mut a = Text::from("https://");
        a.push(Segment::Placeholder("<host>".into()));
        a.push_str("/v1");
        a.push_str("/chat");
        let mut b = Text::new();
        b.push_str("https://");
        b.extend(Text::from(""));
        b.push(Segment::Placeholder("<host>".into()));
        b.extend(Text::from("/v1/chat"));
        assert_eq!(a, b);
        assert_eq!(a.segments().len(), 3);
        assert_eq!(a.without_vars().as_deref(), Some("https://<host>/v1/chat"));
        assert_eq!(a.placeholders().collect::<Vec<_>>(), ["<host>"]);
        let mut c = Text::var(Var::with_default("M", "tgi"));
        c.push_str("!");
        assert_eq!(c.to_string(), "${M:-tgi}!");
        assert_eq!(c.without_vars(), None);
        assert!(Text::new().is_empty());
        assert_eq!(Text::new(), Text::from(""));
    }
}
