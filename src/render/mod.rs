//! Renderers: one askama template per client, fed by a view computed from the request.

mod clients;
mod curl;
mod fetch;
mod go_net_http;
mod guzzle;
mod headers;
mod httpx;
mod httpx_async;
mod huggingface_hub;
mod huggingface_js;
mod java_net_http;
mod openai;
mod openai_js;
mod openai_python;
mod preferred;
mod requests;
mod reqwest;
mod response;
mod ruby_net_http;
mod typed;
mod uses;

use std::fmt;

use serde::Serialize;

use crate::diagnostic::{Code, Diagnostic, Hint};
use crate::error::Error;
use crate::install::Install;
use crate::model::Request;
use crate::text::Escapes;
use crate::{Client, Language};

pub use clients::Wire;
pub(crate) use response::{Output, Response};

/// `client` cannot send exactly this request, for `reason`; `instead`, when given,
/// is the client of the same language that can.
pub(crate) fn refusal(client: Client, reason: impl fmt::Display, instead: Option<Client>) -> Error {
    let error = Error::new(
        Code::UnsupportedByClient,
        format!("{}{reason}", refused(client)),
    );
    match instead {
        Some(other) => error.hint(Hint::UseClient(other)),
        None => error,
    }
}

/// What the snippet of `client` for `request` does differently from the request's
/// curl command, each a warning about [`Field::Connection`](crate::Field): a time
/// limit its client bounds differently, an option it has no way to set. Front ends
/// show them beside the snippet; a request the client cannot send at all is a
/// refusal of [`render`] instead.
///
/// # Example
/// ```
/// use inference_snippets::{Client, Code, Request, caveats};
///
/// let mut request = Request::new("https://x.cloud");
/// request.connection.connect_timeout = Some(5.0);
/// assert_eq!(caveats(&request, Client::Fetch)[0].code, Code::NotCarriedOver);
/// assert!(caveats(&request, Client::Reqwest).is_empty());
/// ```
pub fn caveats(request: &Request, client: Client) -> Vec<Diagnostic> {
    (clients::descriptor(client).caveats)(request)
}

/// What the snippet of `client` for `request` needs installed; `None` when the
/// language (or the tool: curl) has all it uses.
pub fn install(request: &Request, client: Client) -> Option<Install> {
    (clients::descriptor(client).install)(request)
}

/// The functions that form-encode the variables `request` reads that way: the form
/// encoder, and the `--url-query` one that calls it.
pub(crate) fn encoders(
    request: &Request,
    form: &'static str,
    url_query: &'static str,
) -> Vec<&'static str> {
    let mut helpers = Vec::new();
    if request.form_encodes() {
        helpers.push(form);
    }
    if request.form_encodes_with(Escapes::Lowercase) {
        helpers.push(url_query);
    }
    helpers
}

/// One rendered snippet, in the shape Hugging Face's own tooling uses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The target language.
    pub language: Language,
    /// The client the snippet uses.
    pub client: Client,
    /// The code, ending in exactly one newline.
    pub content: String,
}

/// Writes the snippet that sends `request` with `client`.
///
/// Fails when the request is invalid, or when this client cannot send exactly this
/// request (a refusal: [`Error::is_refusal`], with a hint naming the client that can).
///
/// # Example
/// ```
/// use inference_snippets::{Client, Request, render};
/// use serde_json::json;
///
/// let request = Request::new("https://xyz.endpoints.huggingface.cloud/gpt2")
///     .json(json!({"inputs": "It's a trap"}));
/// let curl = render(&request, Client::Curl).unwrap();
/// // An unset token stops the command before it sends anything.
/// assert!(curl.contains(r#"-H "Authorization: Bearer ${HF_TOKEN:?}""#));
/// assert!(curl.contains(r#""inputs": "It'\''s a trap""#));
/// ```
pub fn render(request: &Request, client: Client) -> Result<String, Error> {
    render_with(request, client, &Options::default())
}

/// How snippets are written, beyond the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Whether a snippet that needs packages opens with the line that installs
    /// them (`# pip install requests`); pages that document installation
    /// elsewhere leave it out. Default: true.
    pub install_line: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options { install_line: true }
    }
}

impl Options {
    /// The default options with `install_line` set.
    pub fn install_line(mut self, install_line: bool) -> Options {
        self.install_line = install_line;
        self
    }
}

/// [`render`] with [`Options`].
///
/// # Example
/// ```
/// use inference_snippets::{Client, Options, Request, render, render_with};
/// use serde_json::json;
///
/// let request = Request::new("https://xyz.endpoints.huggingface.cloud/gpt2").json(json!({"inputs": "Hi"}));
/// assert!(render(&request, Client::Requests)?.starts_with("# pip install requests\n\n"));
/// let bare = render_with(&request, Client::Requests, &Options::default().install_line(false))?;
/// assert!(bare.starts_with("import os\n"));
/// # Ok::<(), inference_snippets::Error>(())
/// ```
pub fn render_with(request: &Request, client: Client, options: &Options) -> Result<String, Error> {
    request.validate()?;
    render_valid(request, client, options)
}

/// [`render`] for a request already validated: [`render_all`] checks once, not per client.
fn render_valid(request: &Request, client: Client, options: &Options) -> Result<String, Error> {
    let descriptor = clients::descriptor(client);
    if let Some(reason) = descriptor.brackets
        && brackets_after_host(&request.url)
    {
        // A client of the same language that sends this request as written, if any
        // (httpx for requests).
        let instead = client.language().clients().find(|other| {
            clients::descriptor(*other).brackets.is_none()
                && render_valid(request, *other, options).is_ok()
        });
        return Err(refusal(client, reason, instead).about(crate::Field::Url));
    }
    let mut content = (descriptor.render)(request)?;
    // Control lines start with `{%-`, which leaves a newline before a template's first
    // line, and askama drops the last one: the snippet's ends are decided here, once.
    let trimmed = content.trim_end_matches('\n').len();
    content.truncate(trimmed);
    content.push('\n');
    let leading = content.len() - content.trim_start_matches('\n').len();
    content.drain(..leading);
    if options.install_line
        && let Some(install) = install(request, client)
    {
        // After the line a file of the language must start with (`<?php`).
        let at = client
            .language()
            .opening()
            .filter(|opening| content.starts_with(&format!("{opening}\n")))
            .map_or(0, |opening| opening.len() + 1);
        content.insert_str(at, &format!("{}\n\n", install.line()));
    }
    Ok(content)
}

/// Whether `url` has `[` or `]` in its path or query (a placeholder's included): an
/// IPv6 host's brackets are the only ones every client sends as written.
fn brackets_after_host(url: &crate::text::Text) -> bool {
    let shown = url.shown();
    let rest = shown.split_once("://").map_or(&*shown, |(_, rest)| rest);
    rest.find(['/', '?'])
        .is_some_and(|at| rest[at..].contains(['[', ']']))
}

/// Every snippet that sends `request`, one per client able to, in [`Client::ALL`] order.
///
/// # Example
/// ```
/// use inference_snippets::{Client, Request, Task, render_all};
/// use serde_json::json;
///
/// let request = Request::new("https://xyz.endpoints.huggingface.cloud/distilbert-sentiment")
///     .json(json!({"inputs": "I like you"}))
///     .task(Task::TextClassification);
/// let clients: Vec<Client> = render_all(&request).unwrap().iter().map(|s| s.client).collect();
/// // The openai clients send only OpenAI routes (/v1/chat/completions...).
/// let expected: Vec<Client> =
///     Client::ALL.into_iter().filter(|client| client.name() != "openai").collect();
/// assert_eq!(clients, expected);
/// ```
pub fn render_all(request: &Request) -> Result<Vec<Snippet>, Error> {
    Ok(render_all_explained(request)?.snippets)
}

/// The snippets of every client that can send a request, and why each other one
/// cannot: what [`render_all_explained`] gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AllSnippets {
    /// The snippets, language by language, each language's preferred client for the
    /// request first (see [`render_default`]), the others in [`Client::ALL`] order.
    pub snippets: Vec<Snippet>,
    /// Each client left out, with why.
    pub left_out: Vec<LeftOut>,
}

/// A client [`render_all_explained`] left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    /// The client.
    pub client: Client,
    /// Why, in a few words no client is named in (`it sends no multipart forms`):
    /// clients left out for the same reason can be listed together.
    pub reason: String,
    /// Why, as a note: its code the refusal's, its hints what would let the client
    /// send the request (such as naming the task).
    pub note: Diagnostic,
}

impl LeftOut {
    /// The clients of `left_out` in one note: those left out for the same reason
    /// together, each hint once; `None` when none was left out.
    ///
    /// # Example
    /// ```
    /// use inference_snippets::{LeftOut, Request, render_all_explained};
    /// use serde_json::json;
    ///
    /// let request = Request::new("https://xyz.endpoints.huggingface.cloud/x").json(json!({"inputs": 1}));
    /// let all = render_all_explained(&request)?;
    /// let note = LeftOut::summary(&all.left_out).unwrap();
    /// assert!(note.message.starts_with(
    ///     "left out huggingface_hub, huggingface.js: it calls a typed method per task"
    /// ));
    /// # Ok::<(), inference_snippets::Error>(())
    /// ```
    pub fn summary(left_out: &[LeftOut]) -> Option<Diagnostic> {
        let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
        let mut hints = Vec::new();
        for left in left_out {
            match groups.iter_mut().find(|(reason, _)| *reason == left.reason) {
                Some((_, clients)) => clients.push(left.client.to_string()),
                None => groups.push((&left.reason, vec![left.client.to_string()])),
            }
            for hint in &left.note.hints {
                if !hints.contains(hint) {
                    hints.push(hint.clone());
                }
            }
        }
        let first = left_out.first()?;
        let groups: Vec<String> = groups
            .iter()
            .map(|(reason, clients)| format!("{}: {reason}", clients.join(", ")))
            .collect();
        let mut note = Diagnostic::note(
            Code::ClientsLeftOut,
            format!("left out {}", groups.join("; ")),
        );
        note.hints = hints;
        note.source = first.note.source.clone();
        note.place = first.note.place;
        Some(note)
    }
}

/// [`render_all`], saying which clients it left out and why, so that no front end
/// leaves a client out in silence.
///
/// # Example
/// ```
/// use inference_snippets::{Client, Code, Kind, Request, render_all_explained};
/// use serde_json::json;
///
/// let request = Request::new("https://xyz.endpoints.huggingface.cloud/x").json(json!({"inputs": 1}));
/// let all = render_all_explained(&request).unwrap();
/// // Every generic client sends it; the typed ones need a task, the OpenAI SDKs a route.
/// let generic = Client::ALL.iter().filter(|client| client.kind() == Kind::Generic);
/// assert_eq!(all.snippets.len(), generic.count());
/// assert_eq!(all.left_out[0].client, Client::HuggingfaceHub);
/// assert_eq!(all.left_out[0].note.code, Code::MissingTask);
/// assert!(all.left_out[0].note.message.starts_with("huggingface_hub left out: "));
/// assert_eq!(all.left_out[0].reason, all.left_out[2].reason, "the same for huggingface.js");
/// ```
pub fn render_all_explained(request: &Request) -> Result<AllSnippets, Error> {
    render_all_with(request, &Options::default())
}

/// [`render_all_explained`] with [`Options`].
pub fn render_all_with(request: &Request, options: &Options) -> Result<AllSnippets, Error> {
    request.validate()?;
    let mut snippets = Vec::new();
    let mut left_out = Vec::new();
    for client in all_in_order(request) {
        match render_valid(request, client, options) {
            Ok(content) => snippets.push(Snippet {
                language: client.language(),
                client,
                content,
            }),
            Err(err) if err.is_refusal() => left_out.push(left_out_because(client, err)),
            Err(err) => return Err(err),
        }
    }
    Ok(AllSnippets { snippets, left_out })
}

/// Every client, language by language, each language's preferred client for the
/// request first (see [`render_default`]), then the others in [`Client::ALL`] order.
fn all_in_order(request: &Request) -> Vec<Client> {
    let kind = preferred::preferred(request);
    let mut order = Vec::with_capacity(Client::ALL.len());
    for language in Language::ALL {
        order.extend(language.clients().filter(|client| client.kind() == kind));
        order.extend(language.clients().filter(|client| client.kind() != kind));
    }
    order
}

/// `client`'s refusal as the note of a client left out.
fn left_out_because(client: Client, refusal: Error) -> LeftOut {
    let refusal = refusal.into_diagnostic();
    // Refusals start with the words `refusal` and `typed::task` give them.
    let reason = refusal
        .message
        .strip_prefix(&refused(client))
        .unwrap_or(&refusal.message)
        .to_owned();
    let mut note = Diagnostic::note(
        refusal.code,
        format!("{client} left out: {}", refusal.message),
    );
    // The clients that can send it are already there.
    note.hints = refusal
        .hints
        .into_iter()
        .filter(|hint| !matches!(hint, Hint::UseClient(_)))
        .collect();
    LeftOut {
        client,
        reason,
        note,
    }
}

/// How every refusal of `client` starts.
pub(crate) fn refused(client: Client) -> String {
    format!("{client} cannot send this request: ")
}

/// The snippet for `language` when the user names no client: the client a reader
/// of the request's API reaches for when it can send the request, else the generic
/// client's. The OpenAI SDK for an OpenAI route (`/chat/completions`,
/// `/completions`, `/embeddings`) on a host that is not Hugging Face's; the Hugging
/// Face client on Hugging Face's hosts and on a host a variable writes; the generic
/// client on any other host.
///
/// # Example
/// ```
/// use inference_snippets::{Client, Language, Request, Task, render_default};
/// use serde_json::json;
///
/// let body = json!({"inputs": "Hi"});
/// let endpoint = Request::new("https://xyz.endpoints.huggingface.cloud/x").json(body.clone());
/// let with_task = endpoint.clone().task(Task::TextClassification);
/// assert_eq!(render_default(&with_task, Language::Python)?.client, Client::HuggingfaceHub);
/// // No task: the typed client cannot choose a method, so `fetch` writes it.
/// assert_eq!(render_default(&endpoint, Language::JavaScript)?.client, Client::Fetch);
/// // A server of one's own: the client that sends any request.
/// let local = Request::new("http://localhost:8080/x").json(body).task(Task::TextClassification);
/// assert_eq!(render_default(&local, Language::Python)?.client, Client::Requests);
/// // An OpenAI route outside Hugging Face: the OpenAI SDK.
/// let chat = Request::new("https://api.openai.com/v1/chat/completions")
///     .json(json!({"model": "gpt-4o", "messages": [{"role": "user", "content": "Hi"}]}));
/// assert_eq!(render_default(&chat, Language::Python)?.client, Client::OpenaiPython);
/// # Ok::<(), inference_snippets::Error>(())
/// ```
pub fn render_default(request: &Request, language: Language) -> Result<Snippet, Error> {
    render_default_with(request, language, &Options::default())
}

/// [`render_default`] with [`Options`].
pub fn render_default_with(
    request: &Request,
    language: Language,
    options: &Options,
) -> Result<Snippet, Error> {
    request.validate()?;
    let mut refusal = None;
    for client in preferred::clients(request, language) {
        match render_valid(request, client, options) {
            Ok(content) => {
                return Ok(Snippet {
                    language,
                    client,
                    content,
                });
            }
            Err(err) if err.is_refusal() => refusal = Some(err),
            Err(err) => return Err(err),
        }
    }
    Err(refusal
        .unwrap_or_else(|| Error::new(Code::Internal, format!("no client writes {language}"))))
}
