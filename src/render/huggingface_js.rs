//! JavaScript with `@huggingface/inference`'s `InferenceClient` and its typed methods.
//!
//! What each method sends was captured on the wire with @huggingface/inference 4.13:
//! the arguments object becomes the JSON body as it is, the client sets no headers
//! of the caller's (but writes `X-HF-Bill-To` from its `billTo` option), and a
//! binary input's Content-Type is its Blob's type.

mod files;

use askama::Template;
use serde_json::{Map, Value};

use super::Output;
use super::headers;
use super::typed::{self, refuse};
use crate::diagnostic::Field;
use crate::error::Error;
use crate::model::{JsonTemplate, Payload, Request};
use crate::quote::{self, js};
use crate::router::{self, Route};
use crate::{Client, Task};

const CLIENT: Client = Client::HuggingfaceJs;

#[derive(Template)]
#[template(path = "js/huggingface.js")]
pub(crate) struct View {
    /// What the snippet imports from `node:fs`, comma-separated; empty for nothing.
    fs_imports: String,
    /// Where a binary answer is saved, as a literal.
    output_file: String,
    /// Where the files of a list of answers are saved: a literal that reads `index`.
    output_files: String,
    /// Lines that stop the snippet when a variable it reads is unset.
    checks: Vec<String>,
    token: String,
    /// The client's options after the token (`, { ... }`; empty for none):
    /// `endpointUrl` unless the client computes a router URL itself, and `billTo` for
    /// the request's `X-HF-Bill-To` header, which the client sends itself from it.
    options: String,
    call: Call,
}

/// One typed method call.
struct Call {
    method: &'static str,
    /// The arguments object; a file's or image's Blob is the variable `data`.
    args: String,
    /// The file path and its MIME type (none: the Blob has no type), as literals.
    file: Option<(String, Option<String>)>,
    /// An image's base64, as a literal: `data` is a Blob of the bytes it holds.
    base64: Option<String>,
    /// The variable holding the answer.
    result: &'static str,
    output: Output,
}

impl Call {
    /// A call that prints what the method returns.
    fn print(method: &'static str, args: String) -> Call {
        Call {
            method,
            args,
            file: None,
            base64: None,
            result: "result",
            output: Output::Print,
        }
    }
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
        Task::TextToSpeech => "textToSpeech",
        Task::TextToAudio => "textToAudio",
        Task::TabularClassification => "tabularClassification",
        Task::TabularRegression => "tabularRegression",
        Task::TableQuestionAnswering => "tableQuestionAnswering",
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
    // `typed::task` refused a user and password.
    let token = headers::api_key(&request.token)
        .map_or_else(|| "undefined".to_owned(), |token| js::text(&token));
    let mut call = match files::call(request, task) {
        Some(call) => call?,
        None => json_call(request, task)?,
    };
    // imageTextToImage is sent with imageToImage.
    let method_task = match task {
        Task::ImageTextToImage => Task::ImageToImage,
        task => task,
    };
    let route = router::route(request, task, method_task);
    if let Some(route) = &route {
        call.args = routed(&call.args, route);
    }
    let mut fs_imports = Vec::new();
    if call.file.is_some() {
        fs_imports.push("readFileSync");
    }
    if matches!(call.output, Output::SaveBytes | Output::SaveAudios) {
        fs_imports.push("writeFileSync");
    }
    let (stem, extension) = super::Response::file_parts(request);
    Ok(View {
        fs_imports: fs_imports.join(", "),
        output_file: js::string(&super::Response::file_name(request)),
        output_files: js::indexed_name(stem, extension),
        token,
        checks: super::fetch::checks(request),
        options: {
            let endpoint = route
                .is_none()
                .then(|| format!("endpointUrl: {}", js::text(&request.url)));
            let bill_to = bill_to.map(|bill_to| format!("billTo: {bill_to}"));
            let options: Vec<String> = endpoint.into_iter().chain(bill_to).collect();
            if options.is_empty() {
                String::new()
            } else {
                format!(", {{ {} }}", options.join(", "))
            }
        },
        call,
    })
}

/// The call for a task whose body is JSON without files.
fn json_call(request: &Request, task: Task) -> Result<Call, Error> {
    if task.is_chat() {
        sends_json(request)?;
        return chat(request);
    }
    let Some(method) = json_method(task) else {
        return Err(if task == Task::TextGeneration {
            refuse(
                CLIENT,
                "its textGeneration posts an OpenAI completions body to the URL + \"/v1/completions\"",
            )
        } else {
            refuse(
                CLIENT,
                format!("this tool does not yet know exactly what its {task} method sends"),
            )
        });
    };
    let body = json_body(request, task)?;
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
    let mut call = Call::print(method, object(body));
    if task.returns_bytes() {
        call.result = files::blob_name(task);
        call.output = Output::SaveBytes;
    }
    Ok(call)
}

/// The JSON object body of a method that sends JSON (see [`sends_json`]).
fn json_body(request: &Request, task: Task) -> Result<&Map<String, Value>, Error> {
    sends_json(request)?;
    typed::object(request, CLIENT, task)
}

/// A method that sends JSON sends it as `application/json`, its numbers as
/// JavaScript numbers.
fn sends_json(request: &Request) -> Result<(), Error> {
    if request.content_type() != Some("application/json") {
        return Err(refuse(
            CLIENT,
            "it always sends Content-Type: application/json",
        ));
    }
    if let Payload::Json(value) | Payload::JsonTemplate(JsonTemplate { value, .. }) =
        &request.payload
        && !js::numbers_fit(value)
    {
        return Err(refuse(
            CLIENT,
            "a number in the payload does not fit a JavaScript number",
        ));
    }
    Ok(())
}

fn chat(request: &Request) -> Result<Call, Error> {
    let body = typed::chat_body(request, CLIENT)?;
    let call = |method, args: &Map<String, Value>, output| Call {
        result: "completion",
        output,
        ..Call::print(method, object(args))
    };
    if request.payload.streams() {
        // chatCompletionStream adds `"stream": true` itself.
        let mut args = body.clone();
        args.remove("stream");
        Ok(call("chatCompletionStream", &args, Output::ChatStream))
    } else {
        Ok(call("chatCompletion", body, Output::ChatContent))
    }
}

/// The arguments object `args` with the route's `model` first and its `provider`
/// last, as Hugging Face's pages write them.
fn routed(args: &str, route: &Route) -> String {
    let model = route
        .model
        .as_ref()
        .map(|model| format!("    model: {},", js::string(model)));
    let provider = route
        .provider
        .name()
        .map(|provider| format!("    provider: {},", js::string(provider)));
    if model.is_none() && provider.is_none() {
        return args.to_owned();
    }
    // An arguments object is [`object`]'s `{\n    a: ...,\n}`, or a files call's
    // `{ data }` or `{ inputs: data }` on one line, without nested commas.
    let inner = args
        .strip_prefix('{')
        .and_then(|rest| rest.strip_suffix('}'))
        .unwrap_or(args);
    let entries: Vec<String> = if inner.contains('\n') {
        vec![inner.trim_matches('\n').to_owned()]
    } else {
        inner
            .split(", ")
            .map(str::trim)
            .filter(|entry| !entry.is_empty())
            .map(|entry| format!("    {entry},"))
            .collect()
    };
    let lines: Vec<String> = model.into_iter().chain(entries).chain(provider).collect();
    format!("{{\n{}\n}}", lines.join("\n"))
}

fn object(body: &Map<String, Value>) -> String {
    quote::pretty(&Value::Object(body.clone()), &js::Js, 0)
}
