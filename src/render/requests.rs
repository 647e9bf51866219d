//! Python with `requests`: sends any request.

use askama::Template;

use super::Response;
use crate::model::{Part, PartContent, Payload, Request, Token};
use crate::quote::{self, python};

#[derive(Template)]
#[template(path = "python/requests.py")]
pub(crate) struct View {
    url: String,
    /// `requests.post` and friends; `None` means `requests.request(method, ...)`.
    function: Option<&'static str>,
    method: String,
    needs_os: bool,
    /// Header keys and value expressions, both Python source.
    headers: Vec<(String, String)>,
    json: Option<String>,
    text: Option<String>,
    file: Option<String>,
    /// Drop CR and LF from the file's bytes, as curl's `-d @file` does.
    strip_line_breaks: bool,
    /// `files=` entries: `("name", (file name or None, content[, type]))`.
    parts: Vec<String>,
    response: Response,
    output_file: String,
}

pub(crate) fn view(request: &Request) -> View {
    let method = request.method();
    let function = match method {
        "GET" => Some("get"),
        "POST" => Some("post"),
        "PUT" => Some("put"),
        "PATCH" => Some("patch"),
        "DELETE" => Some("delete"),
        "HEAD" => Some("head"),
        "OPTIONS" => Some("options"),
        _ => None,
    };
    let mut headers = Vec::new();
    match &request.token {
        Token::Env(name) => headers.push((
            python::string("Authorization"),
            // The name is a valid identifier, so it needs no escaping inside the f-string.
            format!("f\"Bearer {{os.environ['{name}']}}\""),
        )),
        Token::Placeholder(text) => headers.push((
            python::string("Authorization"),
            python::string(&format!("Bearer {text}")),
        )),
        Token::None => {}
    }
    for (name, value) in request.wire_headers() {
        headers.push((python::string(name), python::string(value)));
    }
    let response = Response::of(request);
    let (mut json, mut text, mut file, mut parts) = (None, None, None, Vec::new());
    match &request.payload {
        Payload::None => {}
        Payload::Json(value) => json = Some(quote::pretty(value, &python::Python, 0)),
        Payload::Text { body, .. } => text = Some(python::string(body)),
        Payload::File { path, .. } => file = Some(python::string(path)),
        Payload::Multipart(form) => parts = form.iter().map(part).collect(),
    }
    View {
        url: python::string(&request.url),
        function,
        // Only `requests.request(method, ...)` names the method.
        method: if function.is_none() {
            python::string(method)
        } else {
            String::new()
        },
        needs_os: matches!(request.token, Token::Env(_)),
        strip_line_breaks: matches!(
            request.payload,
            Payload::File {
                strip_line_breaks: true,
                ..
            }
        ),
        headers,
        json,
        text,
        file,
        parts,
        response,
        // Only a binary answer is saved to a file.
        output_file: if response == Response::Bytes {
            python::string(Response::file_name(request))
        } else {
            String::new()
        },
    }
}

/// One `files=` entry. A text part has no file name (`None`), so requests sends it
/// as a plain field.
fn part(part: &Part) -> String {
    let filename = part
        .filename
        .as_deref()
        .map_or("None".to_owned(), python::string);
    let content = match &part.content {
        PartContent::Text(text) => python::string(text),
        PartContent::File(path) => format!("open({}, \"rb\")", python::string(path)),
        PartContent::FileText(path) => format!("open({}, \"rb\").read()", python::string(path)),
    };
    let content_type = part
        .content_type
        .as_deref()
        .map(|value| format!(", {}", python::string(value)))
        .unwrap_or_default();
    format!(
        "({}, ({filename}, {content}{content_type}))",
        python::string(&part.name)
    )
}
