//! The target languages and the client libraries snippets are written for: who they
//! are and what they are called. What each client does (how it renders, what it
//! needs installed, what it does differently from curl) is its row of the client
//! table, `render/clients.rs`; what each language is (its names, fence, comment
//! syntax, runtime) is its row here. What a user's name for one means (`openai`,
//! a misspelt one) is `names.rs`.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// A target language.
///
/// Not `#[non_exhaustive]`: code that runs snippets (a test harness, a verifier)
/// matches on it to start each language's runtime, and a new language must remind
/// it to.
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
    /// Go.
    Go,
    /// Java 11+, one file run with `java Main.java`.
    Java,
    /// PHP 8.
    Php,
    /// Ruby 3.
    Ruby,
}

/// The `lang` value each API reference renderer expects of a language's
/// `x-codeSamples`: Redocly shows it (when no label) and highlights by it
/// (`Shell` as bash), Mintlify reads its own keys, Scalar its target names.
struct SampleLangs {
    redocly: &'static str,
    mintlify: &'static str,
    scalar: &'static str,
}

/// What a language is, in one row: every name, path and syntax the rest of the code
/// asks a language for.
struct Row {
    /// The short name on the command line and in JSON output.
    name: &'static str,
    /// Other names `--lang` takes.
    aliases: &'static [&'static str],
    /// The name a reader knows it by: `Python`, `JavaScript`.
    label: &'static str,
    /// The info string of a Markdown code fence.
    fence: &'static str,
    /// The extension of a snippet file.
    extension: &'static str,
    /// What starts a line comment.
    comment: &'static str,
    /// The tab id Hugging Face's `<hfoptions>` pages use.
    tab: &'static str,
    /// Its child element of doc-builder's `<inferencesnippet>`, when it has one.
    inferencesnippet: Option<&'static str>,
    /// The program that runs (or compiles) its snippets.
    runtime: &'static str,
    /// The client that sends any request.
    generic: Client,
    /// The `lang` of its OpenAPI code samples, per renderer.
    samples: SampleLangs,
    /// The line a file of the language must start with (PHP's `<?php`): the install
    /// line goes after it.
    opening: Option<&'static str>,
}

impl Language {
    /// Every language, in the order of [`render_all`](crate::render_all).
    pub const ALL: [Language; 8] = [
        Language::Curl,
        Language::Python,
        Language::JavaScript,
        Language::Rust,
        Language::Go,
        Language::Java,
        Language::Php,
        Language::Ruby,
    ];

    /// The one place each language is described.
    fn row(self) -> &'static Row {
        match self {
            Language::Curl => &Row {
                name: "curl",
                aliases: &["sh", "shell", "bash"],
                label: "curl",
                fence: "sh",
                extension: "sh",
                comment: "#",
                tab: "curl",
                inferencesnippet: Some("curl"),
                runtime: "bash",
                generic: Client::Curl,
                opening: None,
                samples: SampleLangs {
                    redocly: "Shell",
                    mintlify: "bash",
                    scalar: "shell",
                },
            },
            Language::Python => &Row {
                name: "python",
                aliases: &["py"],
                label: "Python",
                fence: "py",
                extension: "py",
                comment: "#",
                tab: "python",
                inferencesnippet: Some("python"),
                runtime: "python3",
                generic: Client::Requests,
                opening: None,
                samples: SampleLangs {
                    redocly: "Python",
                    mintlify: "python",
                    scalar: "python",
                },
            },
            Language::JavaScript => &Row {
                name: "js",
                aliases: &["javascript", "node"],
                label: "JavaScript",
                fence: "js",
                extension: "js",
                comment: "//",
                tab: "javascript",
                inferencesnippet: Some("js"),
                runtime: "node",
                generic: Client::Fetch,
                opening: None,
                samples: SampleLangs {
                    redocly: "JavaScript",
                    mintlify: "javascript",
                    scalar: "node",
                },
            },
            Language::Rust => &Row {
                name: "rust",
                aliases: &["rs"],
                label: "Rust",
                fence: "rust",
                extension: "rs",
                comment: "//",
                tab: "rust",
                inferencesnippet: None,
                runtime: "cargo",
                generic: Client::Reqwest,
                opening: None,
                samples: SampleLangs {
                    redocly: "Rust",
                    mintlify: "rust",
                    scalar: "rust",
                },
            },
            Language::Go => &Row {
                name: "go",
                aliases: &["golang"],
                label: "Go",
                fence: "go",
                extension: "go",
                comment: "//",
                tab: "go",
                inferencesnippet: None,
                runtime: "go",
                generic: Client::GoNetHttp,
                opening: None,
                samples: SampleLangs {
                    redocly: "Go",
                    mintlify: "go",
                    scalar: "go",
                },
            },
            Language::Java => &Row {
                name: "java",
                aliases: &[],
                label: "Java",
                fence: "java",
                extension: "java",
                comment: "//",
                tab: "java",
                inferencesnippet: None,
                runtime: "java",
                generic: Client::JavaNetHttp,
                opening: None,
                samples: SampleLangs {
                    redocly: "Java",
                    mintlify: "java",
                    scalar: "java",
                },
            },
            Language::Php => &Row {
                name: "php",
                aliases: &[],
                label: "PHP",
                fence: "php",
                extension: "php",
                comment: "//",
                tab: "php",
                inferencesnippet: None,
                runtime: "php",
                generic: Client::Guzzle,
                opening: Some("<?php"),
                samples: SampleLangs {
                    redocly: "PHP",
                    mintlify: "php",
                    scalar: "php",
                },
            },
            Language::Ruby => &Row {
                name: "ruby",
                aliases: &["rb"],
                label: "Ruby",
                fence: "ruby",
                extension: "rb",
                comment: "#",
                tab: "ruby",
                inferencesnippet: None,
                runtime: "ruby",
                generic: Client::RubyNetHttp,
                opening: None,
                samples: SampleLangs {
                    redocly: "Ruby",
                    mintlify: "ruby",
                    scalar: "ruby",
                },
            },
        }
    }

    /// The short name used on the command line and in JSON output.
    pub fn name(self) -> &'static str {
        self.row().name
    }

    /// Every name the language is known by: its [name](Language::name), then its
    /// aliases (`py`, `javascript`, `node`...).
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        std::iter::once(self.row().name).chain(self.row().aliases.iter().copied())
    }

    /// The name a reader knows it by: `Python`, `JavaScript`.
    pub fn label(self) -> &'static str {
        self.row().label
    }

    /// The info string of a Markdown code fence.
    pub fn fence(self) -> &'static str {
        self.row().fence
    }

    /// The extension of a snippet file, without the dot: `py`, `js`.
    pub fn extension(self) -> &'static str {
        self.row().extension
    }

    /// What starts a line comment: `#`, `//`.
    pub fn comment(self) -> &'static str {
        self.row().comment
    }

    /// The tab id Hugging Face's `<hfoptions>` pages use: `curl`, `python`,
    /// `javascript`, `rust`.
    pub fn tab(self) -> &'static str {
        self.row().tab
    }

    /// Its child element of doc-builder's legacy `<inferencesnippet>` layout, which
    /// has one for curl, Python and JavaScript only.
    pub fn inferencesnippet_tag(self) -> Option<&'static str> {
        self.row().inferencesnippet
    }

    /// The program that runs (or builds) the language's snippets: `bash`, `python3`,
    /// `node`, `cargo`.
    pub fn runtime(self) -> &'static str {
        self.row().runtime
    }

    /// The client of the language that can send any request, for refusals to name.
    pub fn generic(self) -> Client {
        self.row().generic
    }

    /// The line every file of the language starts with, before any comment: `<?php`.
    pub fn opening(self) -> Option<&'static str> {
        self.row().opening
    }

    /// The `lang` of its OpenAPI code samples for the renderer `style`.
    pub fn sample_lang(self, style: LangStyle) -> &'static str {
        let langs = &self.row().samples;
        match style {
            LangStyle::Redocly => langs.redocly,
            LangStyle::Mintlify => langs.mintlify,
            LangStyle::Scalar => langs.scalar,
        }
    }

    /// The clients that write the language, in [`Client::ALL`] order.
    pub fn clients(self) -> impl Iterator<Item = Client> {
        Client::ALL
            .into_iter()
            .filter(move |client| client.language() == self)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A client library (or tool) a snippet is written for. Everything a client is and
/// does is its row of the client table (its [name](Client::name), [id](Client::id),
/// [language](Client::language), [kind](Client::kind), install line, caveats, and
/// how it renders); nothing else decides per client.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub enum Client {
    /// The curl command line.
    #[serde(rename = "curl")]
    Curl,
    /// Python `huggingface_hub.InferenceClient`.
    #[serde(rename = "huggingface_hub")]
    HuggingfaceHub,
    /// Python `openai`, the OpenAI SDK, pointed at an OpenAI-compatible server.
    #[serde(rename = "openai")]
    OpenaiPython,
    /// Python `requests`.
    #[serde(rename = "requests")]
    Requests,
    /// Python `httpx` (`httpx.post` and friends).
    #[serde(rename = "httpx")]
    Httpx,
    /// Python `httpx.AsyncClient`, run by `asyncio.run`.
    #[serde(rename = "httpx-async")]
    HttpxAsync,
    /// JavaScript `@huggingface/inference`.
    #[serde(rename = "huggingface.js")]
    HuggingfaceJs,
    /// JavaScript `openai`, the OpenAI SDK, pointed at an OpenAI-compatible server.
    #[serde(rename = "openai")]
    OpenaiJs,
    /// JavaScript `fetch`.
    #[serde(rename = "fetch")]
    Fetch,
    /// Rust `reqwest` (blocking).
    #[serde(rename = "reqwest")]
    Reqwest,
    /// Go's standard `net/http`.
    #[serde(rename = "net/http")]
    GoNetHttp,
    /// Java's standard `java.net.http.HttpClient`.
    #[serde(rename = "java.net.http")]
    JavaNetHttp,
    /// PHP Guzzle 7.
    #[serde(rename = "guzzle")]
    Guzzle,
    /// Ruby `Net::HTTP` from the standard library.
    #[serde(rename = "net/http")]
    RubyNetHttp,
}

/// What a client speaks: what decides which requests it can send and when it is
/// the one to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// Sends any request: curl, `requests`, `httpx`, `fetch`, `reqwest`, `net/http`,
    /// `java.net.http`, Guzzle, `Net::HTTP`.
    Generic,
    /// A Hugging Face client that calls one typed method per task.
    HuggingFace,
    /// An OpenAI SDK: one method per OpenAI route (`/chat/completions`...).
    OpenAi,
}

impl Client {
    /// Every client, in the order of [`render_all`](crate::render_all): per language,
    /// the Hugging Face client, then `openai` (the order of Hugging Face's own
    /// snippets for chat models, which show `huggingface_hub` then `openai`), then
    /// the generic clients, the language's default first (`requests`, then `httpx`
    /// and `httpx-async`).
    pub const ALL: [Client; 14] = [
        Client::Curl,
        Client::HuggingfaceHub,
        Client::OpenaiPython,
        Client::Requests,
        Client::Httpx,
        Client::HttpxAsync,
        Client::HuggingfaceJs,
        Client::OpenaiJs,
        Client::Fetch,
        Client::Reqwest,
        Client::GoNetHttp,
        Client::JavaNetHttp,
        Client::Guzzle,
        Client::RubyNetHttp,
    ];

    /// The client of the same language that can send any request, for refusals to name.
    pub fn generic(self) -> Client {
        self.language().generic()
    }
}

impl fmt::Display for Client {
    /// The client's [id](Client::id).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The renderer an API reference is published with, which decides the `lang` and
/// `label` of a sample.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LangStyle {
    /// Redocly and Redoc: `lang` is a language name (`Shell`, `Python`), the tab shows
    /// the `label`.
    #[default]
    Redocly,
    /// Mintlify: `lang` is one of its keys (`bash`, `python`, `javascript`).
    Mintlify,
    /// Scalar: `lang` is its target (`shell`, `python`, `node`).
    Scalar,
}

impl LangStyle {
    /// Every style, in the order `--help` lists them.
    pub const ALL: [LangStyle; 3] = [LangStyle::Redocly, LangStyle::Mintlify, LangStyle::Scalar];

    /// The name `--lang-style` takes.
    pub fn name(self) -> &'static str {
        match self {
            LangStyle::Redocly => "redocly",
            LangStyle::Mintlify => "mintlify",
            LangStyle::Scalar => "scalar",
        }
    }
}

impl fmt::Display for LangStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for LangStyle {
    type Err = String;

    fn from_str(name: &str) -> Result<LangStyle, String> {
        LangStyle::ALL
            .into_iter()
            .find(|style| style.name().eq_ignore_ascii_case(name))
            .ok_or_else(|| format!("unknown lang style {name:?}: redocly, mintlify or scalar"))
    }
}
