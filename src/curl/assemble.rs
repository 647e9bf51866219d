//! [`Invocation`] → [`Request`]: curl's defaults made explicit, the token recognised,
//! and whatever the model cannot hold reported as a warning or a located error.

use serde_json::Value;

use super::encode;
use super::lex::{Piece, Word};
use super::parse::{Data, Invocation, Located};
use super::places::Places;
use crate::Task;
use crate::diagnostic::{Code, Diagnostic, Place};
use crate::error::Error;
use crate::model::{Payload, Request, Token};
use crate::secret;

/// What curl sends as Content-Type for `-d` when no header says otherwise.
const FORM: &str = "application/x-www-form-urlencoded";

/// The request of `invocation`, whose `curl` word is at `command_at` (the place of
/// what the command lacks), with the warnings of the way.
pub(crate) fn assemble(
    invocation: Invocation,
    command_at: Place,
    keep_token: bool,
) -> Result<(Request, Vec<Diagnostic>, Places), Error> {
    let mut assembler = Assembler {
        invocation,
        command_at,
        url_at: command_at,
        content_type: None,
        authorization: None,
    };
    let mut request = Request::new(assembler.url()?);
    assembler.headers(&mut request)?;
    assembler.credentials(&mut request, keep_token)?;
    assembler.body_or_query(&mut request)?;
    // A JSON payload's Content-Type is its own; only another value stays a header.
    if let (Payload::Json(_), Some(Some(value))) = (&request.payload, &assembler.content_type)
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
    let places = Places::of_invocation(&mut assembler.invocation, assembler.url_at);
    // A validation problem is placed at the word its field came from.
    request.validate().map_err(|err| {
        let at = places.of_problem(err.diagnostic().field.as_ref());
        err.at(at)
    })?;
    Ok((request, assembler.invocation.warnings, places))
}

/// An invocation being turned into a request, with what one step tells the next.
struct Assembler {
    invocation: Invocation,
    command_at: Place,
    /// The first URL's word, once read.
    url_at: Place,
    /// The Content-Type header: `Some(None)` when `-H 'Content-Type:'` removes it.
    content_type: Option<Option<String>>,
    /// The `Authorization: Bearer ...` header, which gives the token.
    authorization: Option<Located<Word>>,
}

impl Assembler {
    fn warn(&mut self, at: Place, code: Code, message: impl Into<String>) {
        self.invocation
            .warnings
            .push(Diagnostic::warning(code, message).at(at));
    }

    /// The first URL, with a scheme; the others are left out with a warning.
    fn url(&mut self) -> Result<String, Error> {
        let mut urls = std::mem::take(&mut self.invocation.urls).into_iter();
        let Some(first) = urls.next() else {
            return Err(Error::new(Code::MissingUrl, "the curl command has no URL")
                .at(self.command_at)
                .advice("add the endpoint's URL after curl"));
        };
        self.url_at = first.at;
        for extra in urls {
            self.warn(
                extra.at,
                Code::LeftOut,
                format!(
                    "only the first URL is converted; {} is left out",
                    extra.value
                ),
            );
        }
        if first.value.contains("://") {
            return Ok(first.value);
        }
        let scheme = self.invocation.proto_default.as_deref().unwrap_or("http");
        let url = format!("{scheme}://{}", first.value);
        self.warn(
            first.at,
            Code::MissingScheme,
            format!("no scheme in {}: curl uses {scheme}://", first.value),
        );
        Ok(url)
    }

    /// Headers: `Name: value` adds, `Name:` removes curl's own, `Name;` sends it empty.
    fn headers(&mut self, request: &mut Request) -> Result<(), Error> {
        let headers = std::mem::take(&mut self.invocation.headers);
        for header in &headers {
            let text = header.value.text();
            let (name, value) = match text.split_once(':') {
                Some((name, value)) => (name.trim(), Some(value.trim())),
                None => match text.strip_suffix(';') {
                    Some(name) => (name.trim(), Some("")),
                    None => {
                        return Err(Error::new(
                            Code::HeaderWithoutColon,
                            format!("header {text:?} has no `:`"),
                        )
                        .at(header.at)
                        .advice("write `Name: value`"));
                    }
                },
            };
            let value = value.filter(|value| !value.is_empty() || text.ends_with(';'));
            if name.eq_ignore_ascii_case("content-type") {
                self.content_type = Some(value.map(str::to_owned));
            } else if crate::validate::CLIENT_HEADERS.contains(&name.to_ascii_lowercase().as_str())
            {
                // Browsers' "Copy as cURL" lists connection headers each client manages itself.
                self.warn(
                    header.at,
                    Code::ClientHeader,
                    format!("header {name} is managed by each HTTP client; left out"),
                );
            } else if name.eq_ignore_ascii_case("authorization") && is_bearer(value) {
                self.authorization = Some(header.clone());
            } else if let Some(value) = value {
                if header
                    .value
                    .pieces
                    .iter()
                    .any(|piece| !matches!(piece, Piece::Literal(_)))
                {
                    self.warn(
                        header.at,
                        Code::LiteralVariable,
                        format!("header {name}: shell variables kept as literal text"),
                    );
                }
                request.headers.push((name.to_owned(), value.to_owned()));
            } else {
                self.warn(
                    header.at,
                    Code::RemovedHeader,
                    format!("-H '{name}:' removes a header curl adds; the snippets' own clients may still send it"),
                );
            }
        }
        // Kept for placing problems at the word they came from.
        self.invocation.headers = headers;
        if self.invocation.json {
            if self.content_type.is_none() {
                self.content_type = Some(Some("application/json".into()));
            }
            if request.header_value("accept").is_none() {
                request
                    .headers
                    .push(("Accept".into(), "application/json".into()));
            }
        }
        Ok(())
    }

    /// The token, from `Authorization: Bearer` or `--oauth2-bearer`, and `-u`'s Basic
    /// credentials when there is no token.
    fn credentials(&mut self, request: &mut Request, keep_token: bool) -> Result<(), Error> {
        request.token = self.token(keep_token);
        let Some(user) = &self.invocation.user else {
            return Ok(());
        };
        if request.token != Token::None {
            // A given Authorization header replaces the one curl makes from -u.
            let at = user.at;
            self.warn(
                at,
                Code::CredentialsLeftOut,
                "-u is left out: the bearer token is the Authorization sent",
            );
        } else if !user.value.contains(':') {
            return Err(Error::new(
                Code::MissingPassword,
                format!("-u {}: curl would prompt for the password", user.value),
            )
            .at(user.at)
            .advice("write user:password"));
        } else {
            let basic = format!("Basic {}", encode::base64(user.value.as_bytes()));
            request.headers.push(("Authorization".into(), basic));
        }
        Ok(())
    }

    /// The token of an `Authorization: Bearer ...` header or `--oauth2-bearer`.
    fn token(&mut self, keep_token: bool) -> Token {
        let (word, at, bearer) = match (&self.invocation.bearer, &self.authorization) {
            (Some(bearer), _) => (bearer.value.clone(), bearer.at, true),
            (None, Some(header)) => (header.value.clone(), header.at, false),
            (None, None) => return Token::None,
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
            [Piece::Var(name)] => Token::Env(name.clone()),
            [Piece::Literal(text)] => {
                let text = text.trim();
                if secret::is_real_token(text) && !keep_token {
                    self.invocation.warnings.push(secret::replaced().at(at));
                    Token::default()
                } else {
                    Token::Placeholder(text.to_owned())
                }
            }
            _ => {
                self.warn(
                    at,
                    Code::LiteralVariable,
                    format!(
                        "token {} is not one variable; kept as literal text",
                        word.text()
                    ),
                );
                Token::Placeholder(
                    pieces
                        .iter()
                        .map(piece_text)
                        .collect::<String>()
                        .trim()
                        .to_owned(),
                )
            }
        }
    }

    /// The body (a file, a form, data) and the method it implies; or, with `-G`, the
    /// data in the query.
    fn body_or_query(&mut self, request: &mut Request) -> Result<(), Error> {
        let invocation = &self.invocation;
        let mut method_default = "GET";
        if invocation.get {
            let mut query: Vec<String> = Vec::new();
            for part in &invocation.data {
                match &part.value {
                    Data::Text(text) => query.push(text.clone()),
                    Data::File { path, .. } => {
                        return Err(Error::new(
                            Code::UnsupportedBody,
                            format!(
                                "-G with @{path}: reading the query from a file is not supported"
                            ),
                        )
                        .at(part.at));
                    }
                }
            }
            query.extend(invocation.query.iter().cloned());
            append_query(&mut request.url, &query);
        } else {
            append_query(&mut request.url, &invocation.query);
            if let Some(upload) = &invocation.upload {
                if !invocation.data.is_empty() {
                    return Err(two_bodies("-T and -d", upload.at));
                }
                request.payload = Payload::File {
                    path: upload.value.clone(),
                    content_type: self.content_type.clone().flatten(),
                    strip_line_breaks: false,
                };
                method_default = "PUT";
            } else if !invocation.forms.is_empty() {
                request.payload = self.form()?;
                method_default = "POST";
            } else if !invocation.data.is_empty() {
                request.payload = body(invocation, self.content_type.clone())?;
                method_default = "POST";
            }
        }
        let invocation = &self.invocation;
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
        Ok(())
    }

    /// The multipart body of `-F` options.
    fn form(&mut self) -> Result<Payload, Error> {
        let invocation = &self.invocation;
        let form_at = invocation.forms[0].at;
        if let Some(data) = invocation.data.first() {
            return Err(two_bodies("-F and -d", data.at));
        }
        if let Some(Some(value)) = &self.content_type {
            if !value.starts_with("multipart/form-data") {
                return Err(Error::new(
                    Code::ConflictingContentType,
                    format!("-F sends multipart/form-data, not {value}"),
                )
                .at(form_at)
                .advice("remove the Content-Type header"));
            }
            self.warn(
                form_at,
                Code::InvalidMultipart,
                "the multipart Content-Type and its boundary come from each client",
            );
        }
        let parts = self
            .invocation
            .forms
            .iter()
            .map(|form| {
                let (value, literal) = &form.value;
                super::form::part(value, *literal).map_err(|err| err.at(form.at))
            })
            .collect::<Result<_, _>>()?;
        Ok(Payload::Multipart(parts))
    }
}

fn is_bearer(value: Option<&str>) -> bool {
    value.is_some_and(|value| {
        value.len() > 7
            && value
                .get(..7)
                .is_some_and(|scheme| scheme.eq_ignore_ascii_case("bearer "))
    })
}

fn two_bodies(options: &str, at: Place) -> Error {
    Error::new(
        Code::ConflictingBodies,
        format!("{options} both give a body"),
    )
    .at(at)
    .advice("keep one")
}

/// The body of the data options: one `@file` alone is a file; text parts join
/// with `&` (with nothing for `--json`), and text sent as JSON becomes JSON.
fn body(invocation: &Invocation, content_type: Option<Option<String>>) -> Result<Payload, Error> {
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
                return Err(Error::new(
                    Code::UnsupportedBody,
                    format!("@{path} joined with other data is not supported"),
                )
                .at(part.at)
                .advice("put the whole body in the file"));
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
