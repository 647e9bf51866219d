//! JavaScript with the `fetch` built into Node 18+: sends any request.

use askama::Template;

use super::Response;
use crate::model::{Payload, Request, Token};
use crate::quote::{self, Json, js};

#[derive(Template)]
#[template(path = "js/fetch.js")]
pub(crate) struct View {
    url: String,
    method: String,
    /// Header keys and value expressions, both JavaScript source.
    headers: Vec<(String, String)>,
    /// The `body:` expression.
    body: Option<String>,
    reads_file: bool,
    response: Response,
    output_file: String,
}

pub(crate) fn view(request: &Request) -> View {
    let mut headers = Vec::new();
    match &request.token {
        Token::Env(name) => headers.push((
            js::key("Authorization"),
            // A valid identifier: `process.env.NAME` needs no quoting.
            format!("`Bearer ${{process.env.{name}}}`"),
        )),
        Token::Placeholder(text) => headers.push((
            js::key("Authorization"),
            js::string(&format!("Bearer {text}")),
        )),
        Token::None => {}
    }
    for (name, value) in request.wire_headers() {
        headers.push((js::key(name), js::string(value)));
    }
    let body = match &request.payload {
        Payload::None => None,
        Payload::Json(value) if js::numbers_fit(value) => Some(format!(
            "JSON.stringify({})",
            quote::pretty(value, &js::Js, 1)
        )),
        // A JavaScript number would round this integer: send the JSON text itself.
        Payload::Json(value) => Some(js::string(&quote::pretty(value, &Json, 0))),
        // A string body would get fetch's own `text/plain;charset=UTF-8`; bytes get none.
        Payload::Text {
            body,
            content_type: None,
        } if request.content_type().is_none() => {
            Some(format!("new TextEncoder().encode({})", js::string(body)))
        }
        Payload::Text { body, .. } => Some(js::string(body)),
        Payload::File { path, .. } => Some(format!("readFileSync({})", js::string(path))),
    };
    View {
        url: js::string(&request.url),
        method: js::string(request.method()),
        headers,
        body,
        reads_file: matches!(request.payload, Payload::File { .. }),
        response: Response::of(request),
        output_file: js::string(Response::file_name(request)),
    }
}
