//! Java with the standard `java.net.http.HttpClient` (Java 11+), one file run with
//! `java Main.java`: sends any request but the few whose headers the JDK keeps for
//! itself.

use askama::Template;

use super::headers::Headers;
use super::uses::Uses;
use super::{Response, refusal};
use crate::Client;
use crate::diagnostic::{Code, Diagnostic, Field};
use crate::error::Error;
use crate::model::{Connection, FileBytes, Part, PartContent, Payload, Request};
use crate::quote::JsonBody;
use crate::quote::java::{self, Java};
use crate::text::{Escapes, Segment, Text};

#[derive(Template)]
#[template(path = "java/Main.java")]
pub(crate) struct View {
    /// The classes imported, sorted.
    imports: Vec<&'static str>,
    /// The blocks that stop the snippet when a variable it reads is unset.
    checks: Vec<String>,
    /// curl's `-k`: the JDK checks host names unless told before its first request.
    insecure: bool,
    /// The statements that make the body, before the request.
    payload: Vec<String>,
    /// The proxy's `URI` (curl's `-x`).
    proxy: Option<String>,
    /// The `HttpClient.newBuilder()` calls after `.version(..)`.
    client: Vec<String>,
    url: String,
    /// The `.header(name, value)` arguments.
    headers: Vec<(String, String)>,
    /// `.timeout(..)` for curl's `-m`.
    timeout: Option<String>,
    /// `.POST(..)` and friends; none for a GET without a body.
    method: Option<String>,
    response: Response,
    /// Where a binary answer is saved.
    output_file: Option<String>,
    /// Functions the snippet calls, defined at its end.
    helpers: Vec<&'static str>,
}

/// The headers the JDK sets itself and refuses from a request (Java 17's
/// `jdk.httpclient` restricted set).
const RESTRICTED: [&str; 5] = ["connection", "content-length", "expect", "host", "upgrade"];

pub(crate) fn view(request: &Request) -> Result<View, Error> {
    let mut uses = Uses::default();
    uses.import(&[
        "java.net.URI",
        "java.net.http.HttpClient",
        "java.net.http.HttpRequest",
        "java.net.http.HttpResponse",
    ]);
    let headers = headers(request, &mut uses)?;
    let (payload, body) = payload(request, &mut uses);
    let client = connection(&request.connection, &mut uses);
    let proxy = request
        .connection
        .proxy
        .as_ref()
        .map(proxy_uri)
        .transpose()?;
    texts(request, &mut uses);
    let response = Response::of(request);
    match response {
        Response::Bytes => uses.import(&[
            "java.nio.charset.StandardCharsets",
            "java.nio.file.Files",
            "java.nio.file.Path",
        ]),
        Response::Json | Response::Text => {}
        _ => {
            uses.import(&[
                "java.util.Iterator",
                "java.util.stream.Collectors",
                "java.util.stream.Stream",
            ]);
            if response.parses_events() {
                uses.helper(
                    java::JSON_STRING,
                    &["java.util.regex.Matcher", "java.util.regex.Pattern"],
                );
            }
        }
    }
    if uses.helpers.contains(&java::URL_QUERY_ENCODE) {
        uses.helper(java::FORM_ENCODE, &["java.util.regex.Pattern"]);
    }
    Ok(View {
        imports: uses.imports,
        checks: request
            .required_vars()
            .into_iter()
            .map(java::check)
            .collect(),
        insecure: request.connection.insecure,
        payload,
        proxy,
        client,
        url: java::text(&request.url),
        headers,
        timeout: request.connection.timeout.map(duration),
        method: method(request.method(), body),
        response,
        output_file: response.saved_to(request, &Java),
        helpers: uses.helpers,
    })
}

/// `.POST(body)` and friends, `.method(name, body)`; `None` for a GET without a
/// body (the builder's default).
fn method(method: &str, body: Option<String>) -> Option<String> {
    let body = match (method, body) {
        ("GET", None) => return None,
        ("DELETE", None) => return Some(".DELETE()".to_owned()),
        (_, Some(body)) => body,
        (_, None) => "HttpRequest.BodyPublishers.noBody()".to_owned(),
    };
    let mut call = match method {
        "POST" => ".POST(".to_owned(),
        "PUT" => ".PUT(".to_owned(),
        _ => format!(".method({}, ", java::string(method)),
    };
    call.reserve(body.len() + 1);
    call.push_str(&body);
    call.push(')');
    Some(call)
}

/// What the request's texts read: variables with a default, form-encoded ones,
/// files, each through its helper.
fn texts(request: &Request, uses: &mut Uses) {
    let reads = request.reads();
    if reads.defaults {
        uses.helper(java::ENV_OR, &[]);
    }
    if request.form_encodes_with(Escapes::Uppercase) {
        uses.helper(
            java::FORM_ENCODE,
            &["java.net.URLEncoder", "java.nio.charset.StandardCharsets"],
        );
    }
    if request.form_encodes_with(Escapes::Lowercase) {
        uses.helper(java::URL_QUERY_ENCODE, &["java.util.regex.Pattern"]);
        uses.helper(
            java::FORM_ENCODE,
            &["java.net.URLEncoder", "java.nio.charset.StandardCharsets"],
        );
    }
    if reads.base64 {
        uses.import(&[
            "java.nio.file.Files",
            "java.nio.file.Path",
            "java.util.Base64",
        ]);
    }
    if request.reads_text_files() {
        uses.helper(
            java::FILE_TEXT,
            &[
                "java.io.IOException",
                "java.nio.file.Files",
                "java.nio.file.Path",
            ],
        );
    }
}

/// The statements that make the body, and the body publisher.
fn payload(request: &Request, uses: &mut Uses) -> (Vec<String>, Option<String>) {
    let text = |expression: String| {
        let mut line = String::with_capacity(expression.len() + 17);
        line.push_str("String payload = ");
        line.push_str(&expression);
        line.push(';');
        (
            vec![line],
            Some("HttpRequest.BodyPublishers.ofString(payload)".to_owned()),
        )
    };
    match &request.payload {
        Payload::None => (Vec::new(), None),
        Payload::Json(value) => text(java::json(JsonBody::Value(value), 3)),
        Payload::JsonTemplate(template) => text(java::json(JsonBody::Template(template), 3)),
        Payload::Text { body, .. } => text(java::text_block(body, 3)),
        Payload::File { path, bytes, .. } => {
            uses.import(&["java.nio.file.Files", "java.nio.file.Path"]);
            let path = java::string(path);
            let lines = match bytes {
                FileBytes::AsIs => {
                    return (
                        Vec::new(),
                        Some(format!(
                            "HttpRequest.BodyPublishers.ofFile(Path.of({path}))"
                        )),
                    );
                }
                FileBytes::StripLineBreaks => {
                    uses.import(&["java.io.ByteArrayOutputStream"]);
                    vec![
                        "// curl's -d @file drops CR and LF bytes.".to_owned(),
                        "ByteArrayOutputStream kept = new ByteArrayOutputStream();".to_owned(),
                        format!("for (byte b : Files.readAllBytes(Path.of({path}))) {{"),
                        "    if (b != '\\r' && b != '\\n') {".to_owned(),
                        "        kept.write(b);".to_owned(),
                        "    }".to_owned(),
                        "}".to_owned(),
                        "byte[] payload = kept.toByteArray();".to_owned(),
                    ]
                }
                FileBytes::TrimTrailingNewlines => {
                    uses.import(&["java.util.Arrays"]);
                    vec![
                        "// The shell's \"$(cat file)\" drops the line breaks at the end."
                            .to_owned(),
                        format!("byte[] file = Files.readAllBytes(Path.of({path}));"),
                        "int end = file.length;".to_owned(),
                        "while (end > 0 && file[end - 1] == '\\n') {".to_owned(),
                        "    end--;".to_owned(),
                        "}".to_owned(),
                        "byte[] payload = Arrays.copyOf(file, end);".to_owned(),
                    ]
                }
            };
            (
                lines,
                Some("HttpRequest.BodyPublishers.ofByteArray(payload)".to_owned()),
            )
        }
        Payload::Multipart(parts) => {
            uses.import(&[
                "java.io.ByteArrayOutputStream",
                "java.nio.charset.StandardCharsets",
                "java.util.UUID",
            ]);
            uses.helper(java::ADD_PART, &["java.io.IOException"]);
            let mut lines = vec![
                "String boundary = \"----snippet\" + UUID.randomUUID();".to_owned(),
                "ByteArrayOutputStream form = new ByteArrayOutputStream();".to_owned(),
            ];
            for part in parts {
                lines.push(add_part(part, uses));
            }
            lines.push(
                "form.write((\"--\" + boundary + \"--\\r\\n\").getBytes(StandardCharsets.UTF_8));"
                    .to_owned(),
            );
            (
                lines,
                Some("HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())".to_owned()),
            )
        }
    }
}

/// `addPart(form, boundary, disposition, type, content);`: the part's headers
/// written as curl writes them (its name and file name with `"`, CR and LF as
/// `%22`, `%0D`, `%0A`).
fn add_part(part: &Part, uses: &mut Uses) -> String {
    let mut disposition = format!("form-data; name=\"{}\"", escape_param(&part.name));
    if let Some(filename) = &part.filename {
        disposition.push_str(&format!("; filename=\"{}\"", escape_param(filename)));
    }
    let content = match &part.content {
        PartContent::Text(text) => {
            format!("({}).getBytes(StandardCharsets.UTF_8)", java::text(text))
        }
        PartContent::File(path) | PartContent::FileText(path) => {
            uses.import(&["java.nio.file.Files", "java.nio.file.Path"]);
            format!("Files.readAllBytes(Path.of({}))", java::string(path))
        }
    };
    let content_type = part
        .content_type
        .as_deref()
        .map_or("null".to_owned(), java::string);
    format!(
        "addPart(form, boundary, {},\n            {content_type}, {content});",
        java::string(&disposition)
    )
}

/// A name or file name as curl writes it in a part's Content-Disposition.
fn escape_param(text: &str) -> String {
    text.replace('"', "%22")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The `.header(..)` arguments: the token's first. The JDK refuses the headers it
/// writes itself; a form's Content-Type is the snippet's, with its boundary.
fn headers(request: &Request, uses: &mut Uses) -> Result<Vec<(String, String)>, Error> {
    if matches!(request.token, crate::model::Token::Basic { .. }) {
        uses.import(&["java.nio.charset.StandardCharsets", "java.util.Base64"]);
    }
    let multipart = matches!(request.payload, Payload::Multipart(_));
    let mut list = Vec::new();
    for (name, value) in Headers::of(request, &Java).list {
        let plain = name.trim_matches('"');
        if RESTRICTED
            .iter()
            .any(|kept| plain.eq_ignore_ascii_case(kept))
        {
            return Err(refusal(
                Client::JavaNetHttp,
                format!(
                    "java.net.http sets the {} header itself and refuses it from a request",
                    name.trim_matches('"')
                ),
                None,
            )
            .about(Field::Header(name.trim_matches('"').to_owned())));
        }
        if multipart && plain.eq_ignore_ascii_case("content-type") {
            continue;
        }
        list.push((name, value));
    }
    if multipart {
        multipart_type(request)?;
        list.push((
            java::string("Content-Type"),
            "\"multipart/form-data; boundary=\" + boundary".to_owned(),
        ));
    }
    Ok(list)
}

/// A form's Content-Type is the snippet's, with its boundary: a header that asks
/// for another cannot be sent.
fn multipart_type(request: &Request) -> Result<(), Error> {
    match request.header_value("content-type") {
        None => Ok(()),
        Some(value)
            if value
                .as_literal()
                .is_some_and(|value| value.trim().eq_ignore_ascii_case("multipart/form-data")) =>
        {
            Ok(())
        }
        Some(value) => Err(refusal(
            Client::JavaNetHttp,
            format!("a form is sent as multipart/form-data with its boundary, not as {value}"),
            None,
        )
        .about(Field::ContentType)),
    }
}

/// The `HttpClient.newBuilder()` calls for curl's `--connect-timeout`, `-L`, `-x`
/// and `-k`. HttpClient neither asks for nor decodes a compressed answer (a
/// caveat), and follows no redirect unless told, as curl.
fn connection(connection: &Connection, uses: &mut Uses) -> Vec<String> {
    let mut calls = Vec::new();
    if let Some(seconds) = connection.connect_timeout {
        calls.push(format!(".connectTimeout({})", duration(seconds)));
    }
    if connection.follow_redirects {
        calls.push(".followRedirects(HttpClient.Redirect.ALWAYS)".to_owned());
    }
    if connection.proxy.is_some() {
        uses.import(&["java.net.InetSocketAddress", "java.net.ProxySelector"]);
        calls.push(
            ".proxy(ProxySelector.of(new InetSocketAddress(proxy.getHost(), proxy.getPort())))"
                .to_owned(),
        );
    }
    if connection.insecure {
        uses.helper(
            java::INSECURE,
            &[
                "java.security.GeneralSecurityException",
                "java.security.SecureRandom",
                "java.security.cert.X509Certificate",
                "javax.net.ssl.SSLContext",
                "javax.net.ssl.TrustManager",
                "javax.net.ssl.X509TrustManager",
            ],
        );
        calls.push(".sslContext(insecure())".to_owned());
    }
    if connection.connect_timeout.is_some() || connection.timeout.is_some() {
        uses.import(&["java.time.Duration"]);
    }
    calls
}

/// The `URI` of an HTTP proxy, `http://host:port`, whose host and port the client
/// takes: a literal gets curl's defaults (`http://`, port 1080); a proxy that reads
/// a variable must start with `http://`. HttpClient sends no proxy credentials
/// unless a server asks (an `Authenticator`), and speaks to HTTP proxies only.
fn proxy_uri(proxy: &Text) -> Result<String, Error> {
    let cannot = |why: &str| {
        Err(refusal(
            Client::JavaNetHttp,
            format!("HttpClient takes an HTTP proxy as a host and a port: {why}"),
            None,
        )
        .about(Field::Connection))
    };
    let Some(text) = proxy.as_literal() else {
        return match proxy.segments().first() {
            Some(Segment::Literal(head)) if head.to_ascii_lowercase().starts_with("http://") => {
                Ok(java::text(proxy))
            }
            _ => cannot("this one reads a variable where its scheme would be"),
        };
    };
    let rest = match text.split_once("://") {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("http") => rest,
        Some(_) => return cannot("this one is not http://"),
        None => text,
    };
    let authority = rest.trim_end_matches('/');
    if authority.is_empty() || authority.contains(['@', '/', '?', '#', '[']) {
        return cannot("this one has credentials or a path");
    }
    let port = match authority.rsplit_once(':') {
        Some((_, port)) if port.parse::<u16>().is_ok() => "",
        Some(_) => return cannot("its port is not a number"),
        None => ":1080",
    };
    Ok(java::string(&format!("http://{authority}{port}")))
}

/// A `Duration` of `seconds`; whole milliseconds rounded up, so that a bound is
/// never shorter than curl's.
fn duration(seconds: f64) -> String {
    if seconds.fract() == 0.0 {
        format!("Duration.ofSeconds({seconds})")
    } else {
        format!("Duration.ofMillis({})", (seconds * 1000.0).ceil() as u64)
    }
}

/// What the snippet does differently from curl: HttpClient's timeout bounds the
/// wait for the answer's headers, not the whole exchange; it neither asks for nor
/// decodes a compressed answer.
pub(crate) fn caveats(request: &Request) -> Vec<Diagnostic> {
    let mut caveats = Vec::new();
    if let Some(seconds) = request.connection.timeout {
        caveats.push(
            Diagnostic::warning(
                Code::NotCarriedOver,
                format!(
                    "the HttpClient request timeout bounds the wait for the answer's headers, not the whole exchange as --max-time {seconds} does"
                ),
            )
            .about(Field::Connection),
        );
    }
    if request.connection.compressed {
        caveats.push(
            Diagnostic::warning(
                Code::NotCarriedOver,
                "java.net.http neither asks for nor decodes a compressed answer: --compressed is left out",
            )
            .about(Field::Connection),
        );
    }
    caveats
}
