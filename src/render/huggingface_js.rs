//! JavaScript with `@huggingface/inference`'s `InferenceClient` and its typed methods.
//!
//! What each method sends was captured on the wire with @huggingface/inference 4.13:
//! the arguments object becomes the JSON body as it is, the client sets no headers
//! of the caller's (but writes `X-HF-Bill-To` from its `billTo` option), and a
//! binary input's Content-Type is its Blob's type.

use askama::Template;
use serde_json::{Map, Value};

use super::typed::{self, refuse};
use crate::diagnostic::Field;
use crate::error::Error;
use crate::model::{Payload, Request, Token};
use crate::quote::{self, js};
use crate::{Client, Task};

const CLIENT: Client = Client::HuggingfaceJs;

#[derive(Template)]
#[template(path = "js/huggingface.js")]
pub(crate) struct View {
    /// Where a binary answer is saved, as a literal.
    output_file: String,
    /// Lines that stop the snippet when a variable it reads is unset.
    checks: Vec<String>,
    token: String,
    /// The client's options: `endpointUrl`, and `billTo` for the request's
    /// `X-HF-Bill-To` header, which the client sends itself from it.
    options: String,
    call: Call,
}

/// One typed method call.
struct Call {
    method: &'static str,
    /// The arguments object, or `{ data }` for a file.
    args: String,
    /// The file path and its MIME type (none: the Blob has no type), as literals.
    file: Option<(String, Option<String>)>,
    output: Output,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Output {
    Print,
    ChatMessage,
    ChatStream,
    SaveImage,
}

/// Methods that send `{"inputs": ..., "parameters": {...}}` to the URL unchanged.
fn json_method(task: Task) -> Option<&'static str> {
    Some(match task {
        Task::TextClassification => "textClassification",
        Task::FeatureExtraction => "featureExtraction",
        Task::ZeroShotClassification => "zeroShotClassification",
        Task::Summarization => "summarization",
        Task::Translation => "translation",
        Task::TokenClassification => "tokenClassification",
        Task::FillMask => "fillMask",
        Task::QuestionAnswering => "questionAnswering",
        Task::SentenceSimilarity => "sentenceSimilarity",
        Task::TextToImage => "textToImage",
        _ => return None,
    })
}

/// Methods that send the bytes of a Blob.
fn file_method(task: Task) -> Option<&'static str> {
    Some(match task {
        Task::AutomaticSpeechRecognition => "automaticSpeechRecognition",
        Task::AudioClassification => "audioClassification",
        Task::ImageClassification => "imageClassification",
        Task::ObjectDetection => "objectDetection",
        _ => return None,
    })
}

/// The header the client writes from its `billTo` option.
const BILL_TO: &str = "X-HF-Bill-To";

/// Argument keys the client consumes itself instead of sending.
const CONSUMED: &[&str] = &["model", "accessToken", "endpointUrl", "provider", "billTo"];

pub(crate) fn view(request: &Request) -> Result<View, Error> {
    let task = typed::task(request, CLIENT)?;
    typed::connection(request, CLIENT, false)?;
    // The client sets no header of the caller's, but sends `X-HF-Bill-To` from its
    // `billTo` option (under that spelling, which servers read case-blind).
    let mut bill_to = None;
    for (name, value) in &request.headers {
        if name.eq_ignore_ascii_case("content-type") {
            continue;
        }
        if name.eq_ignore_ascii_case(BILL_TO) && bill_to.is_none() {
            bill_to = Some(js::text(value));
            continue;
        }
        return Err(
            refuse(CLIENT, format!("it cannot send the header {name:?}"))
                .about(Field::Header(name.clone())),
        );
    }
    let token = match &request.token {
        Token::Env(name) => format!("process.env.{name}"),
        Token::Placeholder(text) => js::string(text),
        Token::Basic { .. } => {
            return Err(refuse(
                CLIENT,
                "it sends a bearer token, not a user and password",
            ));
        }
        Token::None => "undefined".to_owned(),
    };
    let call = if let Some(method) = file_method(task) {
        let Payload::File {
            path, content_type, ..
        } = &request.payload
        else {
            return Err(refuse(
                CLIENT,
                format!("its {method} sends the bytes of a file"),
            ));
        };
        let file = (js::string(path), content_type.as_deref().map(js::string));
        Call {
            method,
            args: "{ data }".to_owned(),
            file: Some(file),
            output: Output::Print,
        }
    } else {
        if request.content_type() != Some("application/json") {
            return Err(refuse(
                CLIENT,
                "it always sends Content-Type: application/json",
            ));
        }
        if let Payload::Json(value) = &request.payload
            && !js::numbers_fit(value)
        {
            return Err(refuse(
                CLIENT,
                "a number in the payload does not fit a JavaScript number",
            ));
        }
        if task == Task::ChatCompletion {
            chat(request)?
        } else if let Some(method) = json_method(task) {
            let body = typed::object(request, CLIENT, task)?;
            if !body.contains_key("inputs") {
                return Err(refuse(
                    CLIENT,
                    format!("its {method} sends \"inputs\" and the payload has none"),
                ));
            }
            if task == Task::FeatureExtraction {
                if let Some(key) = CONSUMED.iter().find(|key| body.contains_key(**key)) {
                    return Err(refuse(
                        CLIENT,
                        format!("its {method} does not send {key:?}"),
                    ));
                }
            } else {
                typed::only_keys(
                    body,
                    &["inputs", "parameters"],
                    CLIENT,
                    &format!("its {method}"),
                )?;
            }
            let output = if task == Task::TextToImage {
                Output::SaveImage
            } else {
                Output::Print
            };
            Call {
                method,
                args: object(body),
                file: None,
                output,
            }
        } else if task == Task::TextGeneration {
            return Err(refuse(
                CLIENT,
                "its textGeneration posts an OpenAI completions body to the URL + \"/v1/completions\"",
            ));
        } else {
            return Err(refuse(
                CLIENT,
                format!("this tool does not yet know exactly what its {task} method sends"),
            ));
        }
    };
    Ok(View {
        output_file: js::string(&super::Response::file_name(request)),
        token,
        checks: super::fetch::checks(request),
        options: match bill_to {
            Some(bill_to) => format!(
                "{{ endpointUrl: {}, billTo: {bill_to} }}",
                js::text(&request.url)
            ),
            None => format!("{{ endpointUrl: {} }}", js::text(&request.url)),
        },
        call,
    })
}

fn chat(request: &Request) -> Result<Call, Error> {
    let body = typed::chat_body(request, CLIENT)?;
    let call = |method, args: &Map<String, Value>, output| Call {
        method,
        args: object(args),
        file: None,
        output,
    };
    if request.payload.streams() {
        // chatCompletionStream adds `"stream": true` itself.
        let mut args = body.clone();
        args.remove("stream");
        Ok(call("chatCompletionStream", &args, Output::ChatStream))
    } else {
        Ok(call("chatCompletion", body, Output::ChatMessage))
    }
}

fn object(body: &Map<String, Value>) -> String {
    quote::pretty(&Value::Object(body.clone()), &js::Js, 0)
}
