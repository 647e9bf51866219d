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
    let (body, form) = body(request)?;
    let response = Response::of(request);
    Ok(View {
        checks: checks(request),
        url: js::text(&request.url),
        method: js::string(request.method()),
        headers: Headers::of(request, &Js).list,
        body,
        reads_file: reads_file(&request.payload) || request.reads_text_files(),
        reads_home: request.reads_home(),
        form,
        insecure: request.connection.insecure,
        helpers: super::encoders(request, js::FORM_ENCODE, js::URL_QUERY_ENCODE),
        signal: request
            .connection
            .timeout
            .map(|seconds| format!("AbortSignal.timeout({})", milliseconds(seconds))),
        response,
        output_file: response.saved_to(request, &Js),
    })
}

/// The `body:` expression, and the `form.append` arguments of a multipart body.
fn body(request: &Request) -> Result<(Option<String>, Vec<String>), Error> {
    let body = match &request.payload {
        Payload::None => return Ok((None, Vec::new())),
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
            let form = parts.iter().map(append).collect::<Result<_, _>>()?;
            return Ok((Some("form".to_owned()), form));
        }
    };
    Ok((Some(body), Vec::new()))
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

/// The arguments of `form.append` for one part. FormData gives a Blob without a
/// file name the name "blob", so a text part cannot carry a type of its own; and
/// it turns line breaks in text values into CRLF, so a text value must have none
/// (and a file's text, unknown here, cannot be sent as a text value).
fn append(part: &Part) -> Result<String, Error> {
    let name = js::string(&part.name);
    let crlf = || {
        refusal(
            Client::Fetch,
            format!(
                "FormData turns line breaks in the part {:?} into CRLF",
                part.name
            ),
            Some(Client::Requests),
        )
    };
    match (&part.content, &part.content_type, &part.filename) {
        (PartContent::Text(text), None, None) if text.shown().contains(['\r', '\n']) => Err(crlf()),
        (PartContent::Text(text), None, None) => Ok(format!("{name}, {}", js::text(text))),
        (PartContent::FileText(_), None, None) => Err(crlf()),
        (PartContent::File(path), Some(content_type), Some(filename)) => Ok(format!(
            "{name}, new Blob([readFileSync({})], {{ type: {} }}), {}",
            js::string(path),
            js::string(content_type),
            js::string(filename)
        )),
        _ => Err(refusal(
            Client::Fetch,
            format!(
                "FormData cannot send the part {:?} with that type and file name",
                part.name
            ),
            Some(Client::Requests),
        )),
    }
}
