//! The request a case must send: for a curl command, what real curl sent; for a
//! JSON spec (or a command bash cannot run), what the parsed `Request` describes.

use std::fs;
use std::path::Path;
use std::process::Command;

use inference_snippets::{
    Escapes, FileBytes, PartContent, Payload, Request, Segment, Text, Token, Var,
};
use serde_json::Value;

use super::multipart::{self, FormPart};
use super::server::Captured;

/// Headers an HTTP client adds on its own, compared only when a request sets them.
pub(super) const CLIENT_HEADERS: &[&str] = &[
    "host",
    "content-length",
    "transfer-encoding",
    "expect",
    "connection",
    "keep-alive",
    // curl's own, to a proxy.
    "proxy-connection",
    "user-agent",
    "accept",
    "accept-encoding",
    "accept-language",
    "sec-fetch-mode",
    // huggingface_hub's session hook adds a fresh one to every request.
    "x-amzn-trace-id",
];

/// Everything a captured request is compared on.
#[derive(Debug)]
pub(super) struct Expected {
    pub method: String,
    /// Path and query, without the case prefix; in the real-host mode, the absolute
    /// URL.
    pub target: String,
    pub content_type: Option<String>,
    pub authorization: Option<String>,
    /// Every other header the request sets: name and value, or `None` for "not sent".
    pub headers: Vec<(String, Option<String>)>,
    pub body: Body,
    /// Whether the snippet must print a stream as it arrives.
    pub streams: bool,
}

#[derive(Debug)]
pub(super) enum Body {
    None,
    /// Compared as JSON values.
    Json(Value),
    /// Compared byte for byte.
    Bytes(Vec<u8>),
    /// Compared part by part.
    Form(Vec<FormPart>),
}

/// The values of the environment variables the cases' tokens name.
pub(super) const TOKENS: &[(&str, &str)] = &[
    ("HF_TOKEN", "hf_testtoken"),
    ("MY_HF_TOKEN", "hf_mytoken"),
    ("OTHER_VAR", "hf_othertoken"),
];

/// `text` with each variable read from `env` (or its default), as a snippet reads it.
pub(super) fn resolve(text: &Text, env: &[(String, String)]) -> Result<String, String> {
    let mut out = String::new();
    for segment in text.segments() {
        match segment {
            Segment::Literal(literal) | Segment::Placeholder(literal) => out.push_str(literal),
            Segment::Var(var) => {
                let value = env
                    .iter()
                    .find(|(name, _)| *name == var.name)
                    .map(|(_, value)| value.as_str())
                    .filter(|value| !value.is_empty());
                let value = match (value, &var.default) {
                    (Some(value), _) => value,
                    (None, Some(default)) => default.as_str(),
                    (None, None) => {
                        return Err(format!(
                            "the case reads ${}, which the harness does not set",
                            var.name
                        ));
                    }
                };
                if let Some(escapes) = var.form_encoded {
                    out.push_str(&form_encoded(value, escapes));
                } else {
                    out.push_str(value);
                }
            }
            other => return Err(format!("the oracle does not know the segment {other:?}")),
        }
    }
    Ok(out)
}

/// `value` as curl's `--data-urlencode` writes it (curl 7.77+): letters, digits and
/// `-._~` kept, a space as `+`, every other byte as `%XX` (`%xx` for `--url-query`
/// before curl 8.20).
fn form_encoded(value: &str, escapes: Escapes) -> String {
    value
        .bytes()
        .map(|byte| match byte {
            b' ' => "+".to_owned(),
            _ if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) => {
                char::from(byte).to_string()
            }
            _ if escapes == Escapes::Lowercase => format!("%{byte:02x}"),
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

/// What `request` describes, its variables read from `env`; its files are read
/// from `dir`. Its target is the absolute URL when `absolute` (the real-host mode),
/// else the path and query.
pub(super) fn from_request(
    request: &Request,
    env: &[(String, String)],
    dir: &Path,
    absolute: bool,
) -> Result<Expected, String> {
    let read = |path: &str| {
        fs::read(dir.join(path)).map_err(|err| format!("oracle cannot read {path:?}: {err}"))
    };
    let body = match &request.payload {
        Payload::None => Body::None,
        Payload::Json(value) => Body::Json(value.clone()),
        Payload::Text { body, .. } => Body::Bytes(resolve(body, env)?.into_bytes()),
        Payload::JsonTemplate(template) => {
            let mut value = template.value.clone();
            for slot in &template.slots {
                // A file's base64 stands alone in its string (validation says so).
                if let [Segment::FileBase64(path)] = slot.text.segments() {
                    if let Some(place) = value.pointer_mut(&slot.pointer) {
                        *place = Value::String(base64(&read(path)?));
                    }
                    continue;
                }
                let text = resolve(&slot.text, env)?;
                let filled = if slot.number {
                    serde_json::from_str(&text)
                        .map_err(|err| format!("${{{}}}: {err}", slot.pointer))?
                } else {
                    Value::String(text)
                };
                if let Some(place) = value.pointer_mut(&slot.pointer) {
                    *place = filled;
                }
            }
            Body::Json(value)
        }
        Payload::File { path, bytes, .. } => {
            let mut data = read(path)?;
            match bytes {
                FileBytes::StripLineBreaks => data.retain(|byte| *byte != b'\r' && *byte != b'\n'),
                FileBytes::TrimTrailingNewlines => {
                    while data.last() == Some(&b'\n') {
                        data.pop();
                    }
                }
                _ => {}
            }
            Body::Bytes(data)
        }
        Payload::Multipart(parts) => {
            let mut form = Vec::new();
            for part in parts {
                let (body, filename) = match &part.content {
                    PartContent::Text(text) => (resolve(text, env)?.into_bytes(), None),
                    PartContent::FileText(path) => (read(path)?, None),
                    PartContent::File(path) => {
                        let base = path.rsplit('/').next().unwrap_or(path).to_owned();
                        (read(path)?, Some(base))
                    }
                    other => return Err(format!("the oracle does not know the part {other:?}")),
                };
                form.push(FormPart {
                    name: part.name.clone(),
                    filename: part.filename.clone().or(filename),
                    content_type: part.content_type.clone(),
                    body,
                });
            }
            Body::Form(form)
        }
        other => return Err(format!("the oracle does not know the payload {other:?}")),
    };
    let content_type = match &request.payload {
        Payload::None => None,
        Payload::Multipart(_) => Some("multipart/form-data".to_owned()),
        _ => request.content_type().map(str::to_owned),
    };
    let authorization = match (request.header_value("authorization"), &request.token) {
        (Some(value), _) => Some(resolve(value, env)?),
        (None, Token::Env(name)) => {
            let value = resolve(&Text::var(Var::new(name.clone())), env)?;
            Some(format!("Bearer {value}"))
        }
        (None, Token::Basic { user, password }) => {
            let credentials = format!("{}:{}", resolve(user, env)?, resolve(password, env)?);
            Some(format!("Basic {}", base64(credentials.as_bytes())))
        }
        (None, Token::Placeholder(text)) => Some(format!("Bearer {text}")),
        (None, Token::None) => None,
        (None, other) => return Err(format!("the oracle does not know the token {other:?}")),
    };
    let headers = request
        .headers
        .iter()
        .filter(|(name, _)| !is_separate(name))
        .map(|(name, value)| Ok((name.clone(), Some(resolve(value, env)?))))
        .collect::<Result<_, String>>()?;
    Ok(Expected {
        method: request.method().to_owned(),
        target: if absolute {
            let url = resolve(&request.url, env)?;
            url.split('#').next().unwrap_or_default().to_owned()
        } else {
            target(&resolve(&request.url, env)?)
        },
        content_type,
        authorization,
        headers,
        body,
        streams: request.payload.streams(),
    })
}

/// What real curl sent, read the way the parsed `request` says its body is meant
/// (JSON, a form, or bytes).
pub(super) fn from_curl(sent: &Captured, request: &Request) -> Result<Expected, String> {
    let content_type = sent.values("content-type").first().map(|v| (*v).to_owned());
    let body = match &request.payload {
        _ if sent.body.is_empty() => Body::None,
        Payload::Json(_) | Payload::JsonTemplate(_) => match serde_json::from_slice(&sent.body) {
            Ok(value) => Body::Json(value),
            Err(_) => Body::Bytes(sent.body.clone()),
        },
        Payload::Multipart(_) => {
            let content_type = content_type.as_deref().unwrap_or_default();
            Body::Form(
                multipart::parse(content_type, &sent.body)
                    .map_err(|err| format!("curl's own form does not parse: {err}"))?,
            )
        }
        _ => Body::Bytes(sent.body.clone()),
    };
    // Every header curl sent is expected, apart from its own defaults: a header the
    // parser dropped is then missing from the snippets, and shows.
    let named = |name: &str| request.header_value(name).is_some();
    let mut headers = Vec::new();
    for (name, value) in &sent.headers {
        let lower = name.to_ascii_lowercase();
        let default = match lower.as_str() {
            "user-agent" => value.starts_with("curl/") && !named(name),
            "accept" => value == "*/*" && !named(name),
            other => CLIENT_HEADERS.contains(&other) && !named(name),
        };
        if !default && !is_separate(name) {
            headers.push((name.clone(), Some(value.clone())));
        }
    }
    // A header the request names but curl did not send (an empty `-H 'X:'` removes it).
    for (name, _) in &request.headers {
        if !is_separate(name) && !headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)) {
            headers.push((name.clone(), None));
        }
    }
    Ok(Expected {
        method: sent.method.clone(),
        target: sent.target.clone(),
        content_type: match &request.payload {
            Payload::Multipart(_) => Some("multipart/form-data".to_owned()),
            _ => content_type,
        },
        authorization: sent
            .values("authorization")
            .first()
            .map(|v| (*v).to_owned()),
        headers,
        body,
        streams: request.payload.streams(),
    })
}

/// Compared on their own, not in the list of other headers.
fn is_separate(name: &str) -> bool {
    name.eq_ignore_ascii_case("content-type") || name.eq_ignore_ascii_case("authorization")
}

/// The path and query of `url` as sent on the wire (the case's own URL: no prefix).
fn target(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let start = after_scheme.find(['/', '?']).unwrap_or(after_scheme.len());
    let target = after_scheme[start..].split('#').next().unwrap_or_default();
    if target.starts_with('/') {
        target.to_owned()
    } else {
        format!("/{target}")
    }
}

/// The version of the installed curl (`7.88.1`), from `curl --version`.
pub(super) fn curl_version() -> Option<String> {
    let output = Command::new("curl").arg("--version").output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout);
    text.split_whitespace().nth(1).map(str::to_owned)
}

/// Why the installed curl cannot be the oracle of `command`, when it cannot: curl
/// adds `-G` data and `--url-query` values to the query through its URL parser,
/// which writes their escapes in lowercase before curl 8.20 (as the parser follows)
/// and in uppercase since.
pub(super) fn curl_differs(command: &str, version: Option<&str>) -> Option<String> {
    let mut numbers = version?.split('.').map(|part| part.parse::<u32>().ok());
    let (major, minor) = (numbers.next()??, numbers.next()??);
    let query = command.split_whitespace().any(|word| {
        word == "--get"
            || word.starts_with("--url-query")
            || (word.starts_with('-') && !word.starts_with("--") && word.contains('G'))
    });
    ((major, minor) >= (8, 20) && query).then(|| {
        format!(
            "curl {} writes the escapes of the query it adds in uppercase (before 8.20: lowercase)",
            version.unwrap_or_default()
        )
    })
}

/// Standard base64 with padding, for the `Basic` credentials the oracle expects.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}
