//! What a snippet does with the answer: decided once from the request for the generic
//! clients ([`Response`]), and from the method called for the typed ones ([`Output`]).

use crate::Task;
use crate::model::Request;
use crate::quote::Syntax;

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
        let chat = request.task.is_some_and(Task::is_chat) || path.ends_with("/chat/completions");
        // text-generation-inference streams from this route whatever the body says.
        if path.ends_with("/generate_stream") {
            return Response::TokenStream;
        }
        let accepts_events = request
            .header_value("accept")
            .is_some_and(|accept| accept.shown().contains("text/event-stream"));
        if request.payload.streams() || accepts_events {
            // OpenAI's /v1/completions streams its own chunks, not TGI's tokens.
            let openai = path.ends_with("/completions");
            return if chat {
                Response::ChatStream
            } else if request.task == Some(Task::TextGeneration) && !openai {
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

    /// Where a snippet saves a binary answer: `{tag}.{extension}`.
    pub(crate) fn file_name(request: &Request) -> String {
        let (stem, extension) = Response::file_parts(request);
        format!("{stem}.{extension}")
    }

    /// The name of a saved answer, and its extension: named after the task, the
    /// extension of the one type the request's `Accept` asks for, else of the format
    /// the task's endpoints answer with by default (PNG, FLAC, MP4). Every client
    /// writes the same name, and none has to look at the answer first (curl cannot).
    pub(crate) fn file_parts(request: &Request) -> (&'static str, &'static str) {
        let task = request.task.unwrap_or(Task::TextToImage);
        let accepted = request
            .header_value("accept")
            .and_then(|accept| accept.as_literal())
            .filter(|accept| task.returns_bytes() && !accept.contains([',', '*']))
            .and_then(crate::mime::extension);
        (task.tag(), accepted.unwrap_or(usual_extension(task)))
    }

    /// Where the snippet saves a binary answer, as a literal of `syntax`; `None`
    /// when the answer is not saved.
    pub(crate) fn saved_to(self, request: &Request, syntax: &impl Syntax) -> Option<String> {
        (self == Response::Bytes).then(|| syntax.literal(&Response::file_name(request)))
    }

    /// Whether the snippet parses each event's data as JSON (to print a chat delta
    /// or a token).
    pub(crate) fn parses_events(self) -> bool {
        matches!(self, Response::ChatStream | Response::TokenStream)
    }

    pub(crate) fn streams(self) -> bool {
        matches!(
            self,
            Response::ChatStream | Response::TokenStream | Response::EventStream
        )
    }
}

/// What a typed snippet (a Hugging Face or OpenAI client's method) does with the
/// method's result. Each client's template writes the ones its methods return.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Output {
    /// Print it as it is.
    Print,
    /// Print the first choice's message text.
    ChatContent,
    /// Print the first choice's whole message: its tool calls are the answer.
    ChatMessage,
    /// Print each chunk's delta text as it arrives.
    ChatStream,
    /// Print each token as it arrives (text-generation-inference's stream).
    TokenStream,
    /// Print the first choice's text (an OpenAI completion).
    Completion,
    /// Print each chunk's text as it arrives (an OpenAI completion's stream).
    CompletionStream,
    /// Print each embedding.
    Embeddings,
    /// Save the image object (a PIL image) to the output file.
    SaveImage,
    /// Write the bytes (audio, a video, a Blob) to the output file.
    SaveBytes,
    /// Write each of a list of audio answers (its `blob`) to a file of its own.
    SaveAudios,
}

/// The format a task's endpoints answer with unless asked for another.
fn usual_extension(task: Task) -> &'static str {
    match task {
        Task::TextToSpeech | Task::TextToAudio | Task::AudioToAudio => "flac",
        Task::TextToVideo | Task::ImageToVideo | Task::ImageTextToVideo => "mp4",
        _ => "png",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Text;
    use serde_json::json;

    fn request(task: Task) -> Request {
        Request::new("https://x.cloud")
            .json(json!({"inputs": "a cat"}))
            .task(task)
    }

    #[test]
    fn binary_answers_are_named_after_the_task_and_format() {
        assert_eq!(
            Response::file_name(&request(Task::TextToImage)),
            "text-to-image.png"
        );
        assert_eq!(
            Response::file_name(&request(Task::TextToAudio)),
            "text-to-audio.flac"
        );
        assert_eq!(
            Response::file_name(&request(Task::ImageToVideo)),
            "image-to-video.mp4"
        );
        let mut jpeg = request(Task::ImageToImage);
        jpeg.headers
            .push(("Accept".into(), Text::from("image/jpeg")));
        assert_eq!(Response::file_name(&jpeg), "image-to-image.jpg");
        // Several types, or a wildcard: the server picks, so the task's usual one.
        jpeg.headers[0].1 = Text::from("image/jpeg, image/png");
        assert_eq!(Response::file_name(&jpeg), "image-to-image.png");
    }
}
