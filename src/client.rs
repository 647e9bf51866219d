//! The target languages and the client libraries snippets are written for.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// A target language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
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

    /// The clients [`render_default`](crate::render_default) chooses from, in order:
    /// the Hugging Face one (when there is one), then the one that sends any request.
    /// The `openai` clients, which send only OpenAI routes, are written when named
    /// or by [`render_all`](crate::render_all).
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
#[non_exhaustive]
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
    /// Python `openai`, the OpenAI SDK, pointed at an OpenAI-compatible server.
    #[serde(rename = "openai")]
    OpenaiPython,
    /// JavaScript `fetch`.
    #[serde(rename = "fetch")]
    Fetch,
    /// JavaScript `@huggingface/inference`.
    #[serde(rename = "huggingface.js")]
    HuggingfaceJs,
    /// JavaScript `openai`, the OpenAI SDK, pointed at an OpenAI-compatible server.
    #[serde(rename = "openai")]
    OpenaiJs,
    /// Rust `reqwest` (blocking).
    #[serde(rename = "reqwest")]
    Reqwest,
}

impl Client {
    /// Every client, in the order of [`render_all`]: per language, the Hugging Face
    /// client, then `openai` (the order of Hugging Face's own snippets for chat
    /// models, which show `huggingface_hub` then `openai`), then the generic client.
    pub const ALL: [Client; 8] = [
        Client::Curl,
        Client::HuggingfaceHub,
        Client::OpenaiPython,
        Client::Requests,
        Client::HuggingfaceJs,
        Client::OpenaiJs,
        Client::Fetch,
        Client::Reqwest,
    ];

    /// The name used on the command line and in JSON output. `openai` names a client
    /// of Python and one of JavaScript, as in Hugging Face's own snippets; [`Client::id`]
    /// tells them apart.
    pub fn name(self) -> &'static str {
        match self {
            Client::Curl => "curl",
            Client::Requests => "requests",
            Client::HuggingfaceHub => "huggingface_hub",
            Client::OpenaiPython | Client::OpenaiJs => "openai",
            Client::Fetch => "fetch",
            Client::HuggingfaceJs => "huggingface.js",
            Client::Reqwest => "reqwest",
        }
    }

    /// A name no other client has: the [name](Client::name), followed by the
    /// language for a name several languages share (`openai-python`, `openai-js`).
    /// It is how the client is shown ([`Display`](fmt::Display)): tab ids, labels
    /// and messages that list several clients stay unambiguous.
    ///
    /// # Example
    /// ```
    /// use inference_snippets::Client;
    ///
    /// assert_eq!(Client::OpenaiJs.name(), "openai");
    /// assert_eq!(Client::OpenaiJs.id(), "openai-js");
    /// assert_eq!(Client::Fetch.id(), "fetch");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Client::OpenaiPython => "openai-python",
            Client::OpenaiJs => "openai-js",
            other => other.name(),
        }
    }

    /// The language the client's snippets are written in.
    pub fn language(self) -> Language {
        match self {
            Client::Curl => Language::Curl,
            Client::Requests | Client::HuggingfaceHub | Client::OpenaiPython => Language::Python,
            Client::Fetch | Client::HuggingfaceJs | Client::OpenaiJs => Language::JavaScript,
            Client::Reqwest => Language::Rust,
        }
    }

    /// The file a snippet of this client is saved as: `curl.sh`, `requests.py`, ...
    pub fn file_name(self) -> &'static str {
        match self {
            Client::Curl => "curl.sh",
            Client::Requests => "requests.py",
            Client::HuggingfaceHub => "huggingface_hub.py",
            Client::OpenaiPython => "openai.py",
            Client::Fetch => "fetch.js",
            Client::HuggingfaceJs => "huggingface.js",
            Client::OpenaiJs => "openai.js",
            Client::Reqwest => "reqwest.rs",
        }
    }

    /// Every client called `name` (a [name](Client::name), an [id](Client::id) or an
    /// alias): one, or one per language for a name several languages share.
    ///
    /// # Example
    /// ```
    /// use inference_snippets::Client;
    ///
    /// assert_eq!(Client::named("openai"), Ok(vec![Client::OpenaiPython, Client::OpenaiJs]));
    /// assert_eq!(Client::named("openai-node"), Ok(vec![Client::OpenaiJs]));
    /// assert_eq!(Client::named("hub"), Ok(vec![Client::HuggingfaceHub]));
    /// assert!(Client::named("axios").is_err());
    /// ```
    pub fn named(name: &str) -> Result<Vec<Client>, String> {
        let wanted = name.to_ascii_lowercase().replace('-', "_");
        let alias = match wanted.as_str() {
            "huggingface_js" | "@huggingface/inference" | "inference" => "huggingface.js",
            "hub" | "huggingface.hub" => "huggingface_hub",
            other => other,
        };
        let clients: Vec<Client> = Client::ALL
            .into_iter()
            .filter(|client| client.name() == alias)
            .collect();
        if !clients.is_empty() {
            return Ok(clients);
        }
        // `openai-python`, `openai-py`, `openai-node`: a shared name and a language.
        if let Some((shared, language)) = alias.rsplit_once('_')
            && let Ok(language) = language.parse::<Language>()
            && let Some(client) = Client::ALL
                .into_iter()
                .find(|client| client.name() == shared && client.language() == language)
        {
            return Ok(vec![client]);
        }
        let names: Vec<&str> = Client::ALL.iter().map(|c| c.id()).collect();
        Err(format!(
            "unknown client {name:?}; choose {}",
            names.join(", ")
        ))
    }

    /// The client called `name` that writes `language`, when a name several
    /// languages share (`openai`) needs the language to name one client; any
    /// other name reads as [`FromStr`] reads it, whatever its language.
    ///
    /// # Example
    /// ```
    /// use inference_snippets::{Client, Language};
    ///
    /// assert_eq!(Client::named_in("openai", Language::JavaScript), Ok(Client::OpenaiJs));
    /// // The caller decides what a client of another language means.
    /// assert_eq!(Client::named_in("fetch", Language::Python), Ok(Client::Fetch));
    /// ```
    pub fn named_in(name: &str, language: Language) -> Result<Client, String> {
        let clients = Client::named(name)?;
        match clients.iter().find(|client| client.language() == language) {
            Some(client) => Ok(*client),
            None => name.parse(),
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
    /// The client's [id](Client::id).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One client: a name several languages share needs its language
/// (`openai-python`), or [`Client::named_in`].
impl FromStr for Client {
    type Err = String;

    fn from_str(name: &str) -> Result<Client, String> {
        match Client::named(name)?.as_slice() {
            [client] => Ok(*client),
            several => {
                let ids: Vec<&str> = several.iter().map(|client| client.id()).collect();
                let languages: Vec<&str> = several
                    .iter()
                    .map(|client| client.language().name())
                    .collect();
                Err(format!(
                    "client {name:?} writes {}: name the language too ({})",
                    languages.join(" and "),
                    ids.join(" or ")
                ))
            }
        }
    }
}
