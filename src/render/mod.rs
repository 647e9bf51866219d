//! Renderers: one askama template per client, fed by a view computed from the request.

mod curl;
mod fetch;
mod huggingface_hub;
mod huggingface_js;
mod requests;
mod reqwest;
mod response;
mod typed;

use std::fmt;
use std::str::FromStr;

use askama::Template;
use serde::Serialize;

use crate::error::Error;
use crate::model::Request;

pub(crate) use response::Response;

/// A target language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// A curl command for a POSIX shell.
    Curl,
    /// Python 3.
    Python,
    /// JavaScript for Node 18+ as an ES module.
    #[serde(rename = "js")]
    JavaScript,
    /// Rust.
    Rust,
}

impl Language {
    /// Every language, in the order of [`render_all`].
    pub const ALL: [Language; 4] = [
        Language::Curl,
        Language::Python,
        Language::JavaScript,
        Language::Rust,
    ];

    /// The short name used on the command line and in JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Language::Curl => "curl",
            Language::Python => "python",
            Language::JavaScript => "js",
            Language::Rust => "rust",
        }
    }

    /// The info string of a Markdown code fence.
    pub fn fence(self) -> &'static str {
        match self {
            Language::Curl => "sh",
            Language::Python => "py",
            Language::JavaScript => "js",
            Language::Rust => "rust",
        }
    }

    /// The clients of this language, the Hugging Face one (when there is one) first.
    pub fn clients(self) -> &'static [Client] {
        match self {
            Language::Curl => &[Client::Curl],
            Language::Python => &[Client::HuggingfaceHub, Client::Requests],
            Language::JavaScript => &[Client::HuggingfaceJs, Client::Fetch],
            Language::Rust => &[Client::Reqwest],
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Language {
    type Err = String;

    fn from_str(name: &str) -> Result<Language, String> {
        match name.to_ascii_lowercase().as_str() {
            "curl" | "sh" | "shell" | "bash" => Ok(Language::Curl),
            "python" | "py" => Ok(Language::Python),
            "js" | "javascript" | "node" => Ok(Language::JavaScript),
            "rust" | "rs" => Ok(Language::Rust),
            _ => Err(format!(
                "unknown language {name:?}; choose curl, python, js or rust"
            )),
        }
    }
}

/// A client library (or tool) a snippet is written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Client {
    /// The curl command line.
    #[serde(rename = "curl")]
    Curl,
    /// Python `requests`.
    #[serde(rename = "requests")]
    Requests,
    /// Python `huggingface_hub.InferenceClient`.
    #[serde(rename = "huggingface_hub")]
    HuggingfaceHub,
    /// JavaScript `fetch`.
    #[serde(rename = "fetch")]
    Fetch,
    /// JavaScript `@huggingface/inference`.
    #[serde(rename = "huggingface.js")]
    HuggingfaceJs,
    /// Rust `reqwest` (blocking).
    #[serde(rename = "reqwest")]
    Reqwest,
}

impl Client {
    /// Every client, in the order of [`render_all`].
    pub const ALL: [Client; 6] = [
        Client::Curl,
        Client::HuggingfaceHub,
        Client::Requests,
        Client::HuggingfaceJs,
        Client::Fetch,
        Client::Reqwest,
    ];

    /// The name used on the command line and in JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Client::Curl => "curl",
            Client::Requests => "requests",
            Client::HuggingfaceHub => "huggingface_hub",
            Client::Fetch => "fetch",
            Client::HuggingfaceJs => "huggingface.js",
            Client::Reqwest => "reqwest",
        }
    }

    /// The language the client's snippets are written in.
    pub fn language(self) -> Language {
        match self {
            Client::Curl => Language::Curl,
            Client::Requests | Client::HuggingfaceHub => Language::Python,
            Client::Fetch | Client::HuggingfaceJs => Language::JavaScript,
            Client::Reqwest => Language::Rust,
        }
    }

    /// The file a snippet of this client is saved as: `curl.sh`, `requests.py`, ...
    pub fn file_name(self) -> &'static str {
        match self {
            Client::Curl => "curl.sh",
            Client::Requests => "requests.py",
            Client::HuggingfaceHub => "huggingface_hub.py",
            Client::Fetch => "fetch.js",
            Client::HuggingfaceJs => "huggingface.js",
            Client::Reqwest => "reqwest.rs",
        }
    }

    /// The client of the same language that can send any request, for refusals to name.
    pub fn generic(self) -> Client {
        match self.language() {
            Language::Curl => Client::Curl,
            Language::Python => Client::Requests,
            Language::JavaScript => Client::Fetch,
            Language::Rust => Client::Reqwest,
        }
    }
}

impl fmt::Display for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Client {
    type Err = String;

    fn from_str(name: &str) -> Result<Client, String> {
        let wanted = name.to_ascii_lowercase().replace('-', "_");
        let alias = match wanted.as_str() {
            "huggingface_js" | "@huggingface/inference" | "inference" => "huggingface.js",
            "hub" | "huggingface.hub" => "huggingface_hub",
            other => other,
        };
        Client::ALL
            .into_iter()
            .find(|client| client.name() == alias)
            .ok_or_else(|| {
                let names: Vec<&str> = Client::ALL.iter().map(|c| c.name()).collect();
                format!("unknown client {name:?}; choose {}", names.join(", "))
            })
    }
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
/// request (the error then names the client that can).
///
/// # Example
/// ```
/// use inference_snippets::{Client, Request, render};
/// use serde_json::json;
///
/// let request = Request::new("https://xyz.endpoints.huggingface.cloud/gpt2")
///     .json(json!({"inputs": "It's a trap"}));
/// let curl = render(&request, Client::Curl).unwrap();
/// assert!(curl.contains(r#"-H "Authorization: Bearer $HF_TOKEN""#));
/// assert!(curl.contains(r#""inputs": "It'\''s a trap""#));
/// ```
pub fn render(request: &Request, client: Client) -> Result<String, Error> {
    request.validate()?;
    render_valid(request, client)
}

/// [`render`] for a request already validated: [`render_all`] checks once, not per client.
fn render_valid(request: &Request, client: Client) -> Result<String, Error> {
    let rendered = match client {
        Client::Curl => curl::view(request)?.render(),
        Client::Requests => requests::view(request).render(),
        Client::HuggingfaceHub => huggingface_hub::view(request)?.render(),
        Client::Fetch => fetch::view(request)?.render(),
        Client::HuggingfaceJs => huggingface_js::view(request)?.render(),
        Client::Reqwest => reqwest::view(request).render(),
    };
    let mut content = rendered.map_err(|err| Error::InvalidRequest(format!("template: {err}")))?;
    // Control lines start with `{%-`, which leaves a newline before a template's first
    // line, and askama drops the last one: the snippet's ends are decided here, once.
    let trimmed = content.trim_end_matches('\n').len();
    content.truncate(trimmed);
    content.push('\n');
    let leading = content.len() - content.trim_start_matches('\n').len();
    content.drain(..leading);
    Ok(content)
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
/// assert_eq!(clients, Client::ALL);
/// ```
pub fn render_all(request: &Request) -> Result<Vec<Snippet>, Error> {
    request.validate()?;
    let mut snippets = Vec::new();
    for client in Client::ALL {
        match render_valid(request, client) {
            Ok(content) => snippets.push(Snippet {
                language: client.language(),
                client,
                content,
            }),
            Err(Error::Unsupported { .. }) => {}
            Err(err) => return Err(err),
        }
    }
    Ok(snippets)
}

/// The snippet for `language` when the user names no client: the Hugging Face
/// client's when it can send the request, else the generic client's.
///
/// # Example
/// ```
/// use inference_snippets::{Client, Language, Request, render_default};
/// use serde_json::json;
///
/// // No task: the typed client cannot choose a method, so `fetch` writes it.
/// let request = Request::new("https://xyz.endpoints.huggingface.cloud/x").json(json!({"inputs": 1}));
/// assert_eq!(render_default(&request, Language::JavaScript).unwrap().client, Client::Fetch);
/// ```
pub fn render_default(request: &Request, language: Language) -> Result<Snippet, Error> {
    request.validate()?;
    let mut refusal = None;
    for &client in language.clients() {
        match render_valid(request, client) {
            Ok(content) => {
                return Ok(Snippet {
                    language,
                    client,
                    content,
                });
            }
            Err(err @ Error::Unsupported { .. }) => refusal = Some(err),
            Err(err) => return Err(err),
        }
    }
    Err(refusal.unwrap_or_else(|| Error::InvalidRequest(format!("no client writes {language}"))))
}
