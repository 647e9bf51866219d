//! The `@huggingface/inference` methods whose input or answer is a file: an image
//! or audio sent as a Blob (its bytes, or their base64 in JSON), printed or saved.
//!
//! With `endpointUrl` the client uses its `hf-inference` helpers (checked on the
//! wire with @huggingface/inference 4.13.30): a Blob sent alone goes with its own
//! type as Content-Type; a Blob inside the arguments becomes its base64.

use serde_json::Value;

use super::{CLIENT, Call};
use crate::error::Error;
use crate::model::{JsonTemplate, Payload, Request, Slot};
use crate::quote::{self, js};
use crate::render::Output;
use crate::render::typed::{self, Image, ImageBody, refuse};
use crate::{Task, Text};

/// The call for a task whose input or answer is a file; `None` for the others.
pub(super) fn call(request: &Request, task: Task) -> Option<Result<Call, Error>> {
    let print = |method| blob_call(request, method, "{ data }", Output::Print);
    Some(match task {
        Task::AutomaticSpeechRecognition => print("automaticSpeechRecognition"),
        Task::AudioClassification => print("audioClassification"),
        Task::ImageClassification => print("imageClassification"),
        Task::ObjectDetection => print("objectDetection"),
        Task::AudioToAudio => blob_call(request, "audioToAudio", "{ data }", Output::SaveAudios),
        // The same request: an image and a prompt in, an image out; its own
        // imageTextToImage has no route for an endpoint URL.
        Task::ImageToImage | Task::ImageTextToImage => image_to_image(request, task),
        Task::ZeroShotImageClassification => zero_shot_image_classification(request, task),
        Task::VisualQuestionAnswering => {
            question_on_image(request, task, "visualQuestionAnswering")
        }
        Task::DocumentQuestionAnswering => {
            question_on_image(request, task, "documentQuestionAnswering")
        }
        Task::ImageToText => Err(refuse(
            CLIENT,
            "its imageToText (4.13.30) wants an object as the answer and throws on the list endpoints answer with ([{\"generated_text\": ...}])",
        )),
        Task::ImageSegmentation => Err(refuse(
            CLIENT,
            "its imageSegmentation sends the image as base64 in JSON, not the file's bytes",
        )),
        Task::TextToVideo => Err(no_route("textToVideo", task)),
        Task::ImageToVideo => Err(no_route("imageToVideo", task)),
        Task::ImageTextToVideo => Err(no_route("imageTextToVideo", task)),
        _ => return None,
    })
}

/// A method that throws for `endpointUrl`: its task is not among those the client
/// sends to an endpoint (its `hf-inference` provider).
fn no_route(method: &str, task: Task) -> Error {
    refuse(
        CLIENT,
        format!(
            "its {method} throws for an endpoint URL: it sends {task} only to Inference Providers"
        ),
    )
}

/// The variable an answer's Blob is kept in.
pub(super) fn blob_name(task: Task) -> &'static str {
    match task {
        Task::TextToSpeech | Task::TextToAudio => "audio",
        Task::TextToVideo | Task::ImageToVideo | Task::ImageTextToVideo => "video",
        _ => "image",
    }
}

/// `method(args)` sending the bytes of the request's file as the Blob `data`, typed
/// with the request's Content-Type.
fn blob_call(
    request: &Request,
    method: &'static str,
    args: &str,
    output: Output,
) -> Result<Call, Error> {
    let Payload::File {
        path, content_type, ..
    } = &request.payload
    else {
        return Err(refuse(
            CLIENT,
            format!("its {method} sends the bytes of a file"),
        ));
    };
    let mut call = Call::print(method, args.to_owned());
    call.file = Some((js::string(path), content_type.as_deref().map(js::string)));
    call.output = output;
    if output == Output::SaveAudios {
        call.result = "output";
    }
    Ok(call)
}

/// `imageToImage({ inputs: data })` sends the file's bytes; with `"parameters"` it
/// sends `{"inputs": "<base64>", "parameters": {...}}`.
fn image_to_image(request: &Request, task: Task) -> Result<Call, Error> {
    let method = "imageToImage";
    let mut call = match &request.payload {
        // Without "inputs" it would send JSON: the Blob goes there, not in `data`.
        Payload::File { .. } => blob_call(request, method, "{ inputs: data }", Output::SaveBytes)?,
        _ => {
            let image_body = image_json_body(request, task)?;
            let body = image_body.object;
            let what = format!("its {method}");
            typed::only_keys(body, &["inputs", "parameters"], CLIENT, &what)?;
            if !body.contains_key("parameters") {
                return Err(refuse(
                    CLIENT,
                    format!(
                        "without \"parameters\" {what} sends the image's bytes, not JSON: send the file"
                    ),
                ));
            }
            with_image(&image_body, "/inputs", method, &what)?
        }
    };
    call.result = blob_name(task);
    call.output = Output::SaveBytes;
    Ok(call)
}

/// `zeroShotImageClassification({ inputs: { image: data }, parameters })`: it
/// sends `"inputs": {"image": "<base64>"}`, not the base64 alone.
fn zero_shot_image_classification(request: &Request, task: Task) -> Result<Call, Error> {
    let method = "zeroShotImageClassification";
    let what = format!("its {method}");
    let image_body = image_json_body(request, task)?;
    let body = image_body.object;
    typed::only_keys(body, &["inputs", "parameters"], CLIENT, &what)?;
    match body.get("inputs").and_then(Value::as_object) {
        Some(inputs) if inputs.len() == 1 && inputs.contains_key("image") => {
            with_image(&image_body, "/inputs/image", method, &what)
        }
        _ => Err(refuse(
            CLIENT,
            format!("{what} sends \"inputs\": {{\"image\": \"<base64>\"}}, not the base64 alone"),
        )),
    }
}

/// `method({ inputs: { image: data, question }, parameters })`: the task's own body,
/// `{"inputs": {"image": "<base64>", "question": ...}, "parameters": {...}}`.
fn question_on_image(request: &Request, task: Task, method: &'static str) -> Result<Call, Error> {
    let what = format!("its {method}");
    let image_body = image_json_body(request, task)?;
    let body = image_body.object;
    typed::only_keys(body, &["inputs", "parameters"], CLIENT, &what)?;
    let inputs = body.get("inputs").and_then(Value::as_object);
    if !inputs
        .is_some_and(|i| i.len() == 2 && i.contains_key("question") && i.contains_key("image"))
    {
        return Err(refuse(
            CLIENT,
            format!(
                "{what} sends \"inputs\": {{\"image\": ..., \"question\": ...}} and nothing else"
            ),
        ));
    }
    with_image(&image_body, "/inputs/image", method, &what)
}

/// The JSON body of a method that takes an image, which may be a file's base64.
fn image_json_body(request: &Request, task: Task) -> Result<ImageBody<'_>, Error> {
    super::sends_json(request)?;
    typed::image_body(request, CLIENT, task)
}

/// `method(body)` with the image at `pointer` (a base64 string, or a file's base64)
/// replaced by the Blob `data`, which the method encodes into the same string.
fn with_image(
    body: &ImageBody,
    pointer: &str,
    method: &'static str,
    what: &str,
) -> Result<Call, Error> {
    let value = Value::Object(body.object.clone());
    let image = body.image(pointer, &place(pointer), CLIENT, what)?;
    let template = JsonTemplate {
        value: value.clone(),
        slots: vec![Slot {
            pointer: pointer.to_owned(),
            text: Text::new(),
            number: false,
        }],
    };
    let args = quote::pretty_template(&template, &js::Js, 0, &|_| "data".to_owned());
    let mut call = Call::print(method, args);
    match image {
        Image::Base64(text) => call.base64 = Some(js::string(text)),
        // Without a type: the method sends the Blob's bytes in base64, not its type.
        Image::File(path) => call.file = Some((js::string(path), None)),
    }
    Ok(call)
}

/// A JSON Pointer as the keys it goes through: `/inputs/image` → `"inputs"."image"`.
fn place(pointer: &str) -> String {
    let keys: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|key| format!("{key:?}"))
        .collect();
    keys.join(".")
}
