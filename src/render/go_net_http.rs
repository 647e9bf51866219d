//! Go with the standard `net/http`: sends any request.

use askama::Template;

use super::headers::Headers;
use super::uses::Uses;
use super::{Response, refusal};
use crate::Client;
use crate::diagnostic::Field;
use crate::error::Error;
use crate::model::{Connection, FileBytes, Part, PartContent, Payload, Request};
use crate::quote::JsonBody;
use crate::quote::go::{self, Go};
use crate::text::{Escapes, Text};

#[derive(Template)]
#[template(path = "go/main.go")]
pub(crate) struct View {
    /// The packages imported, sorted as gofmt sorts them.
    imports: Vec<&'static str>,
    /// The URL: a literal for `const apiURL`, else an expression for `apiURL :=`.
    url: String,
    url_is_const: bool,
    /// The blocks that stop the snippet when a variable it reads is unset.
    checks: Vec<String>,
    /// The lines that make the body, before the request.
    payload: Vec<String>,
    /// `http.NewRequest`'s method and body arguments.
    method: String,
    body: String,
    /// The statements that set the headers (`request.Header.Set(..)`, `request.Host`).
    headers: Vec<String>,
    /// The lines that make a transport for curl's connection options.
    transport: Vec<String>,
    /// The fields of the `http.Client`; none: `http.DefaultClient`.
    client: Vec<String>,
    response: Response,
    /// Where a binary answer is saved.
    output_file: Option<String>,
    /// Functions the snippet calls, defined at its end.
    helpers: Vec<&'static str>,
}

pub(crate) fn view(request: &Request) -> Result<View, Error> {
    let mut uses = Uses::default();
    uses.import(&["io", "log", "net/http"]);
    let (payload, body) = payload(request, &mut uses)?;
    let headers = headers(request)?;
    let (transport, client) = connection(&request.connection, &mut uses);
    texts(request, &mut uses);
    let response = Response::of(request);
    match response {
        Response::Bytes => uses.import(&["os"]),
        Response::Json | Response::Text => uses.import(&["fmt"]),
        _ => {
            uses.import(&["bufio", "fmt", "strings"]);
            if response.parses_events() {
                uses.import(&["encoding/json"]);
            }
        }
    }
    let checks: Vec<String> = request.required_vars().into_iter().map(go::check).collect();
    let url_is_const = request.url.without_vars().is_some();
    // Helpers in the order they are first needed, then each one's own helper.
    if uses.helpers.contains(&go::FILE_TEXT) && !uses.helpers.contains(&go::READ_FILE) {
        uses.helpers.push(go::READ_FILE);
    }
    Ok(View {
        imports: uses.imports,
        url: go::text(&request.url),
        url_is_const,
        checks,
        payload,
        method: method(request.method()),
        body,
        headers,
        transport,
        client,
        response,
        output_file: response.saved_to(request, &Go),
        helpers: uses.helpers,
    })
}

/// `http.MethodPost` and friends, or the method's name.
fn method(method: &str) -> String {
    match method {
        "GET" => "http.MethodGet",
        "POST" => "http.MethodPost",
        "PUT" => "http.MethodPut",
        "PATCH" => "http.MethodPatch",
        "DELETE" => "http.MethodDelete",
        "HEAD" => "http.MethodHead",
        "OPTIONS" => "http.MethodOptions",
        _ => return go::string(method),
    }
    .to_owned()
}

/// What the request's texts read: variables with a default, form-encoded ones,
/// files, each through its helper.
fn texts(request: &Request, uses: &mut Uses) {
    let reads = request.reads();
    if reads.env {
        uses.import(&["os"]);
    }
    if reads.defaults {
        uses.helper(go::ENV_OR, &["os"]);
    }
    if request.form_encodes_with(Escapes::Uppercase) {
        uses.import(&["net/url"]);
    }
    if request.form_encodes_with(Escapes::Lowercase) {
        uses.helper(go::URL_QUERY_ENCODE, &["bytes", "net/url"]);
    }
    if request.reads_text_files() {
        uses.helper(go::FILE_TEXT, &["os", "strings"]);
    }
    if reads.base64 {
        uses.helper(go::BASE64_FILE, &["encoding/base64"]);
        uses.helper(go::READ_FILE, &["log", "os"]);
    }
}

/// The lines that make the body, and `http.NewRequest`'s body argument.
fn payload(request: &Request, uses: &mut Uses) -> Result<(Vec<String>, String), Error> {
    let text = |uses: &mut Uses, expression: String| {
        uses.import(&["strings"]);
        let mut line = String::with_capacity(expression.len() + 11);
        line.push_str("payload := ");
        line.push_str(&expression);
        (vec![line], "strings.NewReader(payload)".to_owned())
    };
    Ok(match &request.payload {
        Payload::None => (Vec::new(), "nil".to_owned()),
        Payload::Json(value) => text(uses, go::json(JsonBody::Value(value), 0)),
        Payload::JsonTemplate(template) => text(uses, go::json(JsonBody::Template(template), 0)),
        Payload::Text { body, .. } => text(uses, go::text_block(body)),
        Payload::File { path, bytes, .. } => {
            uses.helper(go::READ_FILE, &["bytes", "os", "log"]);
            let mut lines = vec![format!("payload := readFile({})", go::string(path))];
            match bytes {
                FileBytes::AsIs => {}
                FileBytes::StripLineBreaks => {
                    lines.push("// curl's -d @file drops CR and LF bytes.".to_owned());
                    lines.push(
                        "payload = bytes.ReplaceAll(payload, []byte(\"\\r\"), nil)".to_owned(),
                    );
                    lines.push(
                        "payload = bytes.ReplaceAll(payload, []byte(\"\\n\"), nil)".to_owned(),
                    );
                }
                FileBytes::TrimTrailingNewlines => {
                    lines.push(
                        "// The shell's \"$(cat file)\" drops the line breaks at the end."
                            .to_owned(),
                    );
                    lines.push("payload = bytes.TrimRight(payload, \"\\n\")".to_owned());
                }
            }
            (lines, "bytes.NewReader(payload)".to_owned())
        }
        Payload::Multipart(parts) => {
            uses.import(&["bytes", "mime/multipart", "net/textproto"]);
            uses.helper(go::WRITE_PART, &["log"]);
            let mut lines = vec![
                "var payload bytes.Buffer".to_owned(),
                "form := multipart.NewWriter(&payload)".to_owned(),
            ];
            for part in parts {
                lines.push(write_part(part, uses));
            }
            lines.push("if err := form.Close(); err != nil {\n\t\tlog.Fatal(err)\n\t}".to_owned());
            (lines, "&payload".to_owned())
        }
    })
}

/// `writePart(form, header, content)`: the part's headers written as curl writes
/// them (its name and file name with `"`, CR and LF as `%22`, `%0D`, `%0A`).
fn write_part(part: &Part, uses: &mut Uses) -> String {
    let mut disposition = format!("form-data; name=\"{}\"", escape_param(&part.name));
    if let Some(filename) = &part.filename {
        disposition.push_str(&format!("; filename=\"{}\"", escape_param(filename)));
    }
    let content = match &part.content {
        PartContent::Text(text) => format!("[]byte({})", go::text(text)),
        PartContent::File(path) | PartContent::FileText(path) => {
            uses.helper(go::READ_FILE, &["os"]);
            format!("readFile({})", go::string(path))
        }
    };
    let header = match &part.content_type {
        None => format!(
            "textproto.MIMEHeader{{\"Content-Disposition\": {{{}}}}}",
            go::string(&disposition)
        ),
        Some(content_type) => format!(
            "textproto.MIMEHeader{{\n\t\t\"Content-Disposition\": {{{}}},\n\t\t\"Content-Type\":        {{{}}},\n\t}}",
            go::string(&disposition),
            go::string(content_type)
        ),
    };
    format!("writePart(form, {header}, {content})")
}

/// A name or file name as curl writes it in a part's Content-Disposition.
fn escape_param(text: &str) -> String {
    text.replace('"', "%22")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The statements that set the headers: the token's first, the user and password
/// through `SetBasicAuth`, `Host` as the request's own field. net/http writes
/// Content-Length and Transfer-Encoding from the body itself.
fn headers(request: &Request) -> Result<Vec<String>, Error> {
    let Headers { list, basic } = Headers::of(request, &Go);
    let mut names: Vec<String> = Vec::with_capacity(list.len());
    let mut lines = Vec::with_capacity(list.len() + 1);
    let multipart = matches!(request.payload, Payload::Multipart(_));
    for (name, value) in list {
        let lower = name.trim_matches(['"', '`']).to_ascii_lowercase();
        if multipart && lower == "content-type" {
            continue;
        }
        if lower == "content-length" || lower == "transfer-encoding" {
            return Err(refusal(
                Client::GoNetHttp,
                format!(
                    "net/http writes the {} header itself, from the body it sends",
                    name.trim_matches(['"', '`'])
                ),
                None,
            )
            .about(Field::Header(name.trim_matches(['"', '`']).to_owned())));
        }
        if lower == "host" {
            lines.push(format!("request.Host = {value}"));
            continue;
        }
        let call = if names.contains(&lower) { "Add" } else { "Set" };
        names.push(lower);
        lines.push(format!("request.Header.{call}({name}, {value})"));
    }
    if let Some((user, password)) = basic {
        lines.push(format!(
            "request.SetBasicAuth({}, {})",
            go::arg(user),
            go::arg(password)
        ));
    }
    if multipart {
        multipart_type(request)?;
        lines.push("request.Header.Set(\"Content-Type\", form.FormDataContentType())".to_owned());
    }
    Ok(lines)
}

/// A form's Content-Type is the writer's, with its boundary: a header that asks
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
            Client::GoNetHttp,
            format!("a form is sent as multipart/form-data with its boundary, not as {value}"),
            None,
        )
        .about(Field::ContentType)),
    }
}

/// The transport lines and client fields for curl's `-k`, `--connect-timeout`,
/// `-m` and `-x`. net/http follows redirects, and asks for and decodes gzip, on
/// its own.
fn connection(connection: &Connection, uses: &mut Uses) -> (Vec<String>, Vec<String>) {
    let mut transport = Vec::new();
    if connection.insecure {
        uses.import(&["crypto/tls"]);
        transport.push("// Like curl --insecure: TLS certificates are not checked.".to_owned());
        transport
            .push("transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}".to_owned());
    }
    if let Some(seconds) = connection.connect_timeout {
        uses.import(&["net", "time"]);
        transport.push(format!(
            "transport.DialContext = (&net.Dialer{{Timeout: {}}}).DialContext",
            duration(seconds)
        ));
    }
    if let Some(proxy) = &connection.proxy {
        uses.import(&["net/url"]);
        let mut with_scheme = proxy.clone();
        // curl reads a proxy without a scheme as http://.
        if proxy.as_literal().is_some_and(|text| !text.contains("://")) {
            with_scheme = Text::from("http://");
            with_scheme.extend(proxy.clone());
        }
        transport.push(format!(
            "proxy, err := url.Parse({})",
            go::text(&with_scheme)
        ));
        transport.push("if err != nil {\n\t\tlog.Fatal(err)\n\t}".to_owned());
        transport.push("transport.Proxy = http.ProxyURL(proxy)".to_owned());
    }
    let mut client = Vec::new();
    if !transport.is_empty() {
        transport.insert(
            0,
            "transport := http.DefaultTransport.(*http.Transport).Clone()".to_owned(),
        );
        client.push("Transport: transport".to_owned());
    }
    if let Some(seconds) = connection.timeout {
        uses.import(&["time"]);
        client.push(format!("Timeout: {}", duration(seconds)));
    }
    (transport, client)
}

/// A `time.Duration` of `seconds`; whole milliseconds rounded up, so that a bound
/// is never shorter than curl's.
fn duration(seconds: f64) -> String {
    if seconds.fract() == 0.0 {
        format!("{seconds} * time.Second")
    } else {
        format!("{} * time.Millisecond", (seconds * 1000.0).ceil() as u64)
    }
}
