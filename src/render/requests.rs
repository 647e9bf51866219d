//! Python with `requests`: sends any request.

use askama::Template;

use super::Response;
use crate::model::{FileBytes, Part, PartContent, Payload, Request, Slot, Token};
use crate::quote::{self, python};

#[derive(Template)]
#[template(path = "python/requests.py")]
pub(crate) struct View {
    url: String,
    /// `requests.post` and friends; `None` means `requests.request(method, ...)`.
    function: Option<&'static str>,
    method: String,
    needs_os: bool,
    /// `import json`: for streams, and for numbers read from the environment.
    needs_json: bool,
    /// Header keys and value expressions, both Python source.
    headers: Vec<(String, String)>,
    json: Option<String>,
    text: Option<String>,
    file: Option<String>,
    /// Drop CR and LF from the file's bytes, as curl's `-d @file` does.
    strip_line_breaks: bool,
    /// Drop the line breaks that end the file, as the shell's `"$(cat file)"` does.
    trim_trailing_newlines: bool,
    /// The `auth=` tuple of Basic credentials.
    auth: Option<String>,
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
    let mut auth = None;
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
        // requests writes `Basic` and the base64 of `user:password` itself.
        Token::Basic { user, password } => {
            auth = Some(format!(
                "({}, {})",
                python::text(user),
                python::text(password)
            ));
        }
        Token::None => {}
    }
    for (name, value) in request.wire_headers() {
        headers.push((python::string(name), python::text(&value)));
    }
    let response = Response::of(request);
    let (mut json, mut text, mut file, mut parts) = (None, None, None, Vec::new());
    let mut parses_json = false;
    match &request.payload {
        Payload::None => {}
        Payload::Json(value) => json = Some(quote::pretty(value, &python::Python, 0)),
        Payload::JsonTemplate(template) => {
            parses_json = template.slots.iter().any(|slot| slot.number);
            let fill = |slot: &Slot| {
                let value = python::text(&slot.text);
                if slot.number {
                    format!("json.loads({value})")
                } else {
                    value
                }
            };
            json = Some(quote::pretty_template(template, &python::Python, 0, &fill));
        }
        Payload::Text { body, .. } => text = Some(python::text(body)),
        Payload::File { path, .. } => file = Some(python::string(path)),
        Payload::Multipart(form) => parts = form.iter().map(part).collect(),
    }
    let bytes = match &request.payload {
        Payload::File { bytes, .. } => *bytes,
        _ => FileBytes::AsIs,
    };
    View {
        url: python::text(&request.url),
        function,
        // Only `requests.request(method, ...)` names the method.
        method: if function.is_none() {
            python::string(method)
        } else {
            String::new()
        },
        needs_os: !request.vars().is_empty() || request.reads_home(),
        needs_json: parses_json
            || response == Response::ChatStream
            || response == Response::TokenStream,
        strip_line_breaks: bytes == FileBytes::StripLineBreaks,
        trim_trailing_newlines: bytes == FileBytes::TrimTrailingNewlines,
        headers,
        auth,
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
        PartContent::Text(text) => python::text(text),
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
