//! PHP with Guzzle 7: sends any request.

use askama::Template;

use super::Response;
use super::headers::Headers;
use crate::diagnostic::{Code, Diagnostic, Field};
use crate::error::Error;
use crate::model::{Connection, Part, PartContent, Payload, Request};
use crate::quote::JsonBody;
use crate::quote::php::{self, Php};

#[derive(Template)]
#[template(path = "php/guzzle.php")]
pub(crate) struct View {
    /// The loop that stops the snippet when a variable it needs is unset.
    check: Option<String>,
    /// `$payload = ...`: a JSON body PHP's arrays would not send as it is.
    payload: Option<String>,
    method: String,
    url: String,
    /// The entries of the request's options: `'headers' => [...]`, `'json' => ...`.
    options: Vec<String>,
    response: Response,
    /// Where a binary answer is saved.
    output_file: Option<String>,
    /// Functions the snippet calls, defined at its end (`envOr`, `formEncode`).
    helpers: Vec<&'static str>,
}

pub(crate) fn view(request: &Request) -> Result<View, Error> {
    let response = Response::of(request);
    // Guzzle writes `Basic` and the base64 of `user:password` itself.
    let Headers { list, basic } = Headers::of(request, &Php);
    let mut options = Vec::with_capacity(4);
    if !list.is_empty() {
        let mut headers = String::with_capacity(256);
        headers.push_str("'headers' => [\n");
        for (name, value) in &list {
            for piece in ["        ", name, " => ", value, ",\n"] {
                headers.push_str(piece);
            }
        }
        headers.push_str("    ]");
        options.push(headers);
    }
    if let Some((user, password)) = basic {
        options.push(format!(
            "'auth' => [{}, {}]",
            php::text(user),
            php::text(password)
        ));
    }
    let (payload, body) = body(&request.payload);
    options.extend(body);
    options.extend(connection_options(&request.connection));
    if response.streams() {
        options.push("'stream' => true".to_owned());
    }
    let reads = request.reads();
    let required = if reads.required {
        request.required_vars()
    } else {
        Vec::new()
    };
    let mut helpers = Vec::new();
    if reads.defaults {
        helpers.push(php::ENV_OR);
    }
    if reads.form_encoded {
        helpers.extend(super::encoders(
            request,
            php::FORM_ENCODE,
            php::URL_QUERY_ENCODE,
        ));
    }
    Ok(View {
        check: (!required.is_empty()).then(|| php::check(&required)),
        payload,
        method: php::string(request.method()),
        url: php::text(&request.url),
        options,
        response,
        output_file: response.saved_to(request, &Php),
        helpers,
    })
}

/// The `$payload` written before the call, and the option that sends the body:
/// `'json'` with a PHP array when `json_encode` sends the same JSON, else `'body'`.
fn body(payload: &Payload) -> (Option<String>, Option<String>) {
    let json = |body: JsonBody| {
        let value = body.value();
        if !value.is_null() && php::is_native(value) {
            return (None, Some(format!("'json' => {}", php::json(body, 1))));
        }
        let text = match body {
            JsonBody::Value(_) => php::block(&body.text(0).to_string()),
            JsonBody::Template(_) => php::text(&body.text(0)),
        };
        (Some(text), Some("'body' => $payload".to_owned()))
    };
    match payload {
        Payload::None => (None, None),
        Payload::Json(value) => json(JsonBody::Value(value)),
        Payload::JsonTemplate(template) => json(JsonBody::Template(template)),
        Payload::Text { body, .. } => (None, Some(format!("'body' => {}", php::text(body)))),
        Payload::File { path, bytes, .. } => (
            None,
            Some(format!("'body' => {}", php::file_bytes(path, *bytes))),
        ),
        Payload::Multipart(parts) => {
            let entries: Vec<String> = parts
                .iter()
                .map(|part| format!("        {},\n", multipart(part)))
                .collect();
            (
                None,
                Some(format!("'multipart' => [\n{}    ]", entries.concat())),
            )
        }
    }
}

/// `verify`, `timeout`, `connect_timeout`, `proxy` and `decode_content` as curl's
/// options ask. Guzzle follows redirects on its own.
fn connection_options(connection: &Connection) -> Vec<String> {
    let mut options = Vec::new();
    if connection.insecure {
        options.push("'verify' => false".to_owned());
    }
    if let Some(seconds) = connection.timeout {
        options.push(format!("'timeout' => {}", number(seconds)));
    }
    if let Some(seconds) = connection.connect_timeout {
        options.push(format!("'connect_timeout' => {}", number(seconds)));
    }
    if let Some(proxy) = &connection.proxy {
        options.push(format!("'proxy' => {}", php::text(proxy)));
    }
    // Guzzle decodes an answer on its own, but asks for one only when told which.
    if connection.compressed {
        options.push("'decode_content' => 'gzip, deflate'".to_owned());
    }
    options
}

/// Seconds as a PHP number.
fn number(seconds: f64) -> String {
    format!("{seconds}")
}

/// What the Guzzle snippet does differently from curl: an answer it streams goes
/// through PHP's stream handler, whose timeout bounds each wait for data and which
/// has no connect timeout.
pub(crate) fn caveats(request: &Request) -> Vec<Diagnostic> {
    let connection = &request.connection;
    if !Response::of(request).streams() {
        return Vec::new();
    }
    let mut caveats = Vec::new();
    if let Some(seconds) = connection.timeout {
        caveats.push(format!(
            "a streamed answer goes through PHP's stream handler, whose timeout bounds each wait for data, not the whole exchange as --max-time {seconds} does"
        ));
    }
    if let Some(seconds) = connection.connect_timeout {
        caveats.push(format!(
            "a streamed answer goes through PHP's stream handler, which has no connect timeout: --connect-timeout {seconds} is left out"
        ));
    }
    caveats
        .into_iter()
        .map(|message| Diagnostic::warning(Code::NotCarriedOver, message).about(Field::Connection))
        .collect()
}

/// One entry of the `multipart` option. Guzzle writes a name and file name as they
/// are, a file name's last path segment only, and a type it guesses for a file
/// name without one: where curl escapes a name (`"` as `%22`, CR and LF), a file
/// name holds a `/` or has no type, the part's Content-Disposition is written as
/// curl writes it.
fn multipart(part: &Part) -> String {
    let contents = match &part.content {
        PartContent::Text(text) => php::text(text),
        PartContent::File(path) if part.filename.is_some() => {
            format!("fopen({}, 'r')", php::string(path))
        }
        // No stream: Guzzle names a part after the file a stream reads.
        PartContent::File(path) | PartContent::FileText(path) => {
            format!("file_get_contents({})", php::string(path))
        }
    };
    let mut entry = format!(
        "['name' => {}, 'contents' => {contents}",
        php::string(&part.name)
    );
    let plain = |text: &str| !text.is_empty() && !text.contains(['"', '\r', '\n']);
    let mut headers = Vec::new();
    // A file name without a type would get Guzzle's guess of one.
    let disposition_as_curl = !plain(&part.name)
        || part.filename.as_deref().is_some_and(|filename| {
            !plain(filename) || filename.contains('/') || part.content_type.is_none()
        });
    if disposition_as_curl {
        let mut disposition = format!("form-data; name=\"{}\"", curl_escaped(&part.name));
        if let Some(filename) = &part.filename {
            disposition.push_str(&format!("; filename=\"{}\"", curl_escaped(filename)));
        }
        headers.push(format!(
            "'Content-Disposition' => {}",
            php::string(&disposition)
        ));
    } else if let Some(filename) = &part.filename {
        entry.push_str(&format!(", 'filename' => {}", php::string(filename)));
    }
    if let Some(content_type) = &part.content_type {
        headers.push(format!("'Content-Type' => {}", php::string(content_type)));
    }
    if !headers.is_empty() {
        entry.push_str(&format!(", 'headers' => [{}]", headers.join(", ")));
    }
    entry.push(']');
    entry
}

/// A name or file name as curl writes it in a Content-Disposition: `"`, CR and LF
/// percent-encoded.
fn curl_escaped(text: &str) -> String {
    text.replace('"', "%22")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}
