//! The request model: plain data that every reader produces and every renderer reads.
//!
//! Nothing here knows a target language. [`Request::validate`] states what any
//! request must satisfy before a snippet may be written for it.

use std::borrow::Cow;

use serde_json::Value;

use crate::Task;
use crate::diagnostic::{Code, Field};
use crate::error::Error;
use crate::text::{Escapes, Segment, Text, Var};

/// One HTTP request to an inference endpoint.
///
/// # Example
/// ```
/// use inference_snippets::{Request, Task};
/// use serde_json::json;
///
/// let request = Request::new("https://xyz.endpoints.huggingface.cloud/distilbert-sentiment")
///     .json(json!({"inputs": "Deploying my first endpoint was an amazing experience."}))
///     .task(Task::TextClassification);
/// assert_eq!(request.method(), "POST");
/// assert_eq!(request.content_type(), Some("application/json"));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// The full URL, query string included.
    pub url: Text,
    /// The method when the user chose one; see [`Request::method`] for the default.
    pub method: Option<String>,
    /// Headers in the user's order, apart from `Authorization` (see `token`).
    pub headers: Vec<(String, Text)>,
    /// The credentials the `Authorization` header carries.
    pub token: Token,
    /// The body.
    pub payload: Payload,
    /// The inference task, which the typed Hugging Face clients need.
    pub task: Option<Task>,
    /// The model id on the Hub, when known.
    pub model: Option<String>,
    /// How the request travels: certificates, timeouts, proxy, compression, redirects.
    pub connection: Connection,
}

/// What a snippet reads when it runs, beyond its own text.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Reads {
    /// An environment variable.
    pub env: bool,
    /// A variable without a default, which must be set.
    pub required: bool,
    /// A variable with a default.
    pub defaults: bool,
    /// A file in the home folder (`~/`).
    pub home: bool,
    /// A variable it form-encodes.
    pub form_encoded: bool,
    /// A file's bytes, which it encodes in base64.
    pub base64: bool,
}

/// How a request travels, beyond what it sends: curl's connection options, which each
/// snippet writes in its client's idiom (or its client refuses, saying why).
///
/// # Example
/// ```
/// use inference_snippets::{Connection, Request};
///
/// let mut request = Request::new("https://x.cloud");
/// request.connection.timeout = Some(30.0);
/// assert_eq!(request.connection, Connection { timeout: Some(30.0), ..Connection::default() });
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Connection {
    /// Skip checking the server's certificate (curl `-k`).
    pub insecure: bool,
    /// The most seconds the whole exchange may take (curl `-m`).
    pub timeout: Option<f64>,
    /// The most seconds connecting may take (curl `--connect-timeout`).
    pub connect_timeout: Option<f64>,
    /// The proxy to go through (curl `-x`).
    pub proxy: Option<Text>,
    /// Ask for a compressed answer and decode it (curl `--compressed`).
    pub compressed: bool,
    /// Follow redirects (curl `-L`): the HTTP libraries do by default, curl only then.
    pub follow_redirects: bool,
}

impl Connection {
    /// Whether every option is curl's default.
    pub fn is_default(&self) -> bool {
        *self == Connection::default()
    }
}

/// The credentials the `Authorization` header carries: a bearer token (from the
/// environment or a placeholder), or a user and password.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Token {
    /// `Bearer` and this environment variable's value when the snippet runs
    /// (`HF_TOKEN` by default).
    Env(String),
    /// `Bearer` and this text, printed as is, for the reader to replace (`hf_***`,
    /// `<Token>`).
    Placeholder(String),
    /// `Basic` and the base64 of `user:password`, computed when the snippet runs
    /// (either may read the environment).
    Basic {
        /// The user name.
        user: Text,
        /// The password.
        password: Text,
    },
    /// No `Authorization` header.
    None,
}

impl Token {
    /// Reads the token notation of specs and the command line: `$NAME` or `${NAME}`
    /// is an environment variable, anything else a placeholder printed as is.
    ///
    /// # Example
    /// ```
    /// use inference_snippets::Token;
    ///
    /// assert_eq!(Token::parse("${MY_TOKEN}"), Ok(Token::Env("MY_TOKEN".into())));
    /// assert_eq!(Token::parse("hf_***"), Ok(Token::Placeholder("hf_***".into())));
    /// ```
    pub fn parse(text: &str) -> Result<Token, Error> {
        let Some(name) = text.strip_prefix('$') else {
            return Ok(Token::Placeholder(text.to_owned()));
        };
        let name = name
            .strip_prefix('{')
            .and_then(|name| name.strip_suffix('}'))
            .unwrap_or(name);
        if is_env_name(name) {
            Ok(Token::Env(name.to_owned()))
        } else {
            Err(Error::new(
                Code::InvalidTokenVariable,
                format!("{text:?} is not an environment variable such as \"$HF_TOKEN\""),
            )
            .about(Field::Token))
        }
    }
}

/// A name every shell, Python, JavaScript and Rust can read from the environment.
pub(crate) fn is_env_name(text: &str) -> bool {
    let mut bytes = text.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

impl Default for Token {
    fn default() -> Token {
        Token::Env("HF_TOKEN".to_owned())
    }
}

/// The request body.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Payload {
    /// No body.
    None,
    /// A JSON document, sent as `application/json` unless a header says otherwise.
    Json(Value),
    /// A JSON document some of whose values are read when the snippet runs (from the
    /// environment, or a file's base64), sent as `application/json` unless a header
    /// says otherwise.
    JsonTemplate(JsonTemplate),
    /// Text sent as it is, with its MIME type.
    Text {
        /// The body.
        body: Text,
        /// Its MIME type; `None` sends no Content-Type at all.
        content_type: Option<String>,
    },
    /// A `multipart/form-data` form; the client writes the Content-Type and its boundary.
    Multipart(Vec<Part>),
    /// The bytes of a file, read when the snippet runs, with its MIME type.
    File {
        /// The path, as the snippet will open it.
        path: String,
        /// Its MIME type; `None` sends no Content-Type at all.
        content_type: Option<String>,
        /// Which of the file's bytes are sent.
        bytes: FileBytes,
    },
}

/// Which bytes of a file a body sends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum FileBytes {
    /// All of them (`--data-binary @file`).
    #[default]
    AsIs,
    /// All but CR and LF, as curl's `-d @file` reads a file.
    StripLineBreaks,
    /// All but the line breaks at the end, as the shell's `"$(cat file)"` reads it.
    TrimTrailingNewlines,
}

/// A JSON document with holes that the snippet fills when it runs: with environment
/// variables, or with a file's bytes in base64 ([`Segment::FileBase64`], alone in a
/// string slot: a spec's `base64_files`).
///
/// # Example
/// ```
/// use inference_snippets::{JsonTemplate, Payload, Segment, Slot, Text, Var, parse_spec};
/// use serde_json::json;
///
/// // {"model": "$MODEL", "max_tokens": $MAX}
/// let template = JsonTemplate {
///     value: json!({"model": null, "max_tokens": null}),
///     slots: vec![
///         Slot { pointer: "/model".into(), text: Text::var(Var::new("MODEL")), number: false },
///         Slot { pointer: "/max_tokens".into(), text: Text::var(Var::new("MAX")), number: true },
///     ],
/// };
/// assert_eq!(template.slot("/max_tokens").map(|slot| slot.number), Some(true));
///
/// let request = parse_spec(
///     r#"{"url": "https://x.cloud", "json": {"inputs": {"question": "?"}},
///         "base64_files": {"/inputs/image": "cat.png"}}"#,
///     "vqa.json",
/// )?;
/// let Payload::JsonTemplate(template) = &request.payload else { unreachable!() };
/// assert_eq!(template.value, json!({"inputs": {"question": "?", "image": null}}));
/// let image = template.slot("/inputs/image").map(|slot| slot.text.segments());
/// assert_eq!(image, Some(&[Segment::FileBase64("cat.png".into())][..]));
/// # Ok::<(), inference_snippets::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct JsonTemplate {
    /// The document; each slot's place holds `null`.
    pub value: Value,
    /// The holes, in document order.
    pub slots: Vec<Slot>,
}

/// One hole of a [`JsonTemplate`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot {
    /// Where it is, as a JSON Pointer (RFC 6901).
    pub pointer: String,
    /// What fills it.
    pub text: Text,
    /// The text is a JSON number written bare (`"max_tokens": $MAX`), not a string.
    pub number: bool,
}

impl JsonTemplate {
    /// The slot at `pointer`.
    pub fn slot(&self, pointer: &str) -> Option<&Slot> {
        self.slots.iter().find(|slot| slot.pointer == pointer)
    }
}

/// One part of a `multipart/form-data` body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// The form field name.
    pub name: String,
    /// What the part holds.
    pub content: PartContent,
    /// The part's own Content-Type, when it has one.
    pub content_type: Option<String>,
    /// The file name sent with the part (file uploads).
    pub filename: Option<String>,
}

/// What a multipart part holds.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PartContent {
    /// A text value.
    Text(Text),
    /// The bytes of the file at this path, uploaded as a file (`-F name=@path`).
    File(String),
    /// The text of the file at this path, as a plain field (`-F name=<path`).
    FileText(String),
}

impl Payload {
    /// Whether the payload asks the server to stream its answer (`"stream": true`).
    pub fn streams(&self) -> bool {
        match self {
            Payload::Json(value) | Payload::JsonTemplate(JsonTemplate { value, .. }) => {
                value.get("stream") == Some(&Value::Bool(true))
            }
            _ => false,
        }
    }
}

impl Request {
    /// A GET request to `url` with the default token (`$HF_TOKEN`) and no body.
    pub fn new(url: impl Into<Text>) -> Request {
        Request {
            url: url.into(),
            method: None,
            headers: Vec::new(),
            token: Token::default(),
            payload: Payload::None,
            task: None,
            model: None,
            connection: Connection::default(),
        }
    }

    /// Sends `value` as JSON.
    pub fn json(mut self, value: Value) -> Request {
        self.payload = Payload::Json(value);
        self
    }

    /// Sends the bytes of the file at `path` with the MIME type `content_type`.
    pub fn file(mut self, path: impl Into<String>, content_type: impl Into<String>) -> Request {
        self.payload = Payload::File {
            path: path.into(),
            content_type: Some(content_type.into()),
            bytes: FileBytes::AsIs,
        };
        self
    }

    /// Sends `body` as it is with the MIME type `content_type`.
    pub fn text(mut self, body: impl Into<Text>, content_type: impl Into<String>) -> Request {
        self.payload = Payload::Text {
            body: body.into(),
            content_type: Some(content_type.into()),
        };
        self
    }

    /// The task the URL's route names, for a request that names none: a
    /// `/chat/completions` route is chat whatever the model. Readers of a request
    /// (the curl parser, a front end's own arguments) call it alike.
    ///
    /// # Example
    /// ```
    /// use inference_snippets::{Request, Task};
    ///
    /// let chat = Request::new("https://router.huggingface.co/v1/chat/completions/");
    /// assert_eq!(chat.task_of_route(), Some(Task::ChatCompletion));
    /// assert_eq!(Request::new("https://x.cloud/generate").task_of_route(), None);
    /// ```
    pub fn task_of_route(&self) -> Option<Task> {
        let url = self.url.shown();
        let path = url.split(['?', '#']).next().unwrap_or_default();
        path.trim_end_matches('/')
            .ends_with("/chat/completions")
            .then_some(Task::ChatCompletion)
    }

    /// Sets the inference task.
    pub fn task(mut self, task: Task) -> Request {
        self.task = Some(task);
        self
    }

    /// Sets where the token comes from.
    pub fn token(mut self, token: Token) -> Request {
        self.token = token;
        self
    }

    /// Adds a header after the ones already set.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<Text>) -> Request {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// The method sent: the one chosen, else POST with a body and GET without.
    pub fn method(&self) -> &str {
        match (&self.method, &self.payload) {
            (Some(method), _) => method,
            (None, Payload::None) => "GET",
            (None, _) => "POST",
        }
    }

    /// Chooses the method instead of the default (POST with a body, GET without).
    pub fn with_method(mut self, method: impl Into<String>) -> Request {
        self.method = Some(method.into());
        self
    }

    /// The `Content-Type` the request sends: a `Content-Type` header when one is set
    /// (validation keeps it free of variables), else the payload's own.
    pub fn content_type(&self) -> Option<&str> {
        if let Some(value) = self.header_value("content-type") {
            return value.as_literal();
        }
        match &self.payload {
            Payload::None | Payload::Multipart(_) => None,
            Payload::Json(_) | Payload::JsonTemplate(_) => Some("application/json"),
            Payload::Text { content_type, .. } | Payload::File { content_type, .. } => {
                content_type.as_deref()
            }
        }
    }

    /// The value of the first header named `name` (ASCII case-insensitive).
    pub fn header_value(&self, name: &str) -> Option<&Text> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value)
    }

    /// Every header a snippet sends, in order: `Content-Type` when there is a body,
    /// then the user's other headers. `Authorization` comes from the token and is
    /// left to each renderer: it is an expression, not a string.
    pub fn wire_headers(&self) -> Vec<(&str, Cow<'_, Text>)> {
        // Room for Content-Type, and for the Authorization a renderer puts first.
        let mut headers = Vec::with_capacity(self.headers.len() + 2);
        if self.payload != Payload::None {
            match self.header_value("content-type") {
                Some(value) => headers.push(("Content-Type", Cow::Borrowed(value))),
                None => {
                    if let Some(content_type) = self.content_type() {
                        headers.push(("Content-Type", Cow::Owned(Text::from(content_type))));
                    }
                }
            }
        }
        headers.extend(
            self.headers
                .iter()
                .filter(|(name, _)| !name.eq_ignore_ascii_case("content-type"))
                .map(|(name, value)| (name.as_str(), Cow::Borrowed(value))),
        );
        headers
    }

    /// Every environment variable the request reads, each once: the token's first,
    /// then in the order of the URL, the credentials, the headers and the body.
    ///
    /// # Example
    /// ```
    /// use inference_snippets::{Request, Text, Var};
    ///
    /// let mut url = Text::var(Var::new("ENDPOINT_URL"));
    /// url.push_str("/generate");
    /// let request = Request::new(url).header("X-Model", Text::var(Var::new("MODEL")));
    /// let names: Vec<String> = request.vars().into_iter().map(|var| var.name).collect();
    /// assert_eq!(names, ["HF_TOKEN", "ENDPOINT_URL", "MODEL"]);
    /// ```
    pub fn vars(&self) -> Vec<Var> {
        let mut found: Vec<Var> = Vec::new();
        // A variable read form-encoded and as it is, is one variable. A set, not a
        // search: a body may read thousands.
        let mut seen = std::collections::HashSet::new();
        let token = match &self.token {
            Token::Env(name) => Some(Var::new(name.as_str())),
            _ => None,
        };
        let mut add = |var: &Var| {
            if seen.insert((var.name.clone(), var.default.clone())) {
                found.push(Var {
                    form_encoded: None,
                    ..var.clone()
                });
            }
        };
        if let Some(token) = &token {
            add(token);
        }
        self.any_text(|text| {
            text.vars().for_each(&mut add);
            false
        });
        found
    }

    /// Whether a text reads a variable form-encoded (`--data-urlencode "q=$Q"`).
    pub(crate) fn form_encodes(&self) -> bool {
        self.any_text(|text| text.vars().any(|var| var.form_encoded.is_some()))
    }

    /// Whether a text reads a variable form-encoded with `escapes`.
    pub(crate) fn form_encodes_with(&self, escapes: Escapes) -> bool {
        self.any_text(|text| text.vars().any(|var| var.form_encoded == Some(escapes)))
    }

    /// Whether a snippet reads a file from the home folder (`~/...`) for a text.
    pub(crate) fn reads_home(&self) -> bool {
        self.any_text(|text| text.files().any(|path| path.starts_with("~/")))
    }

    /// Whether a snippet reads a file's text for a text of the request.
    pub(crate) fn reads_text_files(&self) -> bool {
        self.any_text(|text| text.files().next().is_some())
    }

    /// Whether `test` holds for a text of the request that is not a plain literal
    /// (one that may read the environment or a file), visited in order: the URL, the
    /// credentials, the header values, the body's, the proxy. A loop, not a chain of
    /// iterators: every conversion asks several such questions.
    fn any_text<'a>(&'a self, mut test: impl FnMut(&'a Text) -> bool) -> bool {
        let mut visit = |text: &'a Text| text.as_literal().is_none() && test(text);
        if visit(&self.url) {
            return true;
        }
        if let Token::Basic { user, password } = &self.token
            && (visit(user) || visit(password))
        {
            return true;
        }
        if self.headers.iter().any(|(_, value)| visit(value)) {
            return true;
        }
        let body = match &self.payload {
            Payload::Text { body, .. } => visit(body),
            Payload::JsonTemplate(template) => template.slots.iter().any(|slot| visit(&slot.text)),
            Payload::Multipart(parts) => parts.iter().any(|part| match &part.content {
                PartContent::Text(text) => visit(text),
                _ => false,
            }),
            _ => false,
        };
        body || self.connection.proxy.as_ref().is_some_and(visit)
    }

    /// The names of the variables a snippet needs set (those without a default), in
    /// the order of [`Request::vars`], each once.
    pub(crate) fn required_vars(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        if let Token::Env(name) = &self.token {
            seen.insert(name.as_str());
            names.push(name);
        }
        self.any_text(|text| {
            for var in text.vars().filter(|var| var.default.is_none()) {
                if seen.insert(var.name.as_str()) {
                    names.push(&var.name);
                }
            }
            false
        });
        names
    }

    /// What a snippet of the request reads when it runs, found in one walk.
    pub(crate) fn reads(&self) -> Reads {
        let token = matches!(self.token, Token::Env(_));
        let mut reads = Reads {
            env: token,
            required: token,
            ..Reads::default()
        };
        self.any_text(|text| {
            for segment in text.segments() {
                match segment {
                    Segment::Var(var) => {
                        reads.env = true;
                        reads.required |= var.default.is_none();
                        reads.defaults |= var.default.is_some();
                        reads.form_encoded |= var.form_encoded.is_some();
                    }
                    Segment::File(path) => reads.home |= path.starts_with("~/"),
                    Segment::FileBase64(_) => reads.base64 = true,
                    _ => {}
                }
            }
            false
        });
        reads
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn method_defaults_follow_the_body() {
        let get = Request::new("https://example.com");
        assert_eq!(get.method(), "GET");
        let post = get.clone().json(Value::Null);
        assert_eq!(post.method(), "POST");
        assert_eq!(post.with_method("PUT").method(), "PUT");
    }

    #[test]
    fn content_type_header_wins() {
        let request = Request::new("https://example.com")
            .json(Value::Null)
            .header("content-type", "application/json; charset=utf-8");
        let headers: Vec<(&str, String)> = request
            .wire_headers()
            .into_iter()
            .map(|(name, value)| (name, value.to_string()))
            .collect();
        assert_eq!(
            headers,
            vec![("Content-Type", "application/json; charset=utf-8".to_owned())]
        );
    }
}
