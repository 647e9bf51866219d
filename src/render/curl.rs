//! The curl command, laid out like the Inference Endpoints docs: one option a line.

use askama::Template;

use super::{Response, refusal};
use crate::Client;
use crate::error::Error;
use crate::model::{Part, PartContent, Payload, Request, Token};
use crate::quote::{self, Json, shell};

#[derive(Template)]
#[template(path = "curl/curl.sh")]
pub(crate) struct View {
    url: String,
    /// Every option after the URL, quoted, one a line.
    options: Vec<String>,
}

pub(crate) fn view(request: &Request) -> Result<View, Error> {
    let mut options = Vec::new();
    let has_body = request.payload != Payload::None;
    match request.method() {
        "HEAD" if !has_body => options.push("--head".to_owned()),
        "GET" if !has_body => {}
        method => options.push(format!("-X {}", shell::word(method))),
    }
    match &request.token {
        Token::Env(name) => options.push(format!(
            "-H {}",
            shell::with_variable("Authorization: Bearer ", name)
        )),
        Token::Placeholder(text) => options.push(format!(
            "-H {}",
            shell::word(&format!("Authorization: Bearer {text}"))
        )),
        Token::None => {}
    }
    for (name, value) in request.wire_headers() {
        // `-H 'Name:'` would remove the header; `Name;` is curl's way to send it empty.
        let header = if value.is_empty() {
            format!("{name};")
        } else {
            format!("{name}: {value}")
        };
        options.push(format!("-H {}", shell::word(&header)));
    }
    if matches!(request.payload, Payload::Text { .. } | Payload::File { .. })
        && request.content_type().is_none()
    {
        // curl would add its form Content-Type; an empty `Name:` removes it.
        options.push(format!("-H {}", shell::word("Content-Type:")));
    }
    match &request.payload {
        Payload::None => {}
        // JSON never starts with `@`, so `-d` cannot mistake it for a file name.
        Payload::Json(value) => {
            options.push(format!(
                "-d {}",
                shell::word(&quote::pretty(value, &Json, 1))
            ));
        }
        Payload::Text { body, .. } if body.contains('\0') => {
            return Err(refusal(
                Client::Curl,
                "a shell argument cannot hold a NUL byte",
                None,
            )
            .advice("put the body in a file"));
        }
        // `--data-raw` sends a leading `@` as text instead of reading a file.
        Payload::Text { body, .. } => options.push(format!("--data-raw {}", shell::word(body))),
        Payload::Multipart(parts) => {
            for part in parts {
                options.push(form_option(part)?);
            }
        }
        Payload::File {
            path,
            strip_line_breaks,
            ..
        } => {
            // `@-` would read standard input instead of a file named `-`.
            let path = if path == "-" { "./-" } else { path };
            // `-d @file` drops CR and LF; `--data-binary @file` sends the bytes as they are.
            let option = if *strip_line_breaks {
                "-d"
            } else {
                "--data-binary"
            };
            options.push(format!("{option} {}", shell::word(&format!("@{path}"))));
        }
    }
    let response = Response::of(request);
    if response.streams() {
        options.push("--no-buffer".to_owned());
    }
    if response == Response::Bytes {
        options.push(format!("-o {}", shell::word(Response::file_name(request))));
    }
    Ok(View {
        url: shell::word(&request.url),
        options,
    })
}

/// One multipart part as `--form-string` (text, taken as is) or `-F` with curl's
/// `;type=` and `;filename=` parameters.
fn form_option(part: &Part) -> Result<String, Error> {
    let refuse = |reason: String| refusal(Client::Curl, reason, None);
    let mut value = match &part.content {
        PartContent::Text(text) if text.contains('\0') => {
            return Err(refuse("a shell argument cannot hold a NUL byte".into()));
        }
        PartContent::Text(text) if part.content_type.is_none() => {
            return Ok(format!(
                "--form-string {}",
                shell::word(&format!("{}={text}", part.name))
            ));
        }
        PartContent::Text(text) => {
            if text.starts_with(['@', '<', '"']) || text.contains(';') {
                return Err(refuse(format!(
                    "-F cannot send the text {text:?} with a type of its own"
                )));
            }
            format!("{}={text}", part.name)
        }
        PartContent::File(path) => format!("{}=@{}", part.name, shell::form_quoted(path)),
        PartContent::FileText(path) => format!("{}=<{}", part.name, shell::form_quoted(path)),
    };
    if let Some(content_type) = &part.content_type {
        value.push_str(&format!(";type={content_type}"));
    }
    if let Some(filename) = &part.filename {
        value.push_str(&format!(";filename={}", shell::form_quoted(filename)));
    }
    Ok(format!("-F {}", shell::word(&value)))
}
