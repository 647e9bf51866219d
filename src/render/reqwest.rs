//! Rust with blocking `reqwest`: sends any request.

use askama::Template;

use super::Response;
use crate::model::{Part, PartContent, Payload, Request, Token};
use crate::quote::{self, Json, rust};

#[derive(Template)]
#[template(path = "rust/reqwest.rs")]
pub(crate) struct View {
    url: String,
    /// `.post(url)` and friends, or `.request(Method::from_bytes(..)?, url)`.
    call: String,
    token: Option<String>,
    /// Header names and values, both Rust literals.
    headers: Vec<(String, String)>,
    /// The `.body(..)` argument.
    body: Option<String>,
    /// The calls that add each part of a multipart form.
    form: Vec<String>,
    response: Response,
    output_file: String,
}

pub(crate) fn view(request: &Request) -> View {
    let call = match request.method() {
        method @ ("GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD") => {
            format!("{}(API_URL)", method.to_ascii_lowercase())
        }
        method => format!(
            "request(reqwest::Method::from_bytes({}.as_bytes())?, API_URL)",
            rust::string(method)
        ),
    };
    let token = match &request.token {
        Token::Env(name) => Some(format!(
            "format!(\"Bearer {{}}\", std::env::var({})?)",
            rust::string(name)
        )),
        Token::Placeholder(text) => Some(rust::string(&format!("Bearer {text}"))),
        Token::None => None,
    };
    let headers = request
        .wire_headers()
        .into_iter()
        .map(|(name, value)| (rust::string(name), rust::string(value)))
        .collect();
    let body = match &request.payload {
        Payload::None => None,
        Payload::Json(value) => Some(rust::block(&quote::pretty(value, &Json, 0))),
        Payload::Text { body, .. } => Some(rust::string(body)),
        // curl's `-d @file` drops CR and LF bytes.
        Payload::File {
            path,
            strip_line_breaks: true,
            ..
        } => Some(format!(
            "std::fs::read({})?\n            .into_iter()\n            .filter(|byte| !matches!(byte, b'\\r' | b'\\n'))\n            .collect::<Vec<u8>>()",
            rust::string(path)
        )),
        Payload::File { path, .. } => Some(format!("std::fs::read({})?", rust::string(path))),
        Payload::Multipart(_) => None,
    };
    let form = match &request.payload {
        Payload::Multipart(parts) => parts.iter().map(part).collect(),
        _ => Vec::new(),
    };
    View {
        url: rust::string(&request.url),
        call,
        token,
        headers,
        body,
        form,
        response: Response::of(request),
        output_file: rust::string(Response::file_name(request)),
    }
}

/// `.text(name, value)` for a plain text field, else `.part(name, Part...)`.
fn part(part: &Part) -> String {
    let name = rust::string(&part.name);
    let mut value = match &part.content {
        PartContent::Text(text) if part.content_type.is_none() && part.filename.is_none() => {
            return format!(".text({name}, {})", rust::string(text));
        }
        PartContent::Text(text) => format!("Part::text({})", rust::string(text)),
        PartContent::File(path) => format!("Part::bytes(std::fs::read({})?)", rust::string(path)),
        // The bytes as they are: a part made from bytes has no file name or type.
        PartContent::FileText(path) => {
            format!("Part::bytes(std::fs::read({})?)", rust::string(path))
        }
    };
    if let Some(filename) = &part.filename {
        value.push_str(&format!(".file_name({})", rust::string(filename)));
    }
    if let Some(content_type) = &part.content_type {
        value.push_str(&format!(".mime_str({})?", rust::string(content_type)));
    }
    format!(".part({name}, {value})")
}
