//! Ruby with `Net::HTTP` from the standard library: sends any request through an
//! HTTP proxy or none.

use askama::Template;

use super::headers::Headers;
use super::{Response, refusal};
use crate::Client;
use crate::diagnostic::{Code, Diagnostic, Field};
use crate::error::Error;
use crate::model::{Connection, Part, PartContent, Payload, Request};
use crate::quote::JsonBody;
use crate::quote::ruby::{self, Ruby};
use crate::text::{Segment, Text};

#[derive(Template)]
#[template(path = "ruby/net_http.rb")]
pub(crate) struct View {
    /// `require "json"`: for a JSON body, streamed JSON.
    needs_json: bool,
    /// The methods the snippet calls, defined before they are (`env_or`...).
    helpers: Vec<&'static str>,
    url: String,
    /// `Net::HTTP::Post.new(uri)` and friends.
    constructor: String,
    /// The `request.basic_auth` user and password.
    basic_auth: Option<(String, String)>,
    /// Header names and values, both Ruby expressions.
    headers: Vec<(String, String)>,
    /// The hash sent as JSON (`payload`).
    json: Option<String>,
    /// The `request.body` expression.
    body: Option<String>,
    /// The entries of a multipart body: `set_form`'s list, or the parts the snippet
    /// writes itself (`raw_form`).
    form: Vec<String>,
    raw_form: bool,
    /// A body without a type: Net::HTTP would send it as a form.
    untyped: bool,
    /// The proxy's URL, for `proxy = URI(...)`.
    proxy: Option<String>,
    /// The arguments of `Net::HTTP.start` after the URI's host and port.
    start: String,
    /// The seconds `Timeout.timeout` gives the whole exchange (curl's `-m`).
    timeout: Option<f64>,
    /// The indent of a streamed exchange: two spaces inside `Timeout.timeout`.
    pad: &'static str,
    response: Response,
    /// Where a binary answer is saved.
    output_file: Option<String>,
}

pub(crate) fn view(request: &Request) -> Result<View, Error> {
    let payload = &request.payload;
    let proxy = request.connection.proxy.as_ref().map(proxy).transpose()?;
    let (form, raw_form) = match payload {
        Payload::Multipart(parts) => form(parts),
        _ => (Vec::new(), false),
    };
    // Net::HTTP writes `Basic` and the base64 of `user:password` itself.
    let Headers { list, basic } = Headers::of(request, &Ruby);
    let response = Response::of(request);
    let json = match payload {
        Payload::Json(value) => Some(ruby::json(JsonBody::Value(value), 0)),
        Payload::JsonTemplate(template) => Some(ruby::json(JsonBody::Template(template), 0)),
        _ => None,
    };
    let body = match payload {
        Payload::Text { body, .. } => Some(ruby::text(body)),
        Payload::File { path, bytes, .. } => Some(ruby::file_bytes(path, *bytes)),
        _ => None,
    };
    Ok(View {
        needs_json: json.is_some() || response.parses_events(),
        helpers: helpers(request),
        url: ruby::text(&request.url),
        constructor: constructor(request.method(), *payload != Payload::None),
        basic_auth: basic.map(|(user, password)| (ruby::text(user), ruby::text(password))),
        headers: list,
        json,
        body,
        form,
        raw_form,
        untyped: !matches!(payload, Payload::None | Payload::Multipart(_))
            && request.content_type().is_none(),
        start: start(&request.connection, proxy.is_some()),
        proxy,
        timeout: request.connection.timeout,
        pad: if request.connection.timeout.is_some() {
            "  "
        } else {
            ""
        },
        response,
        output_file: response.saved_to(request, &Ruby),
    })
}

/// What the Net::HTTP snippet does differently from curl: it follows no redirect.
pub(crate) fn caveats(request: &Request) -> Vec<Diagnostic> {
    if !request.connection.follow_redirects {
        return Vec::new();
    }
    vec![
        Diagnostic::warning(
            Code::NotCarriedOver,
            "Net::HTTP follows no redirect: -L is left out, a redirect is an error",
        )
        .about(Field::Connection),
    ]
}

/// `env_or` when a variable has a default, and the form encoders.
fn helpers(request: &Request) -> Vec<&'static str> {
    let mut helpers = Vec::new();
    if request.reads().defaults {
        helpers.push(ruby::ENV_OR);
    }
    helpers.extend(super::encoders(
        request,
        ruby::FORM_ENCODE,
        ruby::URL_QUERY_ENCODE,
    ));
    helpers
}

/// The request's class for `method`, or the generic request naming it.
fn constructor(method: &str, has_body: bool) -> String {
    let class = match method {
        "GET" => "Get",
        "POST" => "Post",
        "PUT" => "Put",
        "PATCH" => "Patch",
        "DELETE" => "Delete",
        "HEAD" => "Head",
        "OPTIONS" => "Options",
        _ => {
            return format!(
                "Net::HTTPGenericRequest.new({}, {has_body}, true, uri)",
                ruby::string(method)
            );
        }
    };
    format!("Net::HTTP::{class}.new(uri)")
}

/// The proxy's URL: `http://` in front of one written without a scheme, as curl
/// reads it. Net::HTTP goes through HTTP proxies only.
fn proxy(proxy: &Text) -> Result<String, Error> {
    let Some(Segment::Literal(first)) = proxy.segments().first() else {
        return Ok(ruby::text(proxy));
    };
    let scheme = first
        .split_once("://")
        .map(|(scheme, _)| scheme.to_ascii_lowercase());
    match scheme.as_deref() {
        None => {
            let mut with_scheme = Text::from("http://");
            with_scheme.extend(proxy.clone());
            Ok(ruby::text(&with_scheme))
        }
        Some("http") => Ok(ruby::text(proxy)),
        Some(other) => Err(refusal(
            Client::RubyNetHttp,
            format!("Net::HTTP goes through HTTP proxies only, not {other}://"),
            None,
        )
        .about(Field::Connection)),
    }
}

/// The arguments of `Net::HTTP.start` after the host and port: the proxy's, then
/// the options for `-k` and `--connect-timeout`. Net::HTTP asks for gzip and
/// deflate and decodes them on its own (`--compressed`).
fn start(connection: &Connection, proxy: bool) -> String {
    let mut args = Vec::new();
    if proxy {
        args.push("proxy.hostname, proxy.port, proxy.user, proxy.password".to_owned());
    }
    args.push("use_ssl: uri.scheme == \"https\"".to_owned());
    if connection.insecure {
        args.push("verify_mode: OpenSSL::SSL::VERIFY_NONE".to_owned());
    }
    if let Some(seconds) = connection.connect_timeout {
        args.push(format!("open_timeout: {seconds}"));
    }
    args.join(", ")
}

/// The form's entries: `set_form`'s list when Net::HTTP's encoder writes every part
/// as curl does, else the parts as curl writes them, for a body the snippet
/// writes itself (`true`). Net::HTTP's encoder writes no type for a part without a
/// file name, `application/octet-stream` for one with a file name and no type, and
/// escapes `"` and `\` in names with backslashes where curl writes `%22`.
fn form(parts: &[Part]) -> (Vec<String>, bool) {
    let escaped = |text: &str| text.contains(['"', '\\', '\r', '\n']);
    let encoder_writes = |part: &Part| {
        !escaped(&part.name)
            && !part.filename.as_deref().is_some_and(escaped)
            && part.filename.is_some() == part.content_type.is_some()
    };
    if parts.iter().all(encoder_writes) {
        (parts.iter().map(set_form_entry).collect(), false)
    } else {
        (parts.iter().map(raw_part).collect(), true)
    }
}

/// The part's bytes: a file's (opened for `set_form` when it has a file name), or
/// its text.
fn contents(part: &Part, open: bool) -> String {
    match &part.content {
        PartContent::Text(text) => ruby::text(text),
        PartContent::File(path) if open && part.filename.is_some() => {
            format!("File.open({})", ruby::string(path))
        }
        PartContent::File(path) | PartContent::FileText(path) => {
            format!("File.binread({})", ruby::string(path))
        }
    }
}

/// `[name, value]` for a plain field, `[name, file, {filename:, content_type:}]`.
fn set_form_entry(part: &Part) -> String {
    let name = ruby::string(&part.name);
    let value = contents(part, true);
    match (&part.filename, &part.content_type) {
        (Some(filename), Some(content_type)) => format!(
            "[{name}, {value}, {{filename: {}, content_type: {}}}]",
            ruby::string(filename),
            ruby::string(content_type)
        ),
        _ => format!("[{name}, {value}]"),
    }
}

/// `[disposition, type or nil, bytes]`: the part as curl writes it, its name and
/// file name with `"`, CR and LF percent-encoded.
fn raw_part(part: &Part) -> String {
    let escape = |text: &str| {
        text.replace('"', "%22")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let mut disposition = format!("form-data; name=\"{}\"", escape(&part.name));
    if let Some(filename) = &part.filename {
        disposition.push_str(&format!("; filename=\"{}\"", escape(filename)));
    }
    let content_type = part
        .content_type
        .as_deref()
        .map_or("nil".to_owned(), ruby::string);
    format!(
        "[{}, {content_type}, {}]",
        ruby::string(&disposition),
        contents(part, false)
    )
}
