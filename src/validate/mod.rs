//! What a request must satisfy before any snippet is written for it.
//!
//! The rule is stricter than HTTP: a request passes only when every client sends it
//! byte for byte as written. curl, requests, fetch and reqwest each normalise or
//! reject something else (a leading space in a header, `'` in a query, a non-ASCII
//! header value), so those are refused here with the fix to make.

mod base64;
mod url;

use crate::diagnostic::{Code, Field};
use crate::error::Error;
use crate::model::{Part, PartContent, Payload, Request, Token, is_env_name};
use crate::text::{Segment, Text};

/// Headers the HTTP client computes itself; `fetch` refuses or drops them.
pub(crate) const CLIENT_HEADERS: &[&str] = &[
    "host",
    "content-length",
    "transfer-encoding",
    "connection",
    "keep-alive",
    "upgrade",
    "te",
    "trailer",
];

impl Request {
    /// Checks what every snippet relies on: an http(s) URL every client sends as
    /// written, a method and header names that are HTTP tokens, header values that
    /// every client sends unchanged (no line breaks, which would start another
    /// header), an environment variable name a shell can expand.
    ///
    /// # Example
    /// ```
    /// use inference_snippets::Request;
    ///
    /// let request = Request::new("https://x.cloud/a").header("X-A", "b\r\nX-Evil: 1");
    /// assert_eq!(
    ///     request.validate().unwrap_err().to_string(),
    ///     r#"header "X-A" has '\r' in its value, which would start another header"#
    /// );
    /// ```
    pub fn validate(&self) -> Result<(), Error> {
        url::check(&self.url)?;
        form_encoding(self)?;
        base64::check(self)?;
        if let Some(method) = &self.method {
            if !is_token(method) {
                return invalid(
                    Code::InvalidMethod,
                    Field::Method,
                    format!("method {method:?} is not a valid HTTP method"),
                );
            }
            if ["CONNECT", "TRACE", "TRACK"]
                .iter()
                .any(|refused| refused.eq_ignore_ascii_case(method))
            {
                return invalid(
                    Code::InvalidMethod,
                    Field::Method,
                    format!("method {method:?} is refused by fetch and most HTTP libraries"),
                );
            }
        }
        let repeated = first_repeated_header(&self.headers);
        for (index, (name, value)) in self.headers.iter().enumerate() {
            let field = || Field::Header(name.clone());
            if !is_token(name) {
                return invalid(
                    Code::InvalidHeaderName,
                    field(),
                    format!("header name {name:?} is not a valid HTTP header name"),
                );
            }
            if repeated == Some(index) {
                return Err(Error::new(
                    Code::RepeatedHeader,
                    format!("header {name:?} is given twice"),
                )
                .about(field())
                .advice("join the values with \", \""));
            }
            if CLIENT_HEADERS
                .iter()
                .any(|header| header.eq_ignore_ascii_case(name))
            {
                return Err(Error::new(
                    Code::ClientHeader,
                    format!("header {name:?} is set by the HTTP client itself"),
                )
                .about(field())
                .advice("remove it"));
            }
            if name.eq_ignore_ascii_case("authorization") && self.token != Token::None {
                return Err(Error::new(
                    Code::TokenConflict,
                    format!("header {name:?} conflicts with the token"),
                )
                .about(field())
                .advice("set no token to send your own"));
            }
            if name.eq_ignore_ascii_case("content-type") && value.has_vars() {
                return invalid(
                    Code::InvalidHeaderValue,
                    field(),
                    format!("the Content-Type {value} reads a variable; write the MIME type out"),
                );
            }
            header_text(|| format!("header {name:?}"), field, value)?;
        }
        match &self.token {
            Token::Env(name) if !is_env_name(name) => invalid(
                Code::InvalidTokenVariable,
                Field::Token,
                format!(
                    "token variable {name:?} is not a valid environment variable name (letters, digits, _)"
                ),
            ),
            Token::Placeholder(text) if text.is_empty() => invalid(
                Code::InvalidToken,
                Field::Token,
                "the token placeholder is empty".into(),
            ),
            Token::Placeholder(text) => header_value(
                || format!("token placeholder {text:?}"),
                || Field::Token,
                text,
            ),
            Token::Basic { user, password } => {
                header_text(|| "the user".into(), || Field::Token, user)?;
                header_text(|| "the password".into(), || Field::Token, password)
            }
            _ => Ok(()),
        }?;
        match &self.payload {
            Payload::File { path, .. } if path.is_empty() || path.chars().any(char::is_control) => {
                invalid(
                    Code::InvalidFilePath,
                    Field::File,
                    format!("file path {path:?} is empty or holds a control character"),
                )
            }
            Payload::Text {
                content_type: Some(content_type),
                ..
            }
            | Payload::File {
                content_type: Some(content_type),
                ..
            } => {
                if content_type.is_empty() {
                    return invalid(
                        Code::InvalidHeaderValue,
                        Field::ContentType,
                        "the content type is empty".into(),
                    );
                }
                header_value(
                    || "the content type".into(),
                    || Field::ContentType,
                    content_type,
                )
            }
            Payload::Multipart(parts) => multipart(self, parts),
            _ => Ok(()),
        }
    }
}

/// A form-encoded variable is a form value: it belongs in the URL's query or in a
/// text body, where each client writes the encoding.
fn form_encoding(request: &Request) -> Result<(), Error> {
    if !request.form_encodes() {
        return Ok(());
    }
    let encodes = |text: &Text| text.vars().any(|var| var.form_encoded.is_some());
    let misplaced = |field: Field, what: &str| {
        Err(Error::new(
            Code::MisplacedEncoding,
            format!("{what} reads a variable form-encoded, which only a form value does"),
        )
        .about(field)
        .advice("read the variable as it is, or move it to the query or a form body"))
    };
    let mut in_query = false;
    for segment in request.url.segments() {
        match segment {
            Segment::Literal(literal) if literal.contains('?') => in_query = true,
            Segment::Var(var) if var.form_encoded.is_some() && !in_query => {
                return misplaced(Field::Url, "the URL before its query");
            }
            _ => {}
        }
    }
    if let Some((name, _)) = request.headers.iter().find(|(_, value)| encodes(value)) {
        return misplaced(Field::Header(name.clone()), &format!("header {name:?}"));
    }
    if let Token::Basic { user, password } = &request.token
        && (encodes(user) || encodes(password))
    {
        return misplaced(Field::Token, "the credentials");
    }
    if request.connection.proxy.as_ref().is_some_and(encodes) {
        return misplaced(Field::Connection, "the proxy");
    }
    match &request.payload {
        Payload::JsonTemplate(template)
            if template.slots.iter().any(|slot| encodes(&slot.text)) =>
        {
            misplaced(Field::Body, "a JSON body")
        }
        Payload::Multipart(parts)
            if parts
                .iter()
                .any(|part| matches!(&part.content, PartContent::Text(text) if encodes(text))) =>
        {
            misplaced(Field::Body, "a multipart part")
        }
        _ => Ok(()),
    }
}

/// The index of the first header whose name (in any case) came before.
fn first_repeated_header(headers: &[(String, Text)]) -> Option<usize> {
    // Comparing each name with those before it is quadratic: fine for a request's
    // few headers, not for a pasted command with thousands of them.
    if headers.len() <= 16 {
        return (1..headers.len()).find(|&index| {
            headers[..index]
                .iter()
                .any(|(earlier, _)| earlier.eq_ignore_ascii_case(&headers[index].0))
        });
    }
    let mut seen = std::collections::HashSet::with_capacity(headers.len());
    headers
        .iter()
        .position(|(name, _)| !seen.insert(AnyCase(name)))
}

/// A header name compared and hashed without regard to ASCII case, and without
/// making a lowercase copy.
struct AnyCase<'a>(&'a str);

impl PartialEq for AnyCase<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl Eq for AnyCase<'_> {}

impl std::hash::Hash for AnyCase<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        for byte in self.0.bytes() {
            state.write_u8(byte.to_ascii_lowercase());
        }
        // The end, as `str` hashing marks it: "ab" + "c" and "a" + "bc" differ in a tuple.
        state.write_u8(0xff);
    }
}

/// Names and file names go into `Content-Disposition` quoted: clients escape a
/// quote or a line break each their own way, so none may hold one.
fn multipart(request: &Request, parts: &[Part]) -> Result<(), Error> {
    if request.header_value("content-type").is_some() {
        return Err(Error::new(
            Code::InvalidMultipart,
            "a multipart body gets its Content-Type (with the boundary) from the client",
        )
        .about(Field::ContentType)
        .advice("remove the header"));
    }
    for part in parts {
        let field = || Field::Part(part.name.clone());
        for (what, text) in [
            ("name", Some(&part.name)),
            ("file name", part.filename.as_ref()),
        ] {
            if let Some(text) = text
                && text.chars().any(|c| c == '"' || c.is_control())
            {
                return invalid(
                    Code::InvalidMultipart,
                    field(),
                    format!("multipart {what} {text:?} holds a quote or a control character"),
                );
            }
        }
        if matches!(part.content, PartContent::File(_))
            && (part.filename.is_none() || part.content_type.is_none())
        {
            return invalid(
                Code::InvalidMultipart,
                field(),
                format!(
                    "file part {:?} needs its file name and content type: clients default them differently",
                    part.name
                ),
            );
        }
        if let PartContent::File(path) | PartContent::FileText(path) = &part.content
            && (path.is_empty() || path.chars().any(char::is_control))
        {
            return invalid(
                Code::InvalidFilePath,
                field(),
                format!("file path {path:?} is empty or holds a control character"),
            );
        }
        if let Some(content_type) = &part.content_type {
            header_value(|| "a part's content type".into(), field, content_type)?;
        }
    }
    Ok(())
}

fn invalid(code: Code, field: Field, message: String) -> Result<(), Error> {
    Err(Error::new(code, message).about(field))
}

/// Visible ASCII, space and tab: what a header value may hold.
const HEADER_BYTES: [bool; 256] = {
    let mut set = byte_set(b" \t", false);
    let mut byte = b'!';
    while byte <= b'~' {
        set[byte as usize] = true;
        byte += 1;
    }
    set
};

/// A membership table of `extra`, plus ASCII letters and digits when `alphanumeric`.
pub(super) const fn byte_set(extra: &[u8], alphanumeric: bool) -> [bool; 256] {
    let mut set = [false; 256];
    let mut index = 0;
    while index < extra.len() {
        set[extra[index] as usize] = true;
        index += 1;
    }
    let mut byte = 0u8;
    while alphanumeric && byte < 128 {
        if byte.is_ascii_alphanumeric() {
            set[byte as usize] = true;
        }
        byte += 1;
    }
    set
}

/// A header value every client sends unchanged: visible ASCII with inner spaces or
/// tabs. Line breaks would start another header; surrounding whitespace is dropped
/// by some clients; other bytes are refused or re-encoded by others.
/// `what` names the value in a message and `field` is what it is about; they are
/// only made when there is a message.
fn header_value(
    what: impl Fn() -> String,
    field: impl Fn() -> Field,
    value: &str,
) -> Result<(), Error> {
    let refuse = |message: String| Error::new(Code::InvalidHeaderValue, message).about(field());
    // The common case in one pass over the bytes; the rest finds what to say.
    if value.bytes().all(|b| HEADER_BYTES[usize::from(b)])
        && !value.starts_with([' ', '\t'])
        && !value.ends_with([' ', '\t'])
    {
        return Ok(());
    }
    if let Some(bad) = value.chars().find(|c| matches!(c, '\r' | '\n')) {
        return Err(refuse(format!(
            "{} has {bad:?} in its value, which would start another header",
            what()
        )));
    }
    if value.contains('\0') {
        return Err(refuse(format!(
            "{} has a NUL byte in its value, which no HTTP client sends",
            what()
        )));
    }
    if let Some(bad) = value
        .chars()
        .find(|c| !(c.is_ascii_graphic() || *c == ' ' || *c == '\t'))
    {
        return Err(refuse(format!("{} has {bad:?} in its value", what())).advice(
                "header values must be printable ASCII (encode the rest, e.g. as RFC 8187 or percent-encoding)",
            ));
    }
    if value.starts_with([' ', '\t']) || value.ends_with([' ', '\t']) {
        return Err(refuse(format!(
            "{} starts or ends with whitespace, which HTTP clients drop",
            what()
        ))
        .advice("remove it"));
    }
    Ok(())
}

/// [`header_value`] for a text that may read variables: its literal text is
/// checked, a variable's value only when the snippet runs.
fn header_text(
    what: impl Fn() -> String,
    field: impl Fn() -> Field,
    value: &Text,
) -> Result<(), Error> {
    if let Some(literal) = value.as_literal() {
        return header_value(what, field, literal);
    }
    let segments = value.segments();
    // The ends of the whole value are the ends of its first and last pieces.
    let starts_blank =
        matches!(segments.first(), Some(Segment::Literal(text)) if text.starts_with([' ', '\t']));
    let ends_blank =
        matches!(segments.last(), Some(Segment::Literal(text)) if text.ends_with([' ', '\t']));
    if starts_blank || ends_blank {
        return Err(Error::new(
            Code::InvalidHeaderValue,
            format!(
                "{} starts or ends with whitespace, which HTTP clients drop",
                what()
            ),
        )
        .about(field())
        .advice("remove it"));
    }
    for (index, segment) in segments.iter().enumerate() {
        let (Segment::Literal(text) | Segment::Placeholder(text)) = segment else {
            continue;
        };
        // Whitespace matters only at the ends of the whole value.
        let inner = match (index == 0, index + 1 == segments.len()) {
            (true, true) => text.as_str(),
            (true, false) => text.trim_end_matches([' ', '\t']),
            (false, true) => text.trim_start_matches([' ', '\t']),
            (false, false) => text.trim_matches([' ', '\t']),
        };
        if !inner.is_empty() {
            header_value(&what, &field, inner)?;
        }
    }
    Ok(())
}

/// An HTTP token (RFC 9110): what method and header names are made of.
fn is_token(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| TOKEN_BYTES[usize::from(b)])
}

/// The bytes of an HTTP token.
const TOKEN_BYTES: [bool; 256] = byte_set(b"!#$%&'*+-.^_`|~", true);

#[cfg(test)]
mod tests {
    use super::*;

    fn message(request: Request) -> String {
        request.validate().unwrap_err().to_string()
    }

    #[test]
    fn header_values_every_client_sends_unchanged() {
        let ok = Request::new("https://x.cloud").header("X-A", "a=1; b=\"2\": c\td $(id)");
        assert_eq!(ok.validate(), Ok(()));
        let cases = [
            (
                "b\r\nX-Evil: 1",
                "has '\\r' in its value, which would start another header",
            ),
            ("a\nb", "has '\\n' in its value"),
            ("a\0b", "has a NUL byte in its value"),
            (
                "a\u{1}b",
                "has '\\u{1}' in its value; header values must be printable ASCII",
            ),
            ("a\u{7f}", "has '\\u{7f}'"),
            ("café", "has 'é'"),
            ("  padded", "starts or ends with whitespace"),
            ("padded\t", "starts or ends with whitespace"),
        ];
        for (value, expected) in cases {
            let message = message(Request::new("https://x.cloud").header("X-A", value));
            assert!(message.contains(expected), "{value:?}: {message}");
        }
    }

    #[test]
    fn headers_a_client_would_mangle() {
        let twice = Request::new("https://x.cloud")
            .header("Accept", "a")
            .header("accept", "b");
        assert!(message(twice).contains("given twice"));
        // Past 16 headers the repeat is found through a hash set: same answer.
        let mut many = Request::new("https://x.cloud");
        for index in 0..40 {
            many = many.header(format!("X-Header-{index}"), "v");
        }
        let many = many
            .header("x-HEADER-7", "again")
            .header("X-Header-9", "too");
        assert!(message(many).contains(r#"header "x-HEADER-7" is given twice"#));
        let host = Request::new("https://x.cloud").header("Host", "y");
        assert!(message(host).contains("set by the HTTP client itself"));
        let auth = Request::new("https://x.cloud").header("Authorization", "Basic x");
        assert!(message(auth).contains("conflicts with the token"));
        let placeholder = Request::new("https://x.cloud").token(Token::Placeholder("hf_…".into()));
        assert!(message(placeholder).contains("printable ASCII"));
        let method = Request::new("https://x.cloud").with_method("TRACE");
        assert!(message(method).contains("refused by fetch"));
    }
}
