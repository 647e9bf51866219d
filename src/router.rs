//! Hugging Face's router, `https://router.huggingface.co`: which of the requests to it
//! the typed Hugging Face clients compute themselves from a provider and a model id,
//! so that their snippets name the provider and the model, as Hugging Face's own pages
//! do, instead of the URL.
//!
//! The pinned clients (huggingface_hub 2.4, @huggingface/inference 4.13) compute the
//! same URLs, read in their provider helpers:
//! - a chat with no provider goes to the server-side auto router,
//!   `/v1/chat/completions`, with the body's `"model"` as it is (`org/model`, or
//!   `org/model:provider` for the router to pick that provider);
//! - the `hf-inference` provider posts to `/hf-inference/models/<id>`, with
//!   `/pipeline/<task>` after it for feature extraction and sentence similarity and
//!   `/v1/chat/completions` for a chat.
//!
//! Any other route (another provider's own path, which carries that provider's name
//! for the model) keeps the URL written out: deriving a Hub model id from it would be
//! a guess. So does a URL with a query, a variable or a placeholder in it.

use serde_json::Value;

use crate::Task;
use crate::model::{Payload, Request, Token};

/// Where the router's URLs start.
const ORIGIN: &str = "https://router.huggingface.co/";

/// The provider a typed client is told to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Provider {
    /// None named: the clients' default, which for a chat is the router's own choice
    /// (the body's `:provider` suffix, if any, says which).
    Auto,
    /// `provider="hf-inference"`.
    HfInference,
}

impl Provider {
    /// The name the clients take, `None` for the default they are not told.
    pub(crate) fn name(self) -> Option<&'static str> {
        match self {
            Provider::Auto => None,
            Provider::HfInference => Some("hf-inference"),
        }
    }
}

/// What a typed client is given instead of the URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Route {
    pub provider: Provider,
    /// The model id on the Hub the method is given; `None` for a chat, whose model
    /// is the body's `"model"`, which its method takes as it takes the rest.
    pub model: Option<String>,
}

/// The route both typed clients compute for `request` of `task`, sent with a method
/// for `method`'s task, when it is exactly the request's URL; `None` keeps the URL
/// written out.
///
/// Given a model id, the clients first check it against their method's task (Python:
/// the model's pipeline tag; JavaScript: the task of its provider mapping), so a
/// request sent with the method of another task (text-to-audio with Python's
/// `text_to_speech`) would be refused before it is sent: it keeps its URL, which
/// skips the check.
pub(crate) fn route(request: &Request, task: Task, method: Task) -> Option<Route> {
    if method != task {
        return None;
    }
    let url = request.url.as_literal()?;
    let path = url.strip_prefix(ORIGIN)?;
    if path.contains(['?', '#']) {
        return None;
    }
    if task.is_chat() && path == "v1/chat/completions" {
        // Both clients refuse the auto router without a Hugging Face token (one that
        // starts with `hf_`); a variable holds one, as the router needs.
        let hf_token = match &request.token {
            Token::Env(_) => true,
            Token::Placeholder(text) => text.starts_with("hf_"),
            Token::Basic { .. } | Token::None => false,
        };
        return hf_token.then_some(Route {
            provider: Provider::Auto,
            model: None,
        });
    }
    let rest = path.strip_prefix("hf-inference/models/")?;
    if task.is_chat() {
        // The chat method sends the model it routes by as the body's "model".
        let id = rest.strip_suffix("/v1/chat/completions")?;
        let body_model = match &request.payload {
            Payload::Json(body) => body.get("model").and_then(Value::as_str),
            _ => None,
        };
        return (is_model_id(id) && body_model == Some(id)).then_some(Route {
            provider: Provider::HfInference,
            model: None,
        });
    }
    let id = match task {
        Task::FeatureExtraction | Task::SentenceSimilarity => {
            rest.strip_suffix(&format!("/pipeline/{}", task.tag()))?
        }
        _ => rest,
    };
    is_model_id(id).then(|| Route {
        provider: Provider::HfInference,
        model: Some(id.to_owned()),
    })
}

/// A Hub model id: `name` or `owner/name`, each of letters, digits, `-`, `_`, `.`
/// (not `.` or `..`, which a URL would resolve away).
fn is_model_id(id: &str) -> bool {
    let parts: Vec<&str> = id.split('/').collect();
    parts.len() <= 2
        && parts.iter().all(|part| {
            !part.is_empty()
                && *part != "."
                && *part != ".."
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn request(url: &str, body: Value) -> Request {
        let mut request = Request::new(url);
        request.payload = Payload::Json(body);
        request.token = Token::Env("HF_TOKEN".into());
        request
    }

    fn hf_inference(model: &str) -> Option<Route> {
        Some(Route {
            provider: Provider::HfInference,
            model: Some(model.to_owned()),
        })
    }

    #[test]
    fn hf_inference_routes_name_the_model() {
        let classify = request(
            "https://router.huggingface.co/hf-inference/models/distilbert/sst-2",
            json!({"inputs": "hi"}),
        );
        assert_eq!(
            route(
                &classify,
                Task::TextClassification,
                Task::TextClassification
            ),
            hf_inference("distilbert/sst-2")
        );
        let legacy = request(
            "https://router.huggingface.co/hf-inference/models/gpt2",
            json!({"inputs": "hi"}),
        );
        assert_eq!(
            route(&legacy, Task::TextGeneration, Task::TextGeneration),
            hf_inference("gpt2")
        );
        let embed = request(
            "https://router.huggingface.co/hf-inference/models/intfloat/e5/pipeline/feature-extraction",
            json!({"inputs": "hi"}),
        );
        assert_eq!(
            route(&embed, Task::FeatureExtraction, Task::FeatureExtraction),
            hf_inference("intfloat/e5")
        );
    }

    #[test]
    fn a_url_the_clients_would_not_compute_keeps_its_form() {
        let cases = [
            // The clients add /pipeline/feature-extraction for this task.
            (
                "https://router.huggingface.co/hf-inference/models/intfloat/e5",
                Task::FeatureExtraction,
            ),
            // ... and for no other.
            (
                "https://router.huggingface.co/hf-inference/models/a/b/pipeline/feature-extraction",
                Task::TextClassification,
            ),
            (
                "https://router.huggingface.co/hf-inference/models/a/b/pipeline/sentence-similarity",
                Task::FeatureExtraction,
            ),
            // A provider's own path names the model in its own way.
            (
                "https://router.huggingface.co/together/v1/images/generations",
                Task::TextToImage,
            ),
            (
                "https://router.huggingface.co/hf-inference/models/a/b/c",
                Task::TextClassification,
            ),
            (
                "https://router.huggingface.co/hf-inference/models/a/..",
                Task::TextClassification,
            ),
            (
                "https://router.huggingface.co/hf-inference/models/a/b?wait_for_model=true",
                Task::TextClassification,
            ),
            (
                "https://xyz.endpoints.huggingface.cloud/hf-inference/models/a/b",
                Task::TextClassification,
            ),
            (
                "http://router.huggingface.co/hf-inference/models/a/b",
                Task::TextClassification,
            ),
        ];
        for (url, task) in cases {
            assert_eq!(
                route(&request(url, json!({"inputs": "x"})), task, task),
                None,
                "{url}"
            );
        }
    }

    #[test]
    fn a_method_of_another_task_keeps_the_url() {
        let speech = request(
            "https://router.huggingface.co/hf-inference/models/suno/bark",
            json!({"inputs": "hi"}),
        );
        assert_eq!(route(&speech, Task::TextToAudio, Task::TextToSpeech), None);
        assert_eq!(
            route(&speech, Task::TextToSpeech, Task::TextToSpeech),
            hf_inference("suno/bark")
        );
    }

    #[test]
    fn chat_goes_to_the_auto_router_with_an_hf_token() {
        let url = "https://router.huggingface.co/v1/chat/completions";
        let body = json!({"model": "meta-llama/Llama-3.1-8B-Instruct:novita", "messages": []});
        let auto = Some(Route {
            provider: Provider::Auto,
            model: None,
        });
        let mut chat = request(url, body);
        assert_eq!(
            route(&chat, Task::ChatCompletion, Task::ChatCompletion),
            auto
        );
        chat.token = Token::Placeholder("hf_***".into());
        assert_eq!(
            route(&chat, Task::ChatCompletion, Task::ChatCompletion),
            auto
        );
        // The clients refuse the auto router for another key.
        chat.token = Token::Placeholder("<token>".into());
        assert_eq!(
            route(&chat, Task::ChatCompletion, Task::ChatCompletion),
            None
        );
        chat.token = Token::None;
        assert_eq!(
            route(&chat, Task::ChatCompletion, Task::ChatCompletion),
            None
        );
    }

    #[test]
    fn an_hf_inference_chat_routes_by_the_body_model() {
        let url = "https://router.huggingface.co/hf-inference/models/org/m/v1/chat/completions";
        let same = request(url, json!({"model": "org/m", "messages": []}));
        assert_eq!(
            route(&same, Task::ChatCompletion, Task::ChatCompletion),
            Some(Route {
                provider: Provider::HfInference,
                model: None,
            })
        );
        let other = request(url, json!({"model": "tgi", "messages": []}));
        assert_eq!(
            route(&other, Task::ChatCompletion, Task::ChatCompletion),
            None
        );
    }
}
