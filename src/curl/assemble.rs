//! [`Invocation`] → [`Request`]: curl's defaults made explicit, the token recognised,
//! and whatever the model cannot hold reported as a warning or a located error.

use serde_json::Value;

use super::Shell;
use super::lex::Piece;
use super::parse::{self, Data, Invocation, Located};
use super::places::Places;
use crate::diagnostic::{Code, Diagnostic, Place};
use crate::error::Error;
use crate::model::{FileBytes, Payload, Request, Token};
use crate::secret;
use crate::template;
use crate::text::{Escapes, Segment, Text};

/// What curl sends as Content-Type for `-d` when no header says otherwise.
const FORM: &str = "application/x-www-form-urlencoded";

/// The request of `invocation`, whose `curl` word is at `command_at` (the place of
/// what the command lacks), with the warnings of the way.
pub(crate) fn assemble(
    invocation: Invocation,
    command_at: Place,
    shell: Shell,
    keep_token: bool,
) -> Result<(Request, Vec<Diagnostic>, Places), Error> {
    let mut assembler = Assembler {
        invocation,
        command_at,
        shell,
        url_at: command_at,
        content_type: None,
        authorization: None,
    };
    match assembler.request(keep_token) {
        Ok((request, places)) => Ok((request, assembler.invocation.warnings, places)),
        Err(err) => Err(err.after(assembler.invocation.warnings)),
    }
}

impl Assembler {
    /// The request and where its fields are written; the warnings of the way stay
    /// in the invocation, for the result or the error.
    fn request(&mut self, keep_token: bool) -> Result<(Request, Places), Error> {
        let mut request = Request::new(self.url()?);
        request.connection = std::mem::take(&mut self.invocation.connection);
        self.headers(&mut request)?;
        self.credentials(&mut request, keep_token)?;
        self.body_or_query(&mut request)?;
        // A JSON payload's Content-Type is its own; only another value stays a header.
        if let (Payload::Json(_), Some(Some(value))) = (&request.payload, &self.content_type)
            && value != "application/json"
        {
            request
                .headers
                .push(("Content-Type".into(), Text::from(value.as_str())));
        }
        request.task = request.task_of_route();
        let places = Places::of_invocation(&mut self.invocation, self.url_at);
        // A validation problem is placed at the word its field came from.
        request.validate().map_err(|err| {
            let at = places.of_problem(err.diagnostic().field.as_ref());
            err.at(at)
        })?;
        Ok((request, places))
    }
}

/// An invocation being turned into a request, with what one step tells the next.
struct Assembler {
    invocation: Invocation,
    command_at: Place,
    /// The shell the command is written for.
    shell: Shell,
    /// The first URL's word, once read.
    url_at: Place,
    /// The Content-Type header: `Some(None)` when `-H 'Content-Type:'` removes it.
    content_type: Option<Option<String>>,
    /// What follows `Bearer ` in the `Authorization` header: the token.
    authorization: Option<Located<Text>>,
}

impl Assembler {
    fn warn(&mut self, at: Place, code: Code, message: impl Into<String>) {
        self.invocation
            .warnings
            .push(Diagnostic::warning(code, message).at(at));
    }

    /// The first URL, with a scheme; the others are left out with a warning.
    fn url(&mut self) -> Result<Text, Error> {
        let mut urls = std::mem::take(&mut self.invocation.urls).into_iter();
        let Some(first) = urls.next() else {
            return Err(Error::new(Code::MissingUrl, "the curl command has no URL")
                .at(self.command_at)
                .advice("add the endpoint's URL after curl"));
        };
        self.url_at = first.at;
        for extra in urls {
            self.warn(
                extra.at,
                Code::LeftOut,
                format!(
                    "only the first URL is converted; {} is left out",
                    extra.value
                ),
            );
        }
        // A variable or placeholder in front brings its own scheme.
        let scheme_given = match first.value.segments().first() {
            Some(Segment::Literal(text)) => text.contains("://"),
            _ => true,
        };
        if scheme_given {
            return Ok(first.value);
        }
        let scheme = self
            .invocation
            .proto_default
            .clone()
            .unwrap_or_else(|| "http".to_owned());
        self.warn(
            first.at,
            Code::MissingScheme,
            format!("no scheme in {}: curl uses {scheme}://", first.value),
        );
        let mut url = Text::from(format!("{scheme}://"));
        url.extend(first.value);
        Ok(url)
    }

    /// Headers: `Name: value` adds, `Name:` removes curl's own, `Name;` sends it empty.
    fn headers(&mut self, request: &mut Request) -> Result<(), Error> {
        let headers = std::mem::take(&mut self.invocation.headers);
        for header in &headers {
            // A header written out, the common case, is split without a copy of it.
            let split = match &header.value.pieces[..] {
                [Piece::Literal(line)] => split_literal_header(line),
                _ => split_header(&parse::text(&header.value, "the header")?),
            };
            let Some((name, value)) = split else {
                return Err(Error::new(
                    Code::HeaderWithoutColon,
                    format!("header {:?} has no `:`", header.value.text()),
                )
                .at(header.at)
                .advice("write `Name: value`"));
            };
            if let Some(value) = &value {
                let mut literals = value.segments().iter().filter_map(|segment| match segment {
                    Segment::Literal(literal) => Some(literal.as_str()),
                    _ => None,
                });
                let placeholder = literals.find_map(|literal| parse::next_placeholder(literal));
                if let Some((_, placeholder)) = placeholder {
                    let what = format!("the header {name}");
                    self.invocation.warnings.push(parse::placeholder_kept(
                        placeholder,
                        &what,
                        header.at,
                    ));
                }
            }
            if name.eq_ignore_ascii_case("content-type") {
                let value = match value {
                    None => None,
                    Some(value) => Some(
                        value
                            .without_vars()
                            .ok_or_else(|| {
                                Error::new(
                                    Code::InvalidHeaderValue,
                                    format!("the Content-Type {value} reads a variable"),
                                )
                                .at(header.at)
                                .advice("write the MIME type out")
                            })?
                            .into_owned(),
                    ),
                };
                self.content_type = Some(value);
            } else if crate::validate::CLIENT_HEADERS
                .iter()
                .any(|client| client.eq_ignore_ascii_case(&name))
            {
                // Browsers' "Copy as cURL" lists connection headers each client manages itself.
                self.warn(
                    header.at,
                    Code::ClientHeader,
                    format!("header {name} is managed by each HTTP client; left out"),
                );
            } else if name.eq_ignore_ascii_case("accept-encoding")
                && value.as_ref().is_some_and(compresses)
            {
                // Browser copies ask for br and zstd, which most clients cannot decode:
                // each client asks for what it decodes, curl with --compressed.
                request.connection.compressed = true;
                self.invocation.connection_at.get_or_insert(header.at);
                self.invocation.warnings.push(
                    Diagnostic::note(
                        Code::ClientHeader,
                        format!(
                            "{name} left to each client, which asks for the encodings it decodes (curl: --compressed)"
                        ),
                    )
                    .at(header.at),
                );
            } else if name.eq_ignore_ascii_case("authorization")
                && let Some(value) = &value
                && let Some(token) = bearer(value)
            {
                self.authorization = Some(Located {
                    value: token,
                    at: header.at,
                });
            } else if let Some(value) = value {
                request.headers.push((name, value));
            } else {
                self.warn(
                    header.at,
                    Code::RemovedHeader,
                    format!("-H '{name}:' removes a header curl adds; the snippets' own clients may still send it"),
                );
            }
        }
        // Kept for placing problems at the word they came from.
        self.invocation.headers = headers;
        if self.invocation.json {
            if self.content_type.is_none() {
                self.content_type = Some(Some("application/json".into()));
            }
            if request.header_value("accept").is_none() {
                request
                    .headers
                    .push(("Accept".into(), Text::from("application/json")));
            }
        }
        Ok(())
    }

    /// The token, from `Authorization: Bearer` or `--oauth2-bearer`, and `-u`'s Basic
    /// credentials when there is no token.
    fn credentials(&mut self, request: &mut Request, keep_token: bool) -> Result<(), Error> {
        request.token = self.token(request, keep_token)?;
        let Some(user) = self.invocation.user.take() else {
            return Ok(());
        };
        if request.token != Token::None || request.header_value("authorization").is_some() {
            // A given Authorization header replaces the one curl makes from -u.
            self.warn(
                user.at,
                Code::CredentialsLeftOut,
                "-u is left out: the Authorization header given is the one sent",
            );
            return Ok(());
        }
        let Some((name, password)) = split_once(&user.value, ':') else {
            return Err(Error::new(
                Code::MissingPassword,
                format!("-u {}: curl would prompt for the password", user.value),
            )
            .at(user.at)
            .advice("write user:password"));
        };
        request.token = Token::Basic {
            user: name,
            password,
        };
        Ok(())
    }

    /// The token of an `Authorization: Bearer ...` header or `--oauth2-bearer`: one
    /// variable, or literal text (a placeholder, or a real token replaced). Anything
    /// else stays the `Authorization` header, sent as written.
    fn token(&mut self, request: &mut Request, keep_token: bool) -> Result<Token, Error> {
        let (value, at) = match (self.invocation.bearer.take(), self.authorization.take()) {
            (Some(bearer), _) => (parse::text(&bearer.value, "the token")?, bearer.at),
            (None, Some(header)) => (header.value, header.at),
            (None, None) => return Ok(Token::None),
        };
        if let [Segment::Var(var)] = value.segments()
            && var.default.is_none()
        {
            return Ok(Token::Env(var.name.clone()));
        }
        let Some(text) = value.without_vars() else {
            let mut header = Text::from("Bearer ");
            header.extend(value);
            request.headers.push(("Authorization".into(), header));
            return Ok(Token::None);
        };
        let text = text.trim();
        if secret::is_real_token(text) && !keep_token {
            self.invocation.warnings.push(secret::replaced().at(at));
            Ok(Token::default())
        } else {
            Ok(Token::Placeholder(text.to_owned()))
        }
    }

    /// The body (a file, a form, data) and the method it implies; or, with `-G`, the
    /// data in the query.
    fn body_or_query(&mut self, request: &mut Request) -> Result<(), Error> {
        let invocation = &self.invocation;
        let mut method_default = "GET";
        if invocation.get {
            let mut query: Vec<Text> = Vec::new();
            for part in &invocation.data {
                match &part.value {
                    Data::Text(text) => query.push(text.clone()),
                    Data::File { path, .. } => {
                        return Err(Error::new(
                            Code::UnsupportedBody,
                            format!(
                                "-G with @{path}: reading the query from a file is not supported"
                            ),
                        )
                        .at(part.at));
                    }
                }
            }
            // curl builds the query from -G's data, or from --url-query when there is
            // none: never from both.
            if query.is_empty() {
                query.extend(invocation.query.iter().cloned());
            } else if !invocation.query.is_empty() {
                let at = self.url_at;
                self.warn(
                    at,
                    Code::LeftOut,
                    "--url-query is left out: with -G, curl builds the query from the data alone",
                );
            }
            append_query(&mut request.url, query);
        } else {
            append_query(&mut request.url, invocation.query.clone());
            if let Some(upload) = &invocation.upload {
                if !invocation.data.is_empty() {
                    return Err(two_bodies("-T and -d", upload.at));
                }
                request.payload = Payload::File {
                    path: upload.value.clone(),
                    content_type: self.content_type.clone().flatten(),
                    bytes: FileBytes::AsIs,
                };
                method_default = "PUT";
            } else if !invocation.forms.is_empty() {
                request.payload = self.form()?;
                method_default = "POST";
            } else if !invocation.data.is_empty() {
                let (payload, note) = body(invocation, self.content_type.clone(), self.shell)?;
                let form_default = self.content_type.is_none() && !invocation.json;
                if form_default && looks_like_json(&payload) {
                    self.warn(
                        invocation.data[0].at,
                        Code::JsonSentAsForm,
                        "the body looks like JSON, and without a Content-Type curl sends it as form data (application/x-www-form-urlencoded); add -H 'Content-Type: application/json' or use --json",
                    );
                }
                request.payload = payload;
                self.invocation.warnings.extend(note);
                method_default = "POST";
            }
        }
        let invocation = &self.invocation;
        if invocation.head {
            method_default = "HEAD";
        }
        if let Some(Located { value, at }) = &invocation.method {
            let method = value.to_ascii_uppercase();
            if method == "GET" && request.payload != Payload::None {
                let at = *at;
                self.warn(
                    at,
                    Code::GetWithBody,
                    "-X GET sends the body with a GET, which servers often ignore; drop -X GET to send it with POST, or use -G to put the data in the query",
                );
            }
            if method != method_default {
                request.method = Some(method);
            }
        } else if method_default != "GET" && method_default != "POST" {
            request.method = Some(method_default.into());
        }
        Ok(())
    }

    /// The multipart body of `-F` options.
    fn form(&mut self) -> Result<Payload, Error> {
        let invocation = &self.invocation;
        let form_at = invocation.forms[0].at;
        if let Some(data) = invocation.data.first() {
            return Err(two_bodies("-F and -d", data.at));
        }
        if let Some(Some(value)) = &self.content_type {
            if !value.starts_with("multipart/form-data") {
                return Err(Error::new(
                    Code::ConflictingContentType,
                    format!("-F sends multipart/form-data, not {value}"),
                )
                .at(form_at)
                .advice("remove the Content-Type header"));
            }
            self.warn(
                form_at,
                Code::InvalidMultipart,
                "the multipart Content-Type and its boundary come from each client",
            );
        }
        let parts = self
            .invocation
            .forms
            .iter()
            .map(|form| {
                let (word, literal) = &form.value;
                let value = parse::text(word, "the form value")?;
                super::form::part(&value, *literal).map_err(|err| err.at(form.at))
            })
            .collect::<Result<_, _>>()?;
        Ok(Payload::Multipart(parts))
    }
}

/// A header line's name and value: `Name: value` (the value trimmed), `Name;` (sent
/// empty), `Name:` (`None`: it removes a header curl adds). `None` when the name is
/// not literal text followed by `:`, or the line is not `Name;`.
/// [`split_header`] of a header written out.
fn split_literal_header(line: &str) -> Option<(String, Option<Text>)> {
    let Some((name, after)) = line.split_once(':') else {
        let name = line.strip_suffix(';')?;
        return Some((name.trim().to_owned(), Some(Text::new())));
    };
    let value = after.trim_start().trim_end_matches([' ', '\t']);
    Some((
        name.trim().to_owned(),
        (!value.is_empty()).then(|| Text::from(value)),
    ))
}

fn split_header(line: &Text) -> Option<(String, Option<Text>)> {
    let segments = line.segments();
    let Some(Segment::Literal(first)) = segments.first() else {
        return None;
    };
    let Some((name, after)) = first.split_once(':') else {
        let name = line.as_literal()?.strip_suffix(';')?;
        return Some((name.trim().to_owned(), Some(Text::new())));
    };
    let mut value = Text::from(after.trim_start());
    segments[1..]
        .iter()
        .for_each(|segment| value.push(segment.clone()));
    let value = trim_end(value);
    let name = name.trim().to_owned();
    Some((name, (!value.is_empty()).then_some(value)))
}

/// `text` without the spaces and tabs that end its last literal segment.
fn trim_end(text: Text) -> Text {
    match text.segments().last() {
        Some(Segment::Literal(last)) if last.ends_with([' ', '\t']) => {
            let mut trimmed = Text::new();
            let segments = text.segments();
            for segment in &segments[..segments.len() - 1] {
                trimmed.push(segment.clone());
            }
            trimmed.push_str(last.trim_end_matches([' ', '\t']));
            trimmed
        }
        _ => text,
    }
}

/// What follows `Bearer ` (as written: another casing is another header) in an
/// `Authorization` value.
fn bearer(value: &Text) -> Option<Text> {
    let segments = value.segments();
    let Some(Segment::Literal(first)) = segments.first() else {
        return None;
    };
    let rest = first.strip_prefix("Bearer ")?.trim_start();
    let mut token = Text::from(rest);
    segments[1..]
        .iter()
        .for_each(|segment| token.push(segment.clone()));
    (!token.is_empty()).then_some(token)
}

/// `text` split at the first `separator` of its literal text.
fn split_once(text: &Text, separator: char) -> Option<(Text, Text)> {
    let segments = text.segments();
    let (index, at) = segments
        .iter()
        .enumerate()
        .find_map(|(index, segment)| match segment {
            Segment::Literal(literal) => literal.find(separator).map(|at| (index, at)),
            _ => None,
        })?;
    let mut before = Text::new();
    let mut after = Text::new();
    for segment in &segments[..index] {
        before.push(segment.clone());
    }
    if let Segment::Literal(literal) = &segments[index] {
        before.push_str(&literal[..at]);
        after.push_str(&literal[at + separator.len_utf8()..]);
    }
    for segment in &segments[index + 1..] {
        after.push(segment.clone());
    }
    Some((before, after))
}

fn two_bodies(options: &str, at: Place) -> Error {
    Error::new(
        Code::ConflictingBodies,
        format!("{options} both give a body"),
    )
    .at(at)
    .advice("keep one")
}

/// The body of the data options: one `@file` alone is a file; text parts join
/// with `&` (with nothing for `--json`), and text sent as JSON becomes JSON (a JSON
/// template when it reads variables).
fn body(
    invocation: &Invocation,
    content_type: Option<Option<String>>,
    shell: Shell,
) -> Result<(Payload, Option<Diagnostic>), Error> {
    let content_type = match content_type {
        Some(explicit) => explicit,
        None => Some(FORM.to_owned()),
    };
    if let [
        Located {
            value: Data::File { path, bytes },
            ..
        },
    ] = &invocation.data[..]
    {
        return Ok((
            Payload::File {
                path: path.clone(),
                content_type,
                bytes: *bytes,
            },
            None,
        ));
    }
    let mut text = Text::new();
    for (index, part) in invocation.data.iter().enumerate() {
        match &part.value {
            Data::Text(part) => {
                if index > 0 && !invocation.json {
                    text.push_str("&");
                }
                text.extend(part.clone());
            }
            Data::File { path, .. } => {
                return Err(Error::new(
                    Code::UnsupportedBody,
                    format!("@{path} joined with other data is not supported"),
                )
                .at(part.at)
                .advice("put the whole body in the file"));
            }
        }
    }
    let note = powershell_quotes(&mut text, shell, invocation.data[0].at);
    let json_type = content_type
        .as_deref()
        .is_some_and(|value| value == "application/json" || value.ends_with("+json"));
    if json_type {
        match text.as_literal() {
            Some(literal) => {
                if let Ok(value) = serde_json::from_str::<Value>(literal) {
                    return Ok((Payload::Json(value), note));
                }
            }
            None => {
                if let Some(template) = template::json_template(&text) {
                    return Ok((Payload::JsonTemplate(template), note));
                }
            }
        }
    }
    Ok((
        Payload::Text {
            body: text,
            content_type,
        },
        note,
    ))
}

/// Whether a form body is written as JSON: an object or an array, which curl still
/// sends as `application/x-www-form-urlencoded` when no Content-Type says otherwise.
fn looks_like_json(payload: &Payload) -> bool {
    let Payload::Text { body, .. } = payload else {
        return false;
    };
    let shown = body.shown();
    let trimmed = shown.trim();
    (trimmed.starts_with('{') && trimmed.ends_with('}'))
        || (trimmed.starts_with('[') && trimmed.ends_with(']') && trimmed.len() > 1)
}

/// Whether an `Accept-Encoding` value asks for a compressed answer (anything but
/// `identity`).
fn compresses(value: &Text) -> bool {
    value.as_literal().is_none_or(|value| {
        value.split(',').any(|coding| {
            let coding = coding.split(';').next().unwrap_or_default().trim();
            !coding.is_empty() && !coding.eq_ignore_ascii_case("identity")
        })
    })
}

/// Windows PowerShell 5.1 passes a native program's arguments with their inner
/// quotes bare, so docs write `'{\"inputs\": \"x\"}'` for curl.exe to receive
/// `{"inputs": "x"}`. When the text as written is not JSON and that reading is,
/// it is taken, with a note saying so.
fn powershell_quotes(text: &mut Text, shell: Shell, at: Place) -> Option<Diagnostic> {
    if shell != Shell::PowerShell {
        return None;
    }
    let literal = text.as_literal()?;
    if !literal.contains("\\\"") || serde_json::from_str::<Value>(literal).is_ok() {
        return None;
    }
    let received = literal.replace("\\\"", "\"");
    serde_json::from_str::<Value>(&received).ok()?;
    *text = Text::from(received);
    Some(
        Diagnostic::note(
            Code::Repaired,
            "the body's \\\" read as \", as Windows PowerShell 5.1 passes it to curl.exe",
        )
        .at(at),
    )
}

/// `text` with the hex digits of its `%XX` escapes in lowercase, its form-encoded
/// variables too.
fn lowercase_escapes(text: Text) -> Text {
    let mut out = Text::new();
    for segment in text.segments() {
        match segment {
            Segment::Literal(literal) => {
                let bytes = literal.as_bytes();
                let mut lowered = String::with_capacity(literal.len());
                let mut index = 0;
                while index < bytes.len() {
                    let escape = bytes[index] == b'%'
                        && bytes.get(index + 1).is_some_and(u8::is_ascii_hexdigit)
                        && bytes.get(index + 2).is_some_and(u8::is_ascii_hexdigit);
                    if escape {
                        lowered.push('%');
                        lowered.push(char::from(bytes[index + 1].to_ascii_lowercase()));
                        lowered.push(char::from(bytes[index + 2].to_ascii_lowercase()));
                        index += 3;
                    } else {
                        // Up to the next `%`: whole characters, never a split one.
                        let from = if bytes[index] == b'%' {
                            index + 1
                        } else {
                            index
                        };
                        let next = literal[from..]
                            .find('%')
                            .map_or(literal.len(), |at| from + at);
                        lowered.push_str(&literal[index..next]);
                        index = next;
                    }
                }
                out.push_str(&lowered);
            }
            Segment::Var(var) if var.form_encoded.is_some() => {
                out.push(Segment::Var(var.clone().form_encoded(Escapes::Lowercase)));
            }
            other => out.push(other.clone()),
        }
    }
    out
}

/// Appends each part to the URL's query.
///
/// curl sets them through its URL parser, which before curl 8.20 writes their
/// `%XX` escapes in lowercase (`%2a`), from 8.20 in uppercase: the snippets follow
/// the curl that most machines have, and the conformance oracle.
fn append_query(url: &mut Text, parts: Vec<Text>) {
    for part in parts {
        let part = lowercase_escapes(part);
        let query = url.segments().iter().any(|segment| match segment {
            Segment::Literal(text) | Segment::Placeholder(text) => text.contains('?'),
            Segment::Var(_) | Segment::File(_) | Segment::FileBase64(_) => false,
        });
        url.push_str(if query { "&" } else { "?" });
        url.extend(part);
    }
}
