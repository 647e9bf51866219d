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
