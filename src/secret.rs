//! Real-looking Hugging Face tokens: never copied into a snippet by accident.

use serde_json::Value;

use crate::model::{Part, PartContent, Payload, Request, Token};

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

/// Makes `request` safe to print: a real-looking token placeholder becomes
/// `$HF_TOKEN`. Returns what was replaced (for a warning) and, as an error
/// message, the first other place a token stands, which cannot be replaced.
///
/// # Example
/// ```
/// use inference_snippets::{Request, Token, protect_tokens};
///
/// let mut request = Request::new("https://x.cloud")
///     .token(Token::Placeholder("hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789".into()));
/// let replaced = protect_tokens(&mut request).unwrap();
/// assert_eq!(request.token, Token::Env("HF_TOKEN".into()));
/// assert_eq!(replaced.len(), 1);
/// ```
pub fn protect_tokens(request: &mut Request) -> Result<Vec<String>, String> {
    let mut replaced = Vec::new();
    if let Token::Placeholder(text) = &request.token
        && holds_token(text)
    {
        request.token = Token::default();
        replaced.push(
            "a real-looking token was replaced by $HF_TOKEN (--keep-token keeps it)".to_owned(),
        );
    }
    let found = |place: &str| {
        Err(format!(
            "a real-looking token is in {place}; remove it, or pass --keep-token to copy it into the snippet"
        ))
    };
    if holds_token(&request.url) {
        return found("the URL");
    }
    if let Some((name, _)) = request.headers.iter().find(|(_, value)| holds_token(value)) {
        return found(&format!("the header {name}"));
    }
    let in_body = match &request.payload {
        Payload::Json(value) => json_holds_token(value),
        Payload::Text { body, .. } => holds_token(body),
        Payload::Multipart(parts) => parts.iter().any(part_holds_token),
        Payload::None | Payload::File { .. } => false,
    };
    if in_body {
        return found("the body");
    }
    Ok(replaced)
}

fn part_holds_token(part: &Part) -> bool {
    matches!(&part.content, PartContent::Text(text) if holds_token(text))
}

fn json_holds_token(value: &Value) -> bool {
    match value {
        Value::String(text) => holds_token(text),
        Value::Array(items) => items.iter().any(json_holds_token),
        Value::Object(map) => map
            .iter()
            .any(|(key, value)| holds_token(key) || json_holds_token(value)),
        _ => false,
    }
}
