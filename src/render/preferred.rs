//! The client a reader of a request's API reaches for, in each language: what
//! [`render_default`](crate::render_default) writes when no client is named.
//!
//! - An OpenAI-shaped route (`/chat/completions`, `/completions`, `/embeddings`) on a
//!   host that is not Hugging Face's: the OpenAI SDK (an OpenAI or vLLM reference).
//! - A Hugging Face host (the Hub, the router, an Inference Endpoint, a Space), or a
//!   URL whose host a variable or placeholder writes (the Endpoints docs' own
//!   `$ENDPOINT_URL`): the Hugging Face client.
//! - Any other host: the client that sends any request (`requests`, `fetch`).
//!
//! When the preferred client cannot send the request, the generic one writes it.

use crate::client::{Client, Kind, Language};
use crate::model::Request;
use crate::text::Segment;

/// The clients [`render_default`](crate::render_default) tries for `language`, in
/// order: the preferred one, then the generic one.
pub(crate) fn clients(request: &Request, language: Language) -> Vec<Client> {
    let kind = preferred(request);
    let mut clients: Vec<Client> = language
        .clients()
        .filter(|client| client.kind() == kind)
        .collect();
    let generic = language.generic();
    if !clients.contains(&generic) {
        clients.push(generic);
    }
    clients
}

/// The kind of client a reader of `request`'s API reaches for.
pub(crate) fn preferred(request: &Request) -> Kind {
    match host(request) {
        Host::HuggingFace | Host::Unknown => Kind::HuggingFace,
        Host::Other if openai_route(request) => Kind::OpenAi,
        Host::Other => Kind::Generic,
    }
}

/// Whether the URL's path ends in an OpenAI route.
pub(crate) fn openai_route(request: &Request) -> bool {
    let url = request.url.shown();
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let path = path.trim_end_matches('/');
    ["/chat/completions", "/completions", "/embeddings"]
        .iter()
        .any(|route| path.ends_with(route))
}

enum Host {
    HuggingFace,
    Other,
    /// A variable or placeholder writes it.
    Unknown,
}

fn host(request: &Request) -> Host {
    let Some(Segment::Literal(start)) = request.url.segments().first() else {
        return Host::Unknown;
    };
    let Some((_, rest)) = start.split_once("://") else {
        return Host::Unknown;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    // The authority must be whole: a variable may follow it (`https://$HOST/...`).
    if authority.len() == rest.len() && request.url.segments().len() > 1 {
        return Host::Unknown;
    }
    let host = authority.rsplit('@').next().unwrap_or_default();
    let host = host
        .split(':')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let hugging_face = ["huggingface.co", "huggingface.cloud", "hf.space", "hf.co"]
        .iter()
        .any(|domain| host == *domain || host.ends_with(&format!(".{domain}")));
    if hugging_face {
        Host::HuggingFace
    } else {
        Host::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Text, Var};

    fn kind(url: &str) -> Kind {
        preferred(&Request::new(url))
    }

    #[test]
    fn the_host_and_the_route_decide() {
        assert_eq!(
            kind("https://api.openai.com/v1/chat/completions"),
            Kind::OpenAi
        );
        assert_eq!(kind("http://localhost:8000/v1/embeddings"), Kind::OpenAi);
        assert_eq!(
            kind("https://router.huggingface.co/v1/chat/completions"),
            Kind::HuggingFace
        );
        assert_eq!(
            kind("https://xyz.endpoints.huggingface.cloud/gpt2"),
            Kind::HuggingFace
        );
        assert_eq!(kind("https://evil-huggingface.co/x"), Kind::Generic);
        assert_eq!(kind("http://127.0.0.1:8080/generate"), Kind::Generic);
        assert_eq!(
            kind("<endpoint-url>/v1/chat/completions"),
            Kind::HuggingFace
        );
    }

    #[test]
    fn a_variable_host_is_unknown() {
        let mut url = Text::var(Var::new("ENDPOINT_URL"));
        url.push_str("/v1/chat/completions");
        let mut request = Request::new("https://x.cloud");
        request.url = url;
        assert_eq!(preferred(&request), Kind::HuggingFace);
        let mut url = Text::from("https://");
        url.push(Segment::Var(Var::new("HOST")));
        url.push_str("/v1/chat/completions");
        request.url = url;
        assert_eq!(preferred(&request), Kind::HuggingFace);
    }
}
