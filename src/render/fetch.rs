//! JavaScript with the `fetch` built into Node 18+: sends any request.

use askama::Template;

use super::headers::Headers;
use super::{Response, refusal};
use crate::Client;
use crate::diagnostic::{Code, Diagnostic, Field};
use crate::error::Error;
use crate::model::{Part, PartContent, Payload, Request};
use crate::quote::JsonBody;
use crate::quote::js::{self, Js};

#[derive(Template)]
#[template(path = "js/fetch.js")]
pub(crate) struct View {
    /// Lines that stop the snippet when a variable it reads is unset.
    checks: Vec<String>,
    url: String,
    method: String,
    /// Header keys and value expressions, both JavaScript source.
    headers: Vec<(String, String)>,
    /// The `body:` expression.
    body: Option<String>,
    reads_file: bool,
    /// Whether a text reads a file in the home folder (`homedir` from `node:os`).
    reads_home: bool,
    /// `form.append(...)` arguments of a multipart body.
    form: Vec<String>,
    /// The parts of a multipart body the snippet writes itself (`multipart`).
    written_form: Vec<String>,
    /// curl's `-k`: Node checks no certificate when this variable is "0".
    insecure: bool,
    /// The `signal:` that bounds the whole exchange (curl's `-m`).
    signal: Option<String>,
    /// Functions the snippet calls, defined at its end (`formEncode`).
    helpers: Vec<&'static str>,
    response: Response,
    /// Where a binary answer is saved.
    output_file: Option<String>,
}

pub(crate) fn view(request: &Request) -> Result<View, Error> {
    if request.connection.proxy.is_some() {
        return Err(refusal(
            Client::Fetch,
            "Node's fetch takes no proxy (undici's ProxyAgent would be a dependency)",
            Some(Client::Reqwest),
        )
        .about(Field::Connection));
    }
    let (body, form) = body(request);
    let response = Response::of(request);
    let mut headers = Headers::of(request, &Js).list;
    let mut helpers = super::encoders(request, js::FORM_ENCODE, js::URL_QUERY_ENCODE);
    if !form.written.is_empty() {
        let boundary = "`multipart/form-data; boundary=${boundary}`".to_owned();
        headers.push((js::key("Content-Type"), boundary));
        helpers.push(MULTIPART);
    }
    Ok(View {
        checks: checks(request),
        url: js::text(&request.url),
        method: js::string(request.method()),
        headers,
        body,
        reads_file: reads_file(&request.payload)
            || request.reads_text_files()
            || request.reads().base64,
        reads_home: request.reads_home(),
        form: form.appends,
        written_form: form.written,
        insecure: request.connection.insecure,
        helpers,
        signal: request
            .connection
            .timeout
            .map(|seconds| format!("AbortSignal.timeout({})", milliseconds(seconds))),
        response,
        output_file: response.saved_to(request, &Js),
    })
}

/// The `body:` expression, and the form of a multipart body.
fn body(request: &Request) -> (Option<String>, Form) {
    let body = match &request.payload {
        Payload::None => return (None, Form::default()),
        Payload::Json(value) => json(JsonBody::Value(value)),
        Payload::JsonTemplate(template) => json(JsonBody::Template(template)),
        // A string body would get fetch's own `text/plain;charset=UTF-8`; bytes get none.
        Payload::Text {
            body,
            content_type: None,
        } if request.content_type().is_none() => {
            format!("new TextEncoder().encode({})", js::text(body))
        }
        Payload::Text { body, .. } => js::text(body),
        Payload::File { path, bytes, .. } => js::file_bytes(path, *bytes),
        Payload::Multipart(parts) => {
            let form = match parts.iter().map(append).collect::<Option<_>>() {
                Some(appends) => Form {
                    appends,
                    written: Vec::new(),
                },
                None => Form {
                    appends: Vec::new(),
                    written: parts.iter().map(written_part).collect(),
                },
            };
            return (Some("form".to_owned()), form);
        }
    };
    (Some(body), Form::default())
}

/// A multipart body: FormData's `form.append` arguments when FormData sends every
/// part as curl does, else the parts the snippet writes itself.
#[derive(Default)]
struct Form {
    appends: Vec<String>,
    written: Vec<String>,
}

/// What the fetch snippet does differently from curl: Node's fetch has no connect
/// timeout of its own to set.
pub(crate) fn caveats(request: &Request) -> Vec<Diagnostic> {
    let Some(seconds) = request.connection.connect_timeout else {
        return Vec::new();
    };
    let bound = if request.connection.timeout.is_some() {
        "only the whole exchange is bounded (--max-time)"
    } else {
        "Node gives up connecting after 10 s"
    };
    vec![
        Diagnostic::warning(
            Code::NotCarriedOver,
            format!(
                "fetch has no connect timeout: --connect-timeout {seconds} is left out, {bound}"
            ),
        )
        .about(Field::Connection),
    ]
}

/// A JSON body: an object for `JSON.stringify`, or the JSON text itself when a
/// JavaScript number would round one of its integers.
fn json(body: JsonBody) -> String {
    if js::numbers_fit(body.value()) {
        format!("JSON.stringify({})", js::json(body, 1))
    } else {
        js::text(&body.text(0))
    }
}

/// Whole milliseconds, rounded up so that a bound is never shorter than curl's.
fn milliseconds(seconds: f64) -> u64 {
    (seconds * 1000.0).ceil() as u64
}

/// The lines that stop the snippet, naming the variable, before it sends anything
/// with a variable unset.
pub(crate) fn checks(request: &Request) -> Vec<String> {
    request.required_vars().into_iter().map(js::check).collect()
}

fn reads_file(payload: &Payload) -> bool {
    match payload {
        Payload::File { .. } => true,
        Payload::Multipart(parts) => parts
            .iter()
            .any(|part| !matches!(part.content, PartContent::Text(_))),
        _ => false,
    }
}

/// The arguments of `form.append` for one part, when FormData sends it as curl
/// does: a text value without line breaks (FormData turns them into CRLF), or a
/// file with its type and file name. FormData gives any other Blob a file name
/// ("blob" when none is given) and a type, so a text part with a type, or a file's
/// text sent as a value, is written by hand instead ([`written_part`]).
fn append(part: &Part) -> Option<String> {
    let name = js::string(&part.name);
    match (&part.content, &part.content_type, &part.filename) {
        (PartContent::Text(text), None, None) if !text.shown().contains(['\r', '\n']) => {
            Some(format!("{name}, {}", js::text(text)))
        }
        (PartContent::File(path), Some(content_type), Some(filename)) => Some(format!(
            "{name}, new Blob([readFileSync({})], {{ type: {} }}), {}",
            js::string(path),
            js::string(content_type),
            js::string(filename)
        )),
        _ => None,
    }
}

/// One part of a form the snippet writes itself, with [`MULTIPART`]: `[name,
/// value]`, then `{ filename, type }` as the part has them. The value's bytes are
/// sent as they are.
fn written_part(part: &Part) -> String {
    let value = match &part.content {
        PartContent::Text(text) => js::text(text),
        PartContent::File(path) | PartContent::FileText(path) => {
            format!("readFileSync({})", js::string(path))
        }
    };
    let mut options = Vec::new();
    if let Some(filename) = &part.filename {
        options.push(format!("filename: {}", js::string(filename)));
    }
    if let Some(content_type) = &part.content_type {
        options.push(format!("type: {}", js::string(content_type)));
    }
    let name = js::string(&part.name);
    if options.is_empty() {
        format!("[{name}, {value}]")
    } else {
        format!("[{name}, {value}, {{ {} }}]", options.join(", "))
    }
}

/// The function that writes a `multipart/form-data` body as curl does, for the forms
/// FormData cannot send. Validation keeps quotes and control characters out of names
/// and file names.
const MULTIPART: &str = r#"// A multipart/form-data body, each part as curl -F sends it.
function multipart(boundary, parts) {
    const chunks = [];
    for (const [name, value, { filename, type } = {}] of parts) {
        let head = `--${boundary}\r\nContent-Disposition: form-data; name="${name}"`;
        if (filename !== undefined) head += `; filename="${filename}"`;
        if (type !== undefined) head += `\r\nContent-Type: ${type}`;
        chunks.push(`${head}\r\n\r\n`, value, "\r\n");
    }
    chunks.push(`--${boundary}--\r\n`);
    return new Blob(chunks);
}"#;
