//! Real-looking Hugging Face tokens: never copied into a snippet by accident.

use serde_json::Value;

use crate::diagnostic::{Code, Diagnostic, Field, Hint};
use crate::error::Error;
use crate::model::{PartContent, Payload, Request, Token};
use crate::text::{Segment, Text};

/// `hf_` followed by 30 or more letters and digits: what Hugging Face tokens look
/// like. One letter repeated (`hf_xxxx...`) is a placeholder, not a token.
pub(crate) fn is_real_token(text: &str) -> bool {
    text.strip_prefix("hf_").is_some_and(|rest| {
        rest.len() >= 30
            && rest.bytes().all(|b| b.is_ascii_alphanumeric())
            && rest.bytes().any(|b| b != rest.as_bytes()[0])
    })
}

/// Whether `text` holds a real-looking token among its words.
pub(crate) fn holds_token(text: &str) -> bool {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .any(is_real_token)
}

/// The warning for a real-looking token replaced by `$HF_TOKEN`.
pub(crate) fn replaced() -> Diagnostic {
    Diagnostic::warning(
        Code::TokenReplaced,
        "a real-looking token was replaced by $HF_TOKEN",
    )
    .about(Field::Token)
    .hint(Hint::KeepToken)
}

/// The error for a real-looking token published in a page, shown by its start.
pub(crate) fn published(token: &str) -> Diagnostic {
    let shown: String = token.chars().take(7).collect();
    Diagnostic::error(
        Code::PublishedToken,
        format!("a real-looking token ({shown}...) is in the page"),
    )
    .advice("use $HF_TOKEN")
}

/// Whether the literal text (or a variable's default) of `text` holds a token.
fn text_holds_token(text: &Text) -> bool {
    text.segments().iter().any(|segment| match segment {
        Segment::Literal(text) | Segment::Placeholder(text) => holds_token(text),
        Segment::Var(var) => var.default.as_deref().is_some_and(holds_token),
        Segment::File(_) | Segment::FileBase64(_) => false,
    })
}

/// Makes `request` safe to print: a real-looking token placeholder becomes
/// `$HF_TOKEN`. Returns the warnings of what was replaced; fails on the first
/// other place a token stands, which cannot be replaced.
///
/// # Example
/// ```
/// use inference_snippets::{Code, Request, Token, protect_tokens};
///
/// let mut request = Request::new("https://x.cloud")
///     .token(Token::Placeholder("hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789".into()));
/// let replaced = protect_tokens(&mut request).unwrap();
/// assert_eq!(request.token, Token::Env("HF_TOKEN".into()));
/// assert_eq!(replaced[0].code, Code::TokenReplaced);
/// ```
pub fn protect_tokens(request: &mut Request) -> Result<Vec<Diagnostic>, Error> {
    let mut replaced = Vec::new();
    if let Token::Placeholder(text) = &request.token
        && holds_token(text)
    {
        request.token = Token::default();
        replaced.push(self::replaced());
    }
    let found = |place: &str, field: Field| {
        Err(Error::new(
            Code::RealToken,
            format!("a real-looking token is in {place}"),
        )
        .about(field)
        .advice("remove it")
        .hint(Hint::KeepToken))
    };
    if text_holds_token(&request.url) {
        return found("the URL", Field::Url);
    }
    if let Some((name, _)) = request
        .headers
        .iter()
        .find(|(_, value)| text_holds_token(value))
    {
        return found(&format!("the header {name}"), Field::Header(name.clone()));
    }
    let in_body = match &request.payload {
        Payload::Json(value) => token_pointer(value, String::new()).map(Field::Json),
        Payload::Text { body, .. } => text_holds_token(body).then_some(Field::Body),
        Payload::JsonTemplate(template) => token_pointer(&template.value, String::new())
            .map(Field::Json)
            .or_else(|| {
                template
                    .slots
                    .iter()
                    .find(|slot| text_holds_token(&slot.text))
                    .map(|slot| Field::Json(slot.pointer.clone()))
            }),
        Payload::Multipart(parts) => parts
            .iter()
            .find(|part| matches!(&part.content, PartContent::Text(text) if text_holds_token(text)))
            .map(|part| Field::Part(part.name.clone())),
        _ => None,
    };
    match in_body {
        Some(Field::Json(pointer)) => found(
            &format!("the body at {pointer}"),
            Field::Json(pointer.clone()),
        ),
        Some(field) => found("the body", field),
        None => Ok(replaced),
    }
}

/// The JSON Pointer of the first string (or key) of `value` that holds a token;
/// `at` is the pointer of `value` itself.
fn token_pointer(value: &Value, at: String) -> Option<String> {
    let below = |step: &str| {
        // RFC 6901 escapes `~` and `/` in a step.
        format!("{at}/{}", step.replace('~', "~0").replace('/', "~1"))
    };
    match value {
        Value::String(text) => holds_token(text).then_some(at),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(index, item)| token_pointer(item, below(&index.to_string()))),
        Value::Object(map) => map.iter().find_map(|(key, value)| {
            if holds_token(key) {
                Some(below(key))
            } else {
                token_pointer(value, below(key))
            }
        }),
        _ => None,
    }
}
