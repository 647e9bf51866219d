//! Python with `requests`: sends any request.

use std::borrow::Cow;

use askama::Template;

use super::Response;
use super::headers::Headers;
use crate::diagnostic::{Code, Diagnostic, Field};
use crate::model::{Connection, FileBytes, Part, PartContent, Payload, Request};
use crate::quote::{JsonBody, python};
use crate::text::{Escapes, Segment, Text};

#[derive(Template)]
#[template(path = "python/requests.py")]
pub(crate) struct View {
    url: String,
    /// `post` and friends, or `request` (whose first argument is the method).
    function: &'static str,
    /// The arguments of the call, in order: `API_URL`, `headers=headers`, ...
    args: Vec<Cow<'static, str>>,
    /// Whether the call fits on one line of 88 columns.
    one_line: bool,
    needs_os: bool,
    /// `from urllib.parse import quote_plus`, for form-encoded variables.
    needs_quote_plus: bool,

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
    // requests writes `Basic` and the base64 of `user:password` itself.
    let Headers {
        list: headers,
        basic,
    } = Headers::of(request, &python::Python);
    let auth = basic.map(|(user, password)| format!("({user}, {password})"));
    let response = Response::of(request);
    let (mut json, mut text, mut file, mut parts) = (None, None, None, Vec::new());
    let mut parses_json = false;
    match &request.payload {
        Payload::None => {}
        Payload::Json(_) | Payload::JsonTemplate(_) => {
            let body = JsonBody::of(&request.payload);
            parses_json = body.is_some_and(JsonBody::reads_numbers);
            json = body.map(|body| python::json(body, 0));
        }
        Payload::Text { body, .. } => text = Some(python::text(body)),
        Payload::File { path, .. } => file = Some(python::string(path)),
        Payload::Multipart(form) => parts = form.iter().map(part).collect(),
    }
    let bytes = match &request.payload {
        Payload::File { bytes, .. } => *bytes,
        _ => FileBytes::AsIs,
    };
    // Only `requests.request(method, ...)` names the method.
    let mut args: Vec<Cow<'static, str>> = function
        .is_none()
        .then(|| Cow::Owned(python::string(method)))
        .into_iter()
        .collect();
    args.push(Cow::Borrowed("API_URL"));
    if !headers.is_empty() {
        args.push(Cow::Borrowed("headers=headers"));
    }
    args.extend(auth.map(|auth| Cow::Owned(format!("auth={auth}"))));
    args.extend(
        connection_options(&request.connection)
            .into_iter()
            .map(Cow::Owned),
    );
    let given = [
        (json.is_some(), "json=payload"),
        (text.is_some() || file.is_some(), "data=data"),
        (!parts.is_empty(), "files=files"),
        (response.streams(), "stream=True"),
    ];
    args.extend(
        given
            .iter()
            .filter(|(yes, _)| *yes)
            .map(|(_, arg)| Cow::Borrowed(*arg)),
    );
    let function = function.unwrap_or("request");
    // `response = requests.` and the parentheses take 21 columns; `, ` joins.
    let line: usize = args.iter().map(|arg| arg.len() + 2).sum::<usize>() - 2;
    let reads = request.reads();
    View {
        url: python::text(&request.url),
        function,
        args,
        one_line: 21 + function.len() + line <= 88,
        needs_os: reads.env || reads.home,
        needs_quote_plus: reads.form_encoded,

        needs_json: parses_json
            || response == Response::ChatStream
            || response == Response::TokenStream,
        strip_line_breaks: bytes == FileBytes::StripLineBreaks,
        trim_trailing_newlines: bytes == FileBytes::TrimTrailingNewlines,
        headers,
        json,
        text,
        file,
        parts,
        response,
        // Only a binary answer is saved to a file.
        output_file: if response == Response::Bytes {
            python::string(&Response::file_name(request))
        } else {
            String::new()
        },
    }
}

/// What the requests snippet does differently from curl: its `timeout=` bounds
/// connecting and each wait for data, not the whole exchange as `--max-time` does;
/// and urllib3, under requests, writes every `%XX` escape of the URL in uppercase.
pub(crate) fn caveats(request: &Request) -> Vec<Diagnostic> {
    let mut caveats = per_wait_timeout(request, "requests");
    if lowercase_escapes(&request.url) {
        caveats.push(
            Diagnostic::warning(
                Code::NotCarriedOver,
                "requests writes the URL's %-escapes in uppercase (%2A where curl sends %2a): the same URL by RFC 3986, which a server comparing raw text could tell apart",
            )
            .about(Field::Url),
        );
    }
    caveats
}

/// Whether `url` holds an escape with a lowercase hex digit, or a variable that curl
/// escapes that way.
fn lowercase_escapes(url: &Text) -> bool {
    url.segments().iter().any(|segment| match segment {
        Segment::Literal(literal) => literal.as_bytes().windows(3).any(|window| {
            window[0] == b'%'
                && window[1..].iter().all(u8::is_ascii_hexdigit)
                && window[1..].iter().any(u8::is_ascii_lowercase)
        }),
        Segment::Var(var) => var.form_encoded == Some(Escapes::Lowercase),
        _ => false,
    })
}

/// The caveat of a Python client whose timeout bounds each wait, not the exchange.
pub(crate) fn per_wait_timeout(request: &Request, client: &str) -> Vec<Diagnostic> {
    let Some(seconds) = request.connection.timeout else {
        return Vec::new();
    };
    vec![
        Diagnostic::warning(
            Code::NotCarriedOver,
            format!(
                "the {client} timeout bounds connecting and each wait for data, not the whole exchange as --max-time {seconds} does"
            ),
        )
        .about(Field::Connection),
    ]
}

/// `verify=False`, `timeout=` and `proxies=` as curl's options ask. requests bounds
/// connecting and each read, not the whole exchange; it decodes gzip and deflate and
/// follows redirects on its own.
fn connection_options(connection: &Connection) -> Vec<String> {
    let mut options = Vec::new();
    if connection.insecure {
        options.push("verify=False".to_owned());
    }
    match (connection.connect_timeout, connection.timeout) {
        (None, None) => {}
        (Some(connect), None) => options.push(format!("timeout=({connect}, None)")),
        (None, Some(total)) => options.push(format!("timeout={total}")),
        (Some(connect), Some(total)) => options.push(format!("timeout=({connect}, {total})")),
    }
    if let Some(proxy) = &connection.proxy {
        let proxy = python::text(proxy);
        options.push(format!("proxies={{\"http\": {proxy}, \"https\": {proxy}}}"));
    }
    options
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
