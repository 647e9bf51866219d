//! The client table: one row per client, holding everything the code decides per
//! client — who it is (name, id, language, aliases, file), what it is (its
//! [`Kind`]), what its snippet needs installed, how it renders, what it does only
//! in part ([`caveats`](crate::caveats)), and what it changes on the wire that a
//! server cannot tell apart ([`Wire`]). Nothing else matches on a client: a new
//! client is a row here, a view and a template.

use askama::Template;

use super::{curl, fetch, huggingface_hub, huggingface_js, openai_js, openai_python};
use super::{go_net_http, httpx, httpx_async, java_net_http, requests, reqwest};
use super::{guzzle, ruby_net_http};
use crate::client::{Client, Kind, Language};
use crate::diagnostic::{Code, Diagnostic};
use crate::error::Error;
use crate::install::Install;
use crate::model::Request;

/// Everything about one client.
pub(crate) struct Descriptor {
    /// The name on the command line and in JSON output; several languages may
    /// share it (`openai`).
    pub name: &'static str,
    /// The name no other client has (`openai-python`); the name when unshared.
    pub id: &'static str,
    pub language: Language,
    /// Other names it is asked for by (`hub`, `@huggingface/inference`).
    pub aliases: &'static [&'static str],
    /// What it is, for help texts: `Python requests`.
    pub summary: &'static str,
    /// A snippet's file name without the language's extension.
    pub stem: &'static str,
    pub kind: Kind,
    pub wire: Wire,
    /// Why it cannot send `[` or `]` after the host as written (it percent-encodes
    /// them, or its URL type refuses them); `None` when it can.
    pub brackets: Option<&'static str>,
    /// What the snippet for a request needs installed.
    pub install: fn(&Request) -> Option<Install>,
    /// What the snippet does differently from curl, short of a refusal.
    pub caveats: fn(&Request) -> Vec<Diagnostic>,
    /// The snippet, or the refusal saying why the client cannot send the request.
    pub render: fn(&Request) -> Result<String, Error>,
}

/// What a client changes in a request on its own that a server cannot tell apart
/// from the request as written: what a comparison on the wire tolerates, and
/// nothing else.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Wire {
    /// It adds `"parameters": {}` and `"stream": false` to a JSON object body that
    /// has no such key (the typed Hugging Face clients).
    pub adds_empty_defaults: bool,
    /// It writes a JSON body's keys in its own order.
    pub reorders_json_keys: bool,
    /// It writes every `%XX` escape of the URL in uppercase (urllib3).
    pub uppercases_escapes: bool,
    /// The prefix of the headers it adds to describe itself (`x-stainless-`), sent
    /// only when the request sets none of that name.
    pub own_headers: Option<&'static str>,
}

const GENERIC: Wire = Wire {
    adds_empty_defaults: false,
    reorders_json_keys: false,
    uppercases_escapes: false,
    own_headers: None,
};

const TYPED: Wire = Wire {
    adds_empty_defaults: true,
    reorders_json_keys: true,
    ..GENERIC
};

/// requests and huggingface_hub send through urllib3, which re-encodes the path and
/// query.
const URLLIB3: Option<&str> = Some("urllib3 percent-encodes [ and ] after the host");

/// The rows, one exhaustive match: a new variant of [`Client`] does not compile
/// until it has its row.
pub(crate) fn descriptor(client: Client) -> &'static Descriptor {
    match client {
        Client::Curl => &CURL,
        Client::HuggingfaceHub => &HUGGINGFACE_HUB,
        Client::OpenaiPython => &OPENAI_PYTHON,
        Client::Requests => &REQUESTS,
        Client::Httpx => &HTTPX,
        Client::HttpxAsync => &HTTPX_ASYNC,
        Client::HuggingfaceJs => &HUGGINGFACE_JS,
        Client::OpenaiJs => &OPENAI_JS,
        Client::Fetch => &FETCH,
        Client::Reqwest => &REQWEST,
        Client::GoNetHttp => &GO_NET_HTTP,
        Client::JavaNetHttp => &JAVA_NET_HTTP,
        Client::Guzzle => &GUZZLE,
        Client::RubyNetHttp => &RUBY_NET_HTTP,
    }
}

const CURL: Descriptor = Descriptor {
    name: "curl",
    id: "curl",
    language: Language::Curl,
    aliases: &[],
    summary: "the curl command line",
    stem: "curl",
    kind: Kind::Generic,
    wire: GENERIC,
    brackets: None,
    install: nothing,
    caveats: none,
    render: |request| written(curl::view(request)),
};

const HUGGINGFACE_HUB: Descriptor = Descriptor {
    name: "huggingface_hub",
    id: "huggingface_hub",
    language: Language::Python,
    aliases: &["hub", "huggingface.hub"],
    summary: "Python huggingface_hub's InferenceClient",
    stem: "huggingface_hub",
    kind: Kind::HuggingFace,
    wire: Wire {
        uppercases_escapes: true,
        ..TYPED
    },
    brackets: URLLIB3,
    install: huggingface_hub::install,
    caveats: |request| requests::per_wait_timeout(request, "huggingface_hub"),
    render: |request| written(huggingface_hub::view(request)),
};

const OPENAI_PYTHON: Descriptor = Descriptor {
    name: "openai",
    id: "openai-python",
    language: Language::Python,
    aliases: &[],
    summary: "the OpenAI Python SDK",
    stem: "openai",
    kind: Kind::OpenAi,
    wire: Wire {
        reorders_json_keys: true,
        own_headers: Some("x-stainless-"),
        ..GENERIC
    },
    brackets: None,
    install: |_| Some(Install::pip(&["openai"])),
    caveats: |request| requests::per_wait_timeout(request, "openai"),
    render: |request| written(openai_python::view(request)),
};

const REQUESTS: Descriptor = Descriptor {
    name: "requests",
    id: "requests",
    language: Language::Python,
    aliases: &[],
    summary: "Python requests",
    stem: "requests",
    kind: Kind::Generic,
    wire: Wire {
        uppercases_escapes: true,
        ..GENERIC
    },
    brackets: URLLIB3,
    install: |_| Some(Install::pip(&["requests"])),
    caveats: requests::caveats,
    render: |request| written(requests::view(request)),
};

const HTTPX: Descriptor = Descriptor {
    name: "httpx",
    id: "httpx",
    language: Language::Python,
    aliases: &[],
    summary: "Python httpx (httpx.post and friends)",
    stem: "httpx",
    kind: Kind::Generic,
    wire: GENERIC,
    brackets: None,
    install: |_| Some(Install::pip(&["httpx"])),
    caveats: |request| requests::per_wait_timeout(request, "httpx"),
    render: |request| written(httpx::view(request)),
};

const HTTPX_ASYNC: Descriptor = Descriptor {
    name: "httpx-async",
    id: "httpx-async",
    language: Language::Python,
    aliases: &["httpx_async"],
    summary: "Python httpx's AsyncClient, run by asyncio",
    stem: "httpx_async",
    kind: Kind::Generic,
    wire: GENERIC,
    brackets: None,
    install: |_| Some(Install::pip(&["httpx"])),
    caveats: none,
    render: |request| written(httpx_async::view(request)),
};

const HUGGINGFACE_JS: Descriptor = Descriptor {
    name: "huggingface.js",
    id: "huggingface.js",
    language: Language::JavaScript,
    aliases: &["huggingface_js", "@huggingface/inference", "inference"],
    summary: "@huggingface/inference's InferenceClient",
    stem: "huggingface",
    kind: Kind::HuggingFace,
    wire: TYPED,
    brackets: None,
    install: |_| Some(Install::npm(&["@huggingface/inference"])),
    caveats: none,
    render: |request| written(huggingface_js::view(request)),
};

const OPENAI_JS: Descriptor = Descriptor {
    name: "openai",
    id: "openai-js",
    language: Language::JavaScript,
    aliases: &[],
    summary: "the OpenAI JavaScript SDK",
    stem: "openai",
    kind: Kind::OpenAi,
    wire: Wire {
        own_headers: Some("x-stainless-"),
        ..GENERIC
    },
    brackets: None,
    install: |_| Some(Install::npm(&["openai"])),
    caveats: none,
    render: |request| written(openai_js::view(request)),
};

const FETCH: Descriptor = Descriptor {
    name: "fetch",
    id: "fetch",
    language: Language::JavaScript,
    aliases: &[],
    summary: "the fetch built into Node",
    stem: "fetch",
    kind: Kind::Generic,
    wire: GENERIC,
    brackets: None,
    install: nothing,
    caveats: fetch::caveats,
    render: |request| written(fetch::view(request)),
};

const REQWEST: Descriptor = Descriptor {
    name: "reqwest",
    id: "reqwest",
    language: Language::Rust,
    aliases: &[],
    summary: "Rust reqwest (blocking)",
    stem: "reqwest",
    kind: Kind::Generic,
    wire: GENERIC,
    brackets: None,
    install: |request| Some(reqwest::install(request)),
    caveats: none,
    render: |request| written(reqwest::view(request)),
};

const GO_NET_HTTP: Descriptor = Descriptor {
    name: "net/http",
    id: "go-net-http",
    language: Language::Go,
    aliases: &[],
    summary: "Go's net/http",
    stem: "main",
    kind: Kind::Generic,
    wire: GENERIC,
    brackets: None,
    install: nothing,
    caveats: none,
    render: |request| written(go_net_http::view(request)),
};

const JAVA_NET_HTTP: Descriptor = Descriptor {
    name: "java.net.http",
    id: "java-net-http",
    language: Language::Java,
    aliases: &["httpclient"],
    summary: "Java's java.net.http HttpClient (Java 11+)",
    stem: "Main",
    kind: Kind::Generic,
    wire: GENERIC,
    brackets: Some(
        "java.net.URI refuses [ and ] outside an IPv6 host: percent-encode them (%5B, %5D)",
    ),
    install: nothing,
    caveats: java_net_http::caveats,
    render: |request| written(java_net_http::view(request)),
};

const GUZZLE: Descriptor = Descriptor {
    name: "guzzle",
    id: "guzzle",
    language: Language::Php,
    aliases: &["guzzlehttp/guzzle"],
    summary: "PHP Guzzle 7",
    stem: "guzzle",
    kind: Kind::Generic,
    // Its User-Agent, sent when the request sets none, is every client's.
    wire: GENERIC,
    brackets: Some("Guzzle percent-encodes [ and ] after the host"),
    install: |_| Some(Install::composer(&["guzzlehttp/guzzle"])),
    caveats: guzzle::caveats,
    render: |request| written(guzzle::view(request)),
};

const RUBY_NET_HTTP: Descriptor = Descriptor {
    name: "net/http",
    id: "ruby-net-http",
    language: Language::Ruby,
    aliases: &["Net::HTTP"],
    summary: "Ruby's Net::HTTP (standard library)",
    stem: "net_http",
    kind: Kind::Generic,
    // Its Accept-Encoding, Accept and User-Agent, sent when the request sets none of
    // that name (as requests sends its own), are every client's; it writes header
    // names capitalized (`X-Api-Key`), which HTTP reads alike.
    wire: GENERIC,
    brackets: Some("Ruby's URI takes no [ or ] after the host"),
    install: nothing,
    caveats: ruby_net_http::caveats,
    render: |request| written(ruby_net_http::view(request)),
};

/// A client whose language has all it uses.
fn nothing(_: &Request) -> Option<Install> {
    None
}

/// A client that does all that curl does.
fn none(_: &Request) -> Vec<Diagnostic> {
    Vec::new()
}

/// The view's template written out; a template that fails is this crate's bug.
fn written(view: Result<impl Template, Error>) -> Result<String, Error> {
    view?
        .render()
        .map_err(|err| Error::new(Code::Internal, format!("template: {err}")))
}

/// Who a client is and what it does, read from its row.
impl Client {
    /// The name used on the command line and in JSON output. `openai` names a client
    /// of Python and one of JavaScript, as in Hugging Face's own snippets; [`Client::id`]
    /// tells them apart.
    pub fn name(self) -> &'static str {
        descriptor(self).name
    }

    /// A name no other client has: the [name](Client::name), followed by the
    /// language for a name several languages share (`openai-python`, `openai-js`).
    /// It is how the client is shown ([`Display`](std::fmt::Display)): tab ids,
    /// labels and messages that list several clients stay unambiguous.
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
        descriptor(self).id
    }

    /// Every name the client is asked for by: its name, its id, its aliases.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        let row = descriptor(self);
        [row.name, row.id]
            .into_iter()
            .chain(row.aliases.iter().copied())
    }

    /// The language the client's snippets are written in.
    pub fn language(self) -> Language {
        descriptor(self).language
    }

    /// What the client speaks: any request, a Hugging Face task, an OpenAI route.
    pub fn kind(self) -> Kind {
        descriptor(self).kind
    }

    /// What it is, in a few words for help texts: `Python requests`.
    pub fn summary(self) -> &'static str {
        descriptor(self).summary
    }

    /// What the client changes on the wire that a server cannot tell apart.
    pub fn wire(self) -> Wire {
        descriptor(self).wire
    }

    /// The file a snippet of this client is saved as: `curl.sh`, `requests.py`,
    /// `huggingface.js`...
    pub fn file_name(self) -> String {
        format!("{}.{}", descriptor(self).stem, self.language().extension())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_its_own_client() {
        let mut ids = Vec::new();
        let mut files = Vec::new();
        for client in Client::ALL {
            assert!(
                !ids.contains(&client.id()),
                "two clients are {}",
                client.id()
            );
            assert!(!files.contains(&client.file_name()), "{client}");
            ids.push(client.id());
            files.push(client.file_name());
            assert_eq!(Client::named(client.id()), Ok(vec![client]));
            // A name two languages share (or may: `net/http`) has the language in
            // its id.
            let shared = Client::ALL
                .iter()
                .filter(|other| other.name() == client.name())
                .count();
            assert!(shared == 1 || client.id() != client.name(), "{client}");
            assert!(
                client.id() == client.name() || client.id().contains(client.language().name()),
                "{client}"
            );
        }
        assert_eq!(ids.len(), Client::ALL.len());
    }

    #[test]
    fn every_language_has_its_generic_client() {
        for language in Language::ALL {
            let generic = language.generic();
            assert_eq!(generic.language(), language);
            assert_eq!(generic.kind(), Kind::Generic);
            assert!(language.clients().any(|client| client == generic));
        }
    }

    #[test]
    fn brackets_after_the_host_are_refused_by_the_clients_that_change_them() {
        use crate::{Code, Hint, Request, render};

        let request = Request::new("https://x.example/items?filter[name]=cat");
        for client in Client::ALL {
            let refused = descriptor(client).brackets;
            match render(&request, client) {
                Ok(_) => assert!(refused.is_none(), "{client}"),
                Err(err) if err.code() == Code::UnsupportedByClient && refused.is_some() => {
                    assert!(err.to_string().contains(refused.unwrap_or_default()));
                }
                // The typed clients refuse a GET for their own reasons.
                Err(err) => assert!(
                    refused.is_none() || client.kind() != Kind::Generic,
                    "{client}: {err}"
                ),
            }
        }
        // The hint names the client of the language that sends them as written.
        let err = render(&request, Client::Requests).unwrap_err();
        assert_eq!(
            err.diagnostic().hints,
            [Hint::UseClient(Client::Httpx)],
            "{err}"
        );
        // An IPv6 host's brackets are every client's.
        assert!(render(&Request::new("http://[::1]:8080/x"), Client::Requests).is_ok());
    }
}
