//! Python with `requests`: sends any request.

use std::borrow::Cow;

use askama::Template;

use super::Response;
use super::headers::Headers;
use crate::diagnostic::{Code, Diagnostic, Field};
use crate::error::Error;
use crate::model::{Connection, Part, PartContent, Payload, Request};
use crate::quote::JsonBody;
use crate::quote::python::{self, Python};
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
    /// The function that encodes a variable as curl's `--url-query` does.
    url_query_encode: Option<&'static str>,
    /// `import json`: for streams, and for numbers read from the environment.
    needs_json: bool,
    /// A file's base64 is read (`import base64`).
    needs_base64: bool,
    /// Header keys and value expressions, both Python source.
    headers: Vec<(String, String)>,
    body: Body,
    response: Response,
    /// Where a binary answer is saved.
    output_file: Option<String>,
}

/// The body, as the lines before the call write it: one of these is given.
#[derive(Default)]
struct Body {
    /// `payload = ...`, sent with `json=`.
    json: Option<String>,
    /// `data = ....encode()`.
    text: Option<String>,
    /// The file's path, and what reads its bytes from the open file `f`.
    file: Option<(String, &'static str)>,
    /// `files=` entries: `("name", (file name or None, content[, type]))`.
    parts: Vec<String>,
    /// A number is read from the environment through `json.loads`.
    parses_json: bool,
}

pub(crate) fn view(request: &Request) -> Result<View, Error> {
    // requests writes `Basic` and the base64 of `user:password` itself.
    let Headers { list, basic } = Headers::of(request, &Python);
    let body = body(&request.payload);
    let response = Response::of(request);
    let function = function(request.method());
    // Only `requests.request(method, ...)` names the method.
    let mut args: Vec<Cow<'static, str>> = function
        .is_none()
        .then(|| Cow::Owned(python::string(request.method())))
        .into_iter()
        .collect();
    args.push(Cow::Borrowed("API_URL"));
    if !list.is_empty() {
        args.push(Cow::Borrowed("headers=headers"));
    }
    args.extend(basic.map(|(user, password)| {
        Cow::Owned(format!(
            "auth=({}, {})",
            python::text(user),
            python::text(password)
        ))
    }));
    args.extend(
        connection_options(&request.connection)
            .into_iter()
            .map(Cow::Owned),
    );
    args.extend(body_args(&body, response).map(Cow::Borrowed));
    let function = function.unwrap_or("request");
    let reads = request.reads();
    Ok(View {
        url: python::text(&request.url),
        one_line: fits_one_line(function, &args),
        function,
        args,
        needs_os: reads.env || reads.home,
        needs_base64: reads.base64,
        needs_quote_plus: reads.form_encoded,
        url_query_encode: request
            .form_encodes_with(Escapes::Lowercase)
            .then_some(python::URL_QUERY_ENCODE),
        needs_json: body.parses_json || response.parses_events(),
        headers: list,
        body,
        response,
        output_file: response.saved_to(request, &Python),
    })
}

/// The function named after `method`, when requests has one.
fn function(method: &str) -> Option<&'static str> {
    Some(match method {
        "GET" => "get",
        "POST" => "post",
        "PUT" => "put",
        "PATCH" => "patch",
        "DELETE" => "delete",
        "HEAD" => "head",
        "OPTIONS" => "options",
        _ => return None,
    })
}

/// The body's lines before the call.
fn body(payload: &Payload) -> Body {
    let json = |json: JsonBody| Body {
        json: Some(python::json(json, 0)),
        parses_json: json.reads_numbers(),
        ..Body::default()
    };
    match payload {
        Payload::None => Body::default(),
        Payload::Json(value) => json(JsonBody::Value(value)),
        Payload::JsonTemplate(template) => json(JsonBody::Template(template)),
        Payload::Text { body, .. } => Body {
            text: Some(python::text(body)),
            ..Body::default()
        },
        Payload::File { path, bytes, .. } => Body {
            file: Some((python::string(path), python::read_bytes(*bytes))),
            ..Body::default()
        },
        Payload::Multipart(form) => Body {
            parts: form.iter().map(part).collect(),
            ..Body::default()
        },
    }
}

/// The call's arguments that send the body and read the answer.
fn body_args(body: &Body, response: Response) -> impl Iterator<Item = &'static str> {
    [
        (body.json.is_some(), "json=payload"),
        (body.text.is_some() || body.file.is_some(), "data=data"),
        (!body.parts.is_empty(), "files=files"),
        (response.streams(), "stream=True"),
    ]
    .into_iter()
    .filter_map(|(given, arg)| given.then_some(arg))
}

/// Whether `response = requests.function(args)` fits in 88 columns: the call's
/// frame takes 21 and `, ` joins the arguments.
fn fits_one_line(function: &str, args: &[Cow<'static, str>]) -> bool {
    let line: usize = args.iter().map(|arg| arg.len() + 2).sum::<usize>() - 2;
    21 + function.len() + line <= 88
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
