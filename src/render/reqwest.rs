//! Rust with blocking `reqwest`: sends any request.

use askama::Template;

use super::Response;
use crate::model::{Payload, Request, Token};
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
        Payload::File { path, .. } => Some(format!("std::fs::read({})?", rust::string(path))),
    };
    View {
        url: rust::string(&request.url),
        call,
        token,
        headers,
        body,
        response: Response::of(request),
        output_file: rust::string(Response::file_name(request)),
    }
}
