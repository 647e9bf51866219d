//! The curl command, laid out like the Inference Endpoints docs: one option a line.

use askama::Template;

mod fields;

use super::headers::{Headers, credentials};
use super::{Response, refusal};
use crate::Client;
use crate::error::Error;
use crate::model::{Connection, FileBytes, Part, PartContent, Payload, Request};
use crate::quote::JsonBody;
use crate::quote::shell::{self, Shell};
use crate::text::{Segment, Text};

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
    connection_options(&request.connection, &mut options);
    header_options(request, &mut options);
    body_options(&request.payload, &mut options)?;
    let response = Response::of(request);
    if response.streams() {
        options.push("--no-buffer".to_owned());
    }
    if let Some(file) = response.saved_to(request, &Shell) {
        options.push(format!("-o {file}"));
    }
    // A query that form-encodes a variable is written as curl's options that encode.
    let url = match fields::query(&request.url, has_body)? {
        Some((url, query_options)) => {
            options.extend(query_options);
            url
        }
        None => request.url.clone(),
    };
    if globs(&url) {
        options.insert(0, "--globoff".to_owned());
    }
    Ok(View {
        url: shell::text(&url),
        options,
    })
}

/// Whether curl would read part of `url` as a glob: `{a,b}` and `[1-3]` are sets and
/// ranges, and a lone `{file_id}` is sent as `file_id`. A variable's braces are the
/// shell's, gone before curl sees the URL.
fn globs(url: &Text) -> bool {
    url.segments().iter().any(|segment| match segment {
        Segment::Literal(text) | Segment::Placeholder(text) => text.contains(['{', '}', '[', ']']),
        Segment::Var(_) | Segment::File(_) | Segment::FileBase64(_) => false,
    })
}

/// `-u` for a user and password, `-H` for every header sent.
fn header_options(request: &Request, options: &mut Vec<String>) {
    let headers = Headers::of(request, &Shell);
    if let Some((user, password)) = headers.basic {
        options.push(format!("-u {}", shell::text(&credentials(user, password))));
    }
    options.extend(headers.list.iter().map(|header| format!("-H {header}")));
    if matches!(request.payload, Payload::Text { .. } | Payload::File { .. })
        && request.content_type().is_none()
    {
        // curl would add its form Content-Type; an empty `Name:` removes it.
        options.push(format!("-H {}", shell::word("Content-Type:")));
    }
}

/// The options that send the body.
fn body_options(payload: &Payload, options: &mut Vec<String>) -> Result<(), Error> {
    // JSON never starts with `@`, so `-d` cannot mistake it for a file name.
    let json = |json: JsonBody| {
        let body = json.text(1);
        no_nul(&body).map(|()| format!("-d {}", shell::text(&body)))
    };
    match payload {
        Payload::None => {}
        Payload::Json(value) => options.push(json(JsonBody::Value(value))?),
        Payload::JsonTemplate(template) => options.push(json(JsonBody::Template(template))?),
        // `--data-raw` sends a leading `@` as text instead of reading a file.
        Payload::Text { body, .. } => {
            no_nul(body)?;
            if fields::form_encodes(body) {
                options.extend(fields::body(body)?);
            } else {
                options.push(format!("--data-raw {}", shell::text(body)));
            }
        }
        Payload::Multipart(parts) => {
            for part in parts {
                options.push(form_option(part)?);
            }
        }
        Payload::File { path, bytes, .. } => options.push(file_option(path, *bytes)),
    }
    Ok(())
}

/// The option that sends the file at `path`, its bytes as the request reads them.
fn file_option(path: &str, bytes: FileBytes) -> String {
    // `@-` would read standard input instead of a file named `-`.
    let path = if path == "-" { "./-" } else { path };
    match bytes {
        // `-d @file` drops CR and LF; `--data-binary @file` sends the bytes as they are.
        FileBytes::StripLineBreaks => format!("-d {}", shell::word(&format!("@{path}"))),
        // The shell drops the line breaks that end a command's output.
        FileBytes::TrimTrailingNewlines => {
            format!("--data-raw \"$(cat {})\"", shell::word(path))
        }
        FileBytes::AsIs => format!("--data-binary {}", shell::word(&format!("@{path}"))),
    }
}

/// A body's text a shell argument can hold: no NUL byte.
fn no_nul(text: &Text) -> Result<(), Error> {
    if holds_nul(text) {
        Err(refusal(
            Client::Curl,
            "a shell argument cannot hold a NUL byte",
            Some(Client::Requests),
        )
        .advice("put the body in a file"))
    } else {
        Ok(())
    }
}

/// One multipart part as `--form-string` (text, taken as is) or `-F` with curl's
/// `;type=` and `;filename=` parameters.
fn form_option(part: &Part) -> Result<String, Error> {
    let refuse = |reason: String| refusal(Client::Curl, reason, Some(Client::Requests));
    let mut value = match &part.content {
        PartContent::Text(text) if holds_nul(text) => {
            return Err(refuse("a shell argument cannot hold a NUL byte".into()));
        }
        PartContent::Text(text) if part.content_type.is_none() => {
            let mut field = Text::from(format!("{}=", part.name));
            field.extend(text.clone());
            return Ok(format!("--form-string {}", shell::text(&field)));
        }
        PartContent::Text(text) => {
            let Some(text) = text.without_vars() else {
                return Err(refuse(format!(
                    "-F cannot send the text of {:?}, read from the environment, with a type of its own",
                    part.name
                )));
            };
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

/// curl's own options for how the request travels.
fn connection_options(connection: &Connection, options: &mut Vec<String>) {
    if connection.insecure {
        options.push("--insecure".to_owned());
    }
    if let Some(seconds) = connection.connect_timeout {
        options.push(format!("--connect-timeout {seconds}"));
    }
    if let Some(seconds) = connection.timeout {
        options.push(format!("--max-time {seconds}"));
    }
    if let Some(proxy) = &connection.proxy {
        options.push(format!("--proxy {}", shell::text(proxy)));
    }
    if connection.compressed {
        options.push("--compressed".to_owned());
    }
    if connection.follow_redirects {
        options.push("--location".to_owned());
    }
}

/// Whether the literal text of `text` holds a NUL byte, which no shell argument can.
fn holds_nul(text: &Text) -> bool {
    text.segments().iter().any(|segment| match segment {
        Segment::Literal(text) | Segment::Placeholder(text) => text.contains('\0'),
        _ => false,
    })
}
