//! Rust with blocking `reqwest`: sends any request.

use askama::Template;

use super::Response;
use super::headers::Headers;
use crate::error::Error;
use crate::install::Install;
use crate::model::{Connection, Part, PartContent, Payload, Request};
use crate::quote::JsonBody;
use crate::quote::rust::{self, Rust};

#[derive(Template)]
#[template(path = "rust/reqwest.rs")]
pub(crate) struct View {
    /// `Client::builder()` calls for curl's connection options; none: `Client::new()`.
    builder: Vec<String>,
    /// The URL: a literal for `const API_URL`, else an expression for `let api_url`.
    url: String,
    url_is_const: bool,
    /// The functions that read the environment variables the snippet uses.
    env_helpers: Vec<&'static str>,
    /// The `.basic_auth(..)` user and password.
    basic_auth: Option<(String, String)>,
    /// `.post(url)` and friends, or `.request(Method::from_bytes(..)?, url)`.
    call: String,
    /// Header names and values, both Rust expressions: `Authorization` first.
    headers: Vec<(String, String)>,
    /// The `.body(..)` argument.
    body: Option<String>,
    /// The calls that add each part of a multipart form.
    form: Vec<String>,
    response: Response,
    /// Where a binary answer is saved.
    output_file: Option<String>,
}

pub(crate) fn view(request: &Request) -> Result<View, Error> {
    let url_is_const = request.url.without_vars().is_some();
    let url = if url_is_const { "API_URL" } else { "&api_url" };
    // reqwest writes `Basic` and the base64 of `user:password` itself.
    let headers = Headers::of(request, &Rust);
    let response = Response::of(request);
    Ok(View {
        builder: builder(&request.connection),
        url_is_const,
        url: rust::text(&request.url),
        env_helpers: env_helpers(request),
        call: call(request.method(), url),
        basic_auth: headers
            .basic
            .map(|(user, password)| (rust::text(user), rust::text(password))),
        headers: headers.list,
        body: body(&request.payload),
        form: match &request.payload {
            Payload::Multipart(parts) => parts.iter().map(part).collect(),
            _ => Vec::new(),
        },
        response,
        output_file: response.saved_to(request, &Rust),
    })
}

/// `.post(url)` and friends, or `.request(Method::from_bytes(..)?, url)`.
fn call(method: &str, url: &str) -> String {
    match method {
        "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" => {
            format!("{}({url})", method.to_ascii_lowercase())
        }
        _ => format!(
            "request(reqwest::Method::from_bytes({}.as_bytes())?, {url})",
            rust::string(method)
        ),
    }
}

/// The `.body(..)` argument; a form is sent with `.multipart(..)`.
fn body(payload: &Payload) -> Option<String> {
    match payload {
        Payload::None | Payload::Multipart(_) => None,
        Payload::Json(value) => Some(rust::json(JsonBody::Value(value), 0)),
        Payload::JsonTemplate(template) => Some(rust::json(JsonBody::Template(template), 0)),
        Payload::Text { body, .. } => Some(rust::text(body)),
        Payload::File { path, bytes, .. } => Some(rust::file_bytes(path, *bytes)),
    }
}

/// The builder calls for curl's `-k`, `--connect-timeout`, `-m` and `-x`. reqwest
/// follows redirects on its own, and decodes what its features let it ask for.
fn builder(connection: &Connection) -> Vec<String> {
    let mut calls = Vec::new();
    if connection.insecure {
        calls.push("tls_danger_accept_invalid_certs(true)".to_owned());
    }
    if let Some(seconds) = connection.connect_timeout {
        calls.push(format!("connect_timeout({})", duration(seconds)));
    }
    if let Some(seconds) = connection.timeout {
        calls.push(format!("timeout({})", duration(seconds)));
    }
    if let Some(proxy) = &connection.proxy {
        calls.push(format!(
            "proxy(reqwest::Proxy::all({})?)",
            rust::text(proxy)
        ));
    }
    calls
}

/// A `std::time::Duration` of `seconds`.
fn duration(seconds: f64) -> String {
    if seconds.fract() == 0.0 {
        format!("std::time::Duration::from_secs({seconds})")
    } else {
        format!("std::time::Duration::from_secs_f64({seconds})")
    }
}

/// `env` when the request reads a variable without a default, `env_or` with one.
fn env_helpers(request: &Request) -> Vec<&'static str> {
    let reads = request.reads();
    let mut helpers = Vec::new();
    if reads.required {
        helpers.push(rust::ENV);
    }
    if reads.defaults {
        helpers.push(rust::ENV_OR);
    }
    helpers.extend(super::encoders(
        request,
        rust::FORM_ENCODE,
        rust::URL_QUERY_ENCODE,
    ));
    if reads.base64 {
        helpers.push(rust::BASE64_FILE);
    }
    helpers
}

/// `.text(name, value)` for a plain text field, else `.part(name, Part...)`.
fn part(part: &Part) -> String {
    let name = rust::string(&part.name);
    let mut value = match &part.content {
        PartContent::Text(text) if part.content_type.is_none() && part.filename.is_none() => {
            return format!(".text({name}, {})", rust::text(text));
        }
        PartContent::Text(text) => format!("Part::text({})", rust::text(text)),
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

/// reqwest's features (blocking; multipart for a form; the decoders for a
/// compressed answer, which also make it ask for one), and serde_json when the
/// snippet reads streamed JSON.
pub(crate) fn install(request: &Request) -> Install {
    let mut features = vec!["blocking"];
    if matches!(request.payload, Payload::Multipart(_)) {
        features.push("multipart");
    }
    if request.connection.compressed {
        features.extend(["gzip", "brotli", "deflate", "zstd"]);
    }
    let quoted: Vec<String> = features.iter().map(|f| format!("\"{f}\"")).collect();
    let mut line = format!(
        "reqwest = {{ version = \"0.13\", features = [{}] }}",
        quoted.join(", ")
    );
    let mut packages = vec!["reqwest"];
    if Response::of(request).parses_events() {
        line.push_str(", serde_json = \"1\"");
        packages.push("serde_json");
    }
    Install::cargo(&packages, line)
}
