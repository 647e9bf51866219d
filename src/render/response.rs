//! What a snippet does with the answer: decided once from the request, for every client.

use crate::Task;
use crate::model::Request;

/// How the endpoint answers, as far as the request tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Response {
    /// Server-sent events of an OpenAI-style chat completion: print each delta.
    ChatStream,
    /// Server-sent events of text-generation-inference: print each token.
    TokenStream,
    /// Server-sent events of an unknown shape: print each event's data.
    EventStream,
    /// Raw bytes (an image, audio): save them to [`Response::file_name`].
    Bytes,
    /// JSON: print it.
    Json,
    /// Unknown: print the body as text.
    Text,
}

impl Response {
    pub(crate) fn of(request: &Request) -> Response {
        let url = request.url.shown();
        let path = url.split('?').next().unwrap_or_default();
        let path = path.trim_end_matches('/');
        let chat =
            request.task == Some(Task::ChatCompletion) || path.ends_with("/chat/completions");
        // text-generation-inference streams from this route whatever the body says.
        if path.ends_with("/generate_stream") {
            return Response::TokenStream;
        }
        let accepts_events = request
            .header_value("accept")
            .is_some_and(|accept| accept.shown().contains("text/event-stream"));
        if request.payload.streams() || accepts_events {
            return if chat {
                Response::ChatStream
            } else if request.task == Some(Task::TextGeneration) {
                Response::TokenStream
            } else {
                Response::EventStream
            };
        }
        match request.task {
            Some(task) if task.returns_bytes() => Response::Bytes,
            Some(_) => Response::Json,
            None if chat => Response::Json,
            None => Response::Text,
        }
    }

    /// Where a snippet saves a binary answer.
    pub(crate) fn file_name(request: &Request) -> &'static str {
        match request.task {
            Some(Task::TextToSpeech) => "speech.flac",
            _ => "image.png",
        }
    }

    pub(crate) fn streams(self) -> bool {
        matches!(
            self,
            Response::ChatStream | Response::TokenStream | Response::EventStream
        )
    }
}
