//! [`Invocation`] → [`Request`]: curl's defaults made explicit, the token recognised,
//! and whatever the model cannot hold reported as a warning or a located error.

use serde_json::Value;

use super::lex::{Piece, Word};
use super::parse::{Data, Invocation, Located};
use super::{Warning, encode};
use crate::Task;
use crate::error::Error;
use crate::model::{Payload, Request, Token};
use crate::secret::is_real_token;

/// What curl sends as Content-Type for `-d` when no header says otherwise.
const FORM: &str = "application/x-www-form-urlencoded";

pub(crate) fn assemble(
    mut invocation: Invocation,
    command_at: (usize, usize),
    origin: &str,
    keep_token: bool,
) -> Result<(Request, Vec<Warning>), Error> {
    let error = |at: Option<(usize, usize)>, message: String| Error::Curl {
        origin: origin.to_owned(),
        at,
        message,
    };
    let mut urls = std::mem::take(&mut invocation.urls).into_iter();
    let Some(first) = urls.next() else {
        return Err(error(
            Some(command_at),
            "the curl command has no URL; add the endpoint's URL after curl".into(),
        ));
    };
    for extra in urls {
        let message = format!(
            "only the first URL is converted; {} is left out",
            extra.value
        );
        invocation.warnings.push(Warning {
            at: Some(extra.at),
            message,
        });
    }
    let url = if first.value.contains("://") {
        first.value
    } else {
        let scheme = invocation.proto_default.as_deref().unwrap_or("http");
        invocation.warnings.push(Warning {
            at: Some(first.at),
            message: format!("no scheme in {}: curl uses {scheme}://", first.value),
        });
        format!("{scheme}://{}", first.value)
    };
    let mut request = Request::new(url);

    // Headers: `Name: value` adds, `Name:` removes curl's own, `Name;` sends it empty.
    let mut content_type: Option<Option<String>> = None;
    let mut authorization: Option<Located<Word>> = None;
    for header in &invocation.headers {
        let text = header.value.text();
        let (name, value) = match text.split_once(':') {
            Some((name, value)) => (name.trim(), Some(value.trim())),
            None => match text.strip_suffix(';') {
                Some(name) => (name.trim(), Some("")),
                None => {
                    return Err(error(
                        Some(header.at),
                        format!("header {text:?} has no `:`; write `Name: value`"),
                    ));
                }
            },
        };
        let value = value.filter(|value| !value.is_empty() || text.ends_with(';'));
        if name.eq_ignore_ascii_case("content-type") {
            content_type = Some(value.map(str::to_owned));
            continue;
        }
        // Browsers' "Copy as cURL" lists connection headers each client manages itself.
        if crate::validate::CLIENT_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
            invocation.warnings.push(Warning {
                at: Some(header.at),
                message: format!("header {name} is managed by each HTTP client; left out"),
            });
            continue;
        }
        let bearer = value.is_some_and(|value| {
            value.len() > 7
                && value
                    .get(..7)
                    .is_some_and(|scheme| scheme.eq_ignore_ascii_case("bearer "))
        });
        if name.eq_ignore_ascii_case("authorization") && bearer {
            authorization = Some(header.clone());
            continue;
        }
        match value {
            Some(value) => {
                if header.value.pieces.iter().any(|piece| !matches!(piece, Piece::Literal(_))) {
                    invocation.warnings.push(Warning {
                        at: Some(header.at),
                        message: format!("header {name}: shell variables kept as literal text"),
                    });
                }
                request.headers.push((name.to_owned(), value.to_owned()));
            }
            None => invocation.warnings.push(Warning {
                at: Some(header.at),
                message: format!("-H '{name}:' removes a header curl adds; the snippets' own clients may still send it"),
            }),
        }
    }
    if invocation.json {
        if content_type.is_none() {
            content_type = Some(Some("application/json".into()));
        }
        if request.header_value("accept").is_none() {
            request
                .headers
                .push(("Accept".into(), "application/json".into()));
        }
    }

    request.token = token(&mut invocation, authorization, keep_token)?;
    if let Some(user) = &invocation.user {
        if request.token != Token::None {
            // A given Authorization header replaces the one curl makes from -u.
            invocation.warnings.push(Warning {
                at: Some(user.at),
                message: "-u is left out: the bearer token is the Authorization sent".into(),
            });
        } else if !user.value.contains(':') {
            return Err(error(
                Some(user.at),
                format!(
                    "-u {}: curl would prompt for the password; write user:password",
                    user.value
                ),
            ));
        } else {
            let basic = format!("Basic {}", encode::base64(user.value.as_bytes()));
            request.headers.push(("Authorization".into(), basic));
        }
    }

    // The body, or the query with -G.
    let mut method_default = "GET";
    if invocation.get {
        let mut query: Vec<String> = Vec::new();
        for part in &invocation.data {
            match &part.value {
                Data::Text(text) => query.push(text.clone()),
                Data::File { path, .. } => {
                    return Err(error(
                        Some(part.at),
                        format!("-G with @{path}: reading the query from a file is not supported"),
                    ));
                }
            }
        }
        query.extend(invocation.query.iter().cloned());
        append_query(&mut request.url, &query);
    } else {
        append_query(&mut request.url, &invocation.query);
        if let Some(upload) = &invocation.upload {
            if !invocation.data.is_empty() {
                return Err(error(
                    Some(upload.at),
                    "-T and -d both give a body; keep one".into(),
                ));
            }
            request.payload = Payload::File {
                path: upload.value.clone(),
                content_type: content_type.clone().flatten(),
                strip_line_breaks: false,
            };
            method_default = "PUT";
        } else if let Some(form) = invocation.forms.first() {
            if let Some(data) = invocation.data.first() {
                return Err(error(
                    Some(data.at),
                    "-F and -d both give a body; keep one".into(),
                ));
            }
            if let Some(Some(value)) = &content_type {
                if !value.starts_with("multipart/form-data") {
                    return Err(error(
                        Some(form.at),
                        format!(
                            "-F sends multipart/form-data, not {value}; remove the Content-Type header"
                        ),
                    ));
                }
                invocation.warnings.push(Warning {
                    at: Some(form.at),
                    message: "the multipart Content-Type and its boundary come from each client"
                        .into(),
                });
            }
            let mut parts = Vec::new();
            for form in &invocation.forms {
                let (value, literal) = &form.value;
                parts.push(
                    super::form::part(value, *literal)
                        .map_err(|message| error(Some(form.at), message))?,
                );
            }
            request.payload = Payload::Multipart(parts);
            method_default = "POST";
        } else if !invocation.data.is_empty() {
            request.payload = body(&invocation, content_type.clone(), origin)?;
            method_default = "POST";
        }
    }
    if invocation.head {
        method_default = "HEAD";
    }
    if let Some(method) = &invocation.method {
        let method = method.value.to_ascii_uppercase();
        if method != method_default {
            request.method = Some(method);
        }
    } else if method_default != "GET" && method_default != "POST" {
        request.method = Some(method_default.into());
    }
    // A JSON payload's Content-Type is its own; only another value stays a header.
    if let (Payload::Json(_), Some(Some(value))) = (&request.payload, &content_type)
        && value != "application/json"
    {
        request.headers.push(("Content-Type".into(), value.clone()));
    }
    if request
        .url
        .trim_end_matches('/')
        .ends_with("/chat/completions")
    {
        request.task = Some(Task::ChatCompletion);
    }
    request.validate().map_err(|err| {
        // Place the problem at the word it came from: a header's, else the URL's.
        let message = err.to_string();
        let header = invocation.headers.iter().find(|header| {
            let text = header.value.text();
            let name = text.split([':', ';']).next().unwrap_or_default().trim();
            message.contains(&format!("header {name:?}"))
        });
        let at = header.map_or(first.at, |header| header.at);
        error(Some(at), message)
    })?;
    Ok((request, invocation.warnings))
}

/// The body of the data options: one `@file` alone is a file; text parts join
/// with `&` (with nothing for `--json`), and text sent as JSON becomes JSON.
fn body(
    invocation: &Invocation,
    content_type: Option<Option<String>>,
    origin: &str,
) -> Result<Payload, Error> {
    let content_type = match content_type {
        Some(explicit) => explicit,
        None => Some(FORM.to_owned()),
    };
    if let [
        Located {
            value: Data::File { path, strip },
            ..
        },
    ] = &invocation.data[..]
    {
        return Ok(Payload::File {
            path: path.clone(),
            content_type,
            strip_line_breaks: *strip,
        });
    }
    let mut text = String::new();
    for (index, part) in invocation.data.iter().enumerate() {
        match &part.value {
            Data::Text(part) => {
                if index > 0 && !invocation.json {
                    text.push('&');
                }
                text.push_str(part);
            }
            Data::File { path, .. } => {
                return Err(Error::Curl {
                    origin: origin.to_owned(),
                    at: Some(part.at),
                    message: format!(
                        "@{path} joined with other data is not supported; put the whole body in the file"
                    ),
                });
            }
        }
    }
    let json_type = content_type
        .as_deref()
        .is_some_and(|value| value == "application/json" || value.ends_with("+json"));
    if json_type && let Ok(value) = serde_json::from_str::<Value>(&text) {
        return Ok(Payload::Json(value));
    }
    Ok(Payload::Text {
        body: text,
        content_type,
    })
}

fn append_query(url: &mut String, parts: &[String]) {
    for part in parts {
        url.push(if url.contains('?') { '&' } else { '?' });
        url.push_str(part);
    }
}

/// The token of an `Authorization: Bearer ...` header or `--oauth2-bearer`.
fn token(
    invocation: &mut Invocation,
    authorization: Option<Located<Word>>,
    keep_token: bool,
) -> Result<Token, Error> {
    let (word, at, bearer) = match (&invocation.bearer, authorization) {
        (Some(bearer), _) => (bearer.value.clone(), bearer.at, true),
        (None, Some(header)) => (header.value.clone(), header.at, false),
        (None, None) => return Ok(Token::None),
    };
    // The pieces after `Authorization: Bearer `.
    let mut pieces = word.pieces.to_vec();
    if !bearer {
        strip_literal_prefix(&mut pieces, |text| {
            let (_, value) = text.split_once(':')?;
            let rest = value.trim_start().get(7..)?;
            Some(text.len() - rest.len())
        });
    }
    let trimmed: Vec<&Piece> = pieces
        .iter()
        .filter(|piece| !matches!(piece, Piece::Literal(text) if text.trim().is_empty()))
        .collect();
    match trimmed[..] {
        [Piece::Var(name)] => Ok(Token::Env(name.clone())),
        [Piece::Literal(text)] => {
            let text = text.trim();
            if is_real_token(text) && !keep_token {
                invocation.warnings.push(Warning {
                    at: Some(at),
                    message:
                        "a real-looking token was replaced by $HF_TOKEN (--keep-token keeps it)"
                            .into(),
                });
                Ok(Token::Env("HF_TOKEN".into()))
            } else {
                Ok(Token::Placeholder(text.to_owned()))
            }
        }
        _ => {
            invocation.warnings.push(Warning {
                at: Some(at),
                message: format!(
                    "token {} is not one variable; kept as literal text",
                    word.text()
                ),
            });
            Ok(Token::Placeholder(
                pieces
                    .iter()
                    .map(piece_text)
                    .collect::<String>()
                    .trim()
                    .to_owned(),
            ))
        }
    }
}

fn piece_text(piece: &Piece) -> String {
    match piece {
        Piece::Literal(text) | Piece::Opaque(text) => text.clone(),
        Piece::Var(name) => format!("${name}"),
    }
}

/// Removes the first `cut(text)` bytes of the leading literal piece, when `cut` says so.
fn strip_literal_prefix(pieces: &mut Vec<Piece>, cut: impl Fn(&str) -> Option<usize>) {
    if let Some(Piece::Literal(text)) = pieces.first()
        && let Some(length) = cut(text)
    {
        let rest = text[length..].to_owned();
        if rest.is_empty() {
            pieces.remove(0);
        } else {
            pieces[0] = Piece::Literal(rest);
        }
    }
}
