//! The `InferenceClient` methods whose input or answer is a file: an image, audio or
//! a video, sent as the file's bytes or as base64 in JSON, printed or saved.
//!
//! With an endpoint URL the client uses its `hf-inference` helpers: a file method
//! sends the bytes alone without parameters, and with parameters the bytes' base64
//! as `"inputs"` of a JSON body (checked on the wire with huggingface_hub 2.4).

use serde_json::{Map, Value};

use super::{CLIENT, Call, keywords, parameter_keywords};
use crate::Task;
use crate::error::Error;
use crate::model::{Payload, Request};
use crate::quote::python;
use crate::render::Output;
use crate::render::typed::{self, Image, ImageBody, refuse};

/// `text_to_speech` keyword arguments; other parameters go through `extra_body`.
const TEXT_TO_SPEECH: &[&str] = &[
    "do_sample",
    "early_stopping",
    "epsilon_cutoff",
    "eta_cutoff",
    "max_length",
    "max_new_tokens",
    "min_length",
    "min_new_tokens",
    "num_beam_groups",
    "num_beams",
    "penalty_alpha",
    "temperature",
    "top_k",
    "top_p",
    "typical_p",
    "use_cache",
];
const DOCUMENT_QUESTION_ANSWERING: &[&str] = &[
    "doc_stride",
    "handle_impossible_answer",
    "lang",
    "max_answer_len",
    "max_question_len",
    "max_seq_len",
    "top_k",
    "word_boxes",
];
const ZERO_SHOT_IMAGE: &[&str] = &["candidate_labels", "hypothesis_template"];
/// `image_to_image` takes any other keyword into its parameters, but these name
/// its own arguments.
const IMAGE_TO_IMAGE_OWN: &[&str] = &["image", "model"];

/// The call for a task whose input or answer is a file; `None` for the others.
pub(super) fn call(request: &Request, task: Task) -> Option<Result<Call, Error>> {
    let print = |method| file_call(request, method, Output::Print);
    Some(match task {
        Task::AutomaticSpeechRecognition => print("automatic_speech_recognition"),
        Task::AudioClassification => print("audio_classification"),
        Task::ImageClassification => print("image_classification"),
        Task::ObjectDetection => print("object_detection"),
        Task::ImageToText => print("image_to_text"),
        Task::ImageSegmentation => print("image_segmentation"),
        Task::AudioToAudio => file_call(request, "audio_to_audio", Output::SaveAudios),
        // The same request: an image and a prompt in, an image out. The client has
        // no image-text-to-image method of its own.
        Task::ImageToImage | Task::ImageTextToImage => image_to_image(request),
        Task::ZeroShotImageClassification => {
            with_image(request, task, zero_shot_image_classification)
        }
        Task::DocumentQuestionAnswering => with_image(request, task, document_question_answering),
        Task::VisualQuestionAnswering => Err(refuse(
            CLIENT,
            "its visual_question_answering sends the image twice, as \"inputs\" and as \"image\" beside \"question\", not the task's \"inputs\": {\"image\": ..., \"question\": ...}",
        )),
        // transformers serves text-to-speech as text-to-audio: one request.
        Task::TextToSpeech | Task::TextToAudio => json(request, task, text_to_speech),
        Task::TextToVideo => Err(no_route("text_to_video", task)),
        Task::ImageToVideo => Err(no_route("image_to_video", task)),
        Task::ImageTextToVideo => Err(refuse(CLIENT, "it has no image-text-to-video method")),
        _ => return None,
    })
}

/// A method that raises for an endpoint URL: its task is not among those the
/// client sends to one (its `hf-inference` provider).
pub(super) fn no_route(method: &str, task: Task) -> Error {
    refuse(
        CLIENT,
        format!(
            "its {method} raises for an endpoint URL: it sends {task} only to Inference Providers"
        ),
    )
}

/// `method("path")`: the file's bytes, with the Content-Type the client guesses
/// (or the request's own, through `headers=`).
fn file_call(request: &Request, method: &'static str, output: Output) -> Result<Call, Error> {
    let Payload::File { path, .. } = &request.payload else {
        return Err(refuse(
            CLIENT,
            format!("its {method} sends the bytes of a file"),
        ));
    };
    if request.content_type().is_none() {
        return Err(refuse(
            CLIENT,
            "it sends a Content-Type guessed from the file name, and this request sends none",
        ));
    }
    Ok(Call {
        method,
        args: vec![python::string(path)],
        result: match output {
            Output::SaveImage => "image",
            Output::Print => "result",
            _ => "output",
        },
        output,
    })
}

/// The JSON object body, handed to `build`.
fn json(
    request: &Request,
    task: Task,
    build: fn(&Map<String, Value>, Task) -> Result<Call, Error>,
) -> Result<Call, Error> {
    build(typed::object(request, CLIENT, task)?, task)
}

/// The JSON object body of a method that takes an image, handed to `build`.
fn with_image(
    request: &Request,
    task: Task,
    build: fn(&ImageBody, Task) -> Result<Call, Error>,
) -> Result<Call, Error> {
    build(&typed::image_body(request, CLIENT, task)?, task)
}

/// `image_to_image("path")` for the bytes of a file; `image_to_image(bytes,
/// prompt=...)` for `{"inputs": "<base64>", "parameters": {...}}`.
fn image_to_image(request: &Request) -> Result<Call, Error> {
    match &request.payload {
        Payload::File { .. } => file_call(request, "image_to_image", Output::SaveImage),
        Payload::Json(Value::Object(_)) | Payload::JsonTemplate(_) => {
            let what = "its image_to_image";
            let image_body = typed::image_body(request, CLIENT, Task::ImageToImage)?;
            let body = image_body.object;
            typed::only_keys(body, &["inputs", "parameters"], CLIENT, what)?;
            let image = image_body.image("/inputs", "\"inputs\"", CLIENT, what)?;
            let Some(parameters) = typed::parameters(body, CLIENT)?.filter(|p| !p.is_empty())
            else {
                return Err(refuse(
                    CLIENT,
                    "without parameters its image_to_image sends the image's bytes, not JSON: send the file",
                ));
            };
            typed::no_nulls(&body["parameters"], CLIENT, what)?;
            if let Some(key) = parameters.keys().find(|key| {
                !python::is_keyword_argument(key) || IMAGE_TO_IMAGE_OWN.contains(&key.as_str())
            }) {
                return Err(refuse(CLIENT, format!("{what} cannot send {key:?}")));
            }
            let mut args = vec![image_argument(image, what)?];
            args.extend(keywords(parameters.iter())?);
            Ok(Call {
                method: "image_to_image",
                args,
                result: "image",
                output: Output::SaveImage,
            })
        }
        _ => Err(refuse(
            CLIENT,
            "its image_to_image sends a file's bytes, or a JSON object with the image in base64",
        )),
    }
}

/// `zero_shot_image_classification(bytes, candidate_labels=[...])`: the image's
/// base64 as `"inputs"`, always with parameters.
fn zero_shot_image_classification(image_body: &ImageBody, _: Task) -> Result<Call, Error> {
    let what = "its zero_shot_image_classification";
    let body = image_body.object;
    typed::only_keys(body, &["inputs", "parameters"], CLIENT, what)?;
    let image = image_body.image("/inputs", "\"inputs\"", CLIENT, what)?;
    let labels = typed::parameters(body, CLIENT)?
        .and_then(|p| p.get("candidate_labels"))
        .and_then(Value::as_array);
    // It raises before sending with fewer than two.
    if !labels.is_some_and(|labels| labels.len() >= 2 && labels.iter().all(Value::is_string)) {
        return Err(refuse(
            CLIENT,
            format!("{what} sends \"candidate_labels\", at least two strings, in \"parameters\""),
        ));
    }
    let mut args = vec![image_argument(image, what)?];
    args.extend(parameter_keywords(body, ZERO_SHOT_IMAGE, what)?);
    Ok(Call {
        method: "zero_shot_image_classification",
        args,
        result: "result",
        output: Output::Print,
    })
}

/// `document_question_answering(bytes, question=...)`: the task's own body,
/// `{"inputs": {"image": "<base64>", "question": ...}, "parameters": {...}}`.
fn document_question_answering(image_body: &ImageBody, _: Task) -> Result<Call, Error> {
    let what = "its document_question_answering";
    let body = image_body.object;
    typed::only_keys(body, &["inputs", "parameters"], CLIENT, what)?;
    let inputs = body.get("inputs").and_then(Value::as_object);
    let (Some(Value::String(question)), Some(2)) =
        (inputs.and_then(|i| i.get("question")), inputs.map(Map::len))
    else {
        return Err(refuse(
            CLIENT,
            format!(
                "{what} sends \"inputs\": {{\"image\": ..., \"question\": ...}} and nothing else"
            ),
        ));
    };
    let image = image_body.image("/inputs/image", "\"inputs\".\"image\"", CLIENT, what)?;
    if let Some(parameters) = body.get("parameters") {
        typed::no_nulls(parameters, CLIENT, what)?;
    }
    let mut args = vec![
        image_argument(image, what)?,
        format!("question={}", python::string(question)),
    ];
    args.extend(parameter_keywords(body, DOCUMENT_QUESTION_ANSWERING, what)?);
    Ok(Call {
        method: "document_question_answering",
        args,
        result: "result",
        output: Output::Print,
    })
}

/// `text_to_speech("...", key=value, extra_body={...})`, saving the audio.
fn text_to_speech(body: &Map<String, Value>, task: Task) -> Result<Call, Error> {
    let mut call = super::text_call(body, task, "text_to_speech", TEXT_TO_SPEECH, true)?;
    call.result = "audio";
    call.output = Output::SaveBytes;
    Ok(call)
}

/// The image as a method's argument: the path of a file, which it reads and
/// encodes; the bytes of base64 written out, which it encodes again.
fn image_argument(image: Image, what: &str) -> Result<String, Error> {
    match image {
        Image::Base64(text) => Ok(decoded(text)),
        Image::File(path) if path.starts_with("http://") || path.starts_with("https://") => {
            Err(refuse(
                CLIENT,
                format!(
                    "{what} downloads a path that starts with http:// or https:// instead of opening the file"
                ),
            ))
        }
        Image::File(path) => Ok(python::string(path)),
    }
}

/// The bytes a base64 string holds, for a method that encodes them again.
fn decoded(image: &str) -> String {
    format!("base64.b64decode({})", python::string(image))
}

/// Whether `call` decodes an image written in base64 (`import base64`).
pub(super) fn decodes_base64(call: &Call) -> bool {
    call.args
        .iter()
        .any(|arg| arg.starts_with("base64.b64decode("))
}
