//! Python with `huggingface_hub`'s `InferenceClient` and its typed task methods.
//!
//! What each method sends was captured on the wire with huggingface_hub 2.4: the
//! tables below list the payload keys a method turns into exactly the same body.

mod chat;
mod files;

use askama::Template;
use serde_json::{Map, Value};

use super::Output;
use super::headers;
use super::typed::{self, refuse};
use crate::diagnostic::{Field, Hint};
use crate::error::Error;
use crate::install::Install;
use crate::model::{Payload, Request};
use crate::quote::{self, Syntax, python};
use crate::router;
use crate::{Client, Task};

const CLIENT: Client = Client::HuggingfaceHub;

#[derive(Template)]
#[template(path = "python/huggingface_hub.py")]
pub(crate) struct View {
    /// Where a binary answer is saved, as a literal.
    output_file: String,
    /// Where the files of a list of answers are saved: a literal that reads `index`.
    output_files: String,
    needs_os: bool,
    /// An image is written as base64 and decoded for the method.
    needs_base64: bool,
    /// The URL the client is given; `None` for a router URL the client computes
    /// from `provider` and the method's `model=` ([`router`](crate::router)).
    url: Option<String>,
    /// `provider=`, as a literal; none for the clients' default.
    provider: Option<String>,
    token: String,
    /// `bill_to=`: the request's `X-HF-Bill-To`, for a router request.
    bill_to: Option<String>,
    /// Client headers, keys and values as Python literals.
    headers: Vec<(String, String)>,
    /// The `timeout=` seconds (curl's `-m`).
    timeout: Option<String>,
    call: Call,
}

/// One typed method call and what is done with its result.
struct Call {
    method: &'static str,
    args: Vec<String>,
    result: &'static str,
    output: Output,
}

/// `parameters` keys each method takes as keyword arguments of the same name.
const TEXT_CLASSIFICATION: &[&str] = &["top_k", "function_to_apply"];
/// `decoder_input_details` is left out: the client rewrites it unless `details` is set.
const TEXT_GENERATION: &[&str] = &[
    "adapter_id",
    "best_of",
    "details",
    "do_sample",
    "frequency_penalty",
    "grammar",
    "max_new_tokens",
    "repetition_penalty",
    "return_full_text",
    "seed",
    "stop",
    "temperature",
    "top_k",
    "top_n_tokens",
    "top_p",
    "truncate",
    "typical_p",
    "watermark",
];
const ZERO_SHOT: &[&str] = &["candidate_labels", "multi_label", "hypothesis_template"];
const SUMMARIZATION: &[&str] = &[
    "clean_up_tokenization_spaces",
    "generate_parameters",
    "truncation",
];
const TRANSLATION: &[&str] = &[
    "src_lang",
    "tgt_lang",
    "clean_up_tokenization_spaces",
    "truncation",
    "generate_parameters",
];
const TOKEN_CLASSIFICATION: &[&str] = &["aggregation_strategy", "ignore_labels", "stride"];
const FILL_MASK: &[&str] = &["targets", "top_k"];
const QUESTION_ANSWERING: &[&str] = &[
    "align_to_words",
    "doc_stride",
    "handle_impossible_answer",
    "max_answer_len",
    "max_question_len",
    "max_seq_len",
    "top_k",
];
/// Feature extraction sends these at the top level of the body, not in `parameters`.
const FEATURE_EXTRACTION: &[&str] = &[
    "normalize",
    "prompt_name",
    "truncate",
    "truncation_direction",
    "dimensions",
    "encoding_format",
];
const TABLE_QUESTION_ANSWERING: &[&str] = &["padding", "sequential", "truncation"];
const TEXT_TO_IMAGE: &[&str] = &[
    "negative_prompt",
    "height",
    "width",
    "num_inference_steps",
    "guidance_scale",
    "scheduler",
    "seed",
];

/// The header `bill_to=` sends.
const BILL_TO: &str = "X-HF-Bill-To";

/// The Accept header the client sends for the tasks answering with an image.
const OWN_ACCEPT: &str = "image/png";

/// Whether the client sets Accept itself for `task` (its `TASKS_EXPECTING_IMAGES`;
/// image-text-to-image is sent with `image_to_image`).
fn sets_accept(task: Task) -> bool {
    matches!(
        task,
        Task::TextToImage | Task::ImageToImage | Task::ImageTextToImage
    )
}

pub(crate) fn view(request: &Request) -> Result<View, Error> {
    let task = typed::task(request, CLIENT)?;
    typed::connection(request, CLIENT, true)?;
    // `typed::task` refused a user and password.
    let Some(token) = headers::api_key(&request.token) else {
        // Giving it a token is the way, more than another client.
        let reason = "without a token it sends the one in $HF_TOKEN or ~/.cache/huggingface/token";
        return Err(super::refusal(CLIENT, reason, None)
            .hint(Hint::AddToken)
            .hint(Hint::UseClient(CLIENT.generic())));
    };
    let mut call = call(request, task)?;
    // table_question_answering also sends the model it is given, inside
    // "parameters": a router request keeps its URL, and the body its own.
    let route = router::route(request, task, method_task(task))
        .filter(|_| task != Task::TableQuestionAnswering);
    if let Some(model) = route.as_ref().and_then(|route| route.model.as_deref()) {
        // First among the keywords, after the inputs, as Hugging Face's pages write it.
        let at = call
            .args
            .iter()
            .position(|arg| is_keyword(arg))
            .unwrap_or(call.args.len());
        call.args
            .insert(at, format!("model={}", python::string(model)));
    }
    let mut bill_to = None;
    // Client headers override the client's own, Content-Type included: a file's type
    // is then the request's, not the one Python guesses from the extension.
    let mut headers = Vec::new();
    for (name, value) in request.wire_headers() {
        let natural = name == "Content-Type"
            && value.as_literal() == Some("application/json")
            && matches!(request.payload, Payload::Json(_) | Payload::JsonTemplate(_));
        // For image answers the client adds `Accept: image/png` after lowercasing the
        // caller's headers, so a caller's Accept would be sent a second time.
        let own_accept = name.eq_ignore_ascii_case("accept") && sets_accept(task);
        if own_accept && value.as_literal() != Some(OWN_ACCEPT) {
            return Err(refuse(
                CLIENT,
                format!("it sends its own Accept: {OWN_ACCEPT} for {task}, beside the request's"),
            )
            .about(Field::Header(name.to_owned())));
        }
        // The router bills the organisation of `bill_to=`, which sends this header.
        if route.is_some() && name.eq_ignore_ascii_case(BILL_TO) && bill_to.is_none() {
            bill_to = Some(python::text(&value));
        } else if !natural && !own_accept {
            headers.push(python::Python.header(name, &value));
        }
    }
    let (stem, extension) = super::Response::file_parts(request);
    Ok(View {
        output_file: python::string(&super::Response::file_name(request)),
        output_files: python::indexed_name(stem, extension),
        needs_os: {
            let reads = request.reads();
            reads.env || reads.home
        },
        needs_base64: files::decodes_base64(&call),
        url: route.is_none().then(|| python::text(&request.url)),
        provider: route
            .as_ref()
            .and_then(|route| route.provider.name())
            .map(python::string),
        token: python::text(&token),
        bill_to,
        headers,
        timeout: request
            .connection
            .timeout
            .map(|seconds| seconds.to_string()),
        call,
    })
}

/// The typed method call for `task`, and what is done with its result.
fn call(request: &Request, task: Task) -> Result<Call, Error> {
    if let Some(call) = files::call(request, task) {
        return call;
    }
    if task.is_chat() {
        return chat::call(request);
    }
    let body = typed::object(request, CLIENT, task)?;
    let text_call = |method, allowed: &[&str]| text_call(body, task, method, allowed, false);
    match task {
        Task::TextClassification => text_call("text_classification", TEXT_CLASSIFICATION),
        Task::Summarization => text_call("summarization", SUMMARIZATION),
        Task::Translation => text_call("translation", TRANSLATION),
        Task::TokenClassification => text_call("token_classification", TOKEN_CLASSIFICATION),
        Task::FillMask => text_call("fill_mask", FILL_MASK),
        Task::ZeroShotClassification => {
            let parameters = typed::parameters(body, CLIENT)?;
            // The client always sends `multi_label`; without it the bodies differ.
            if !parameters.is_some_and(|p| {
                p.contains_key("multi_label") && p.contains_key("candidate_labels")
            }) {
                return Err(refuse(
                    CLIENT,
                    "its zero_shot_classification always sends \"candidate_labels\" and \"multi_label\"; add both to \"parameters\"",
                ));
            }
            text_call("zero_shot_classification", ZERO_SHOT)
        }
        Task::TextGeneration => text_generation(request, body, task),
        Task::TextToImage => {
            let mut call = self::text_call(body, task, "text_to_image", TEXT_TO_IMAGE, true)?;
            call.result = "image";
            call.output = Output::SaveImage;
            Ok(call)
        }
        Task::FeatureExtraction => feature_extraction(body, task),
        Task::QuestionAnswering => question_answering(body),
        Task::SentenceSimilarity => sentence_similarity(body),
        Task::TabularClassification => tabular_classification(body),
        Task::TableQuestionAnswering => table_question_answering(body),
        Task::TabularRegression => Err(files::no_route("tabular_regression", task)),
        _ => Err(refuse(
            CLIENT,
            format!("this tool does not yet know exactly what its {task} method sends"),
        )),
    }
}

/// `text_generation(...)`, with `stream=True` printing tokens as they come.
fn text_generation(
    request: &Request,
    body: &Map<String, Value>,
    task: Task,
) -> Result<Call, Error> {
    let mut call = text_call(body, task, "text_generation", TEXT_GENERATION, false)?;
    if request.payload.streams() {
        if typed::parameters(body, CLIENT)?.is_some_and(|p| p.contains_key("details")) {
            return Err(refuse(
                CLIENT,
                "a streamed text_generation with \"details\" yields objects this snippet does not print",
            ));
        }
        call.args.push("stream=True".into());
        call.result = "stream";
        call.output = Output::TokenStream;
    }
    Ok(call)
}

/// `feature_extraction("...", key=value)`: its options sit at the top of the body.
fn feature_extraction(body: &Map<String, Value>, task: Task) -> Result<Call, Error> {
    let inputs = typed::text_inputs(body, CLIENT, task)?;
    let mut allowed = vec!["inputs"];
    allowed.extend(FEATURE_EXTRACTION);
    typed::only_keys(body, &allowed, CLIENT, "its feature_extraction")?;
    let mut args = vec![python::string(inputs)];
    args.extend(keywords(body.iter().filter(|(key, _)| *key != "inputs"))?);
    Ok(Call {
        method: "feature_extraction",
        args,
        result: "result",
        output: Output::Print,
    })
}

/// `question_answering(question=..., context=...)`.
fn question_answering(body: &Map<String, Value>) -> Result<Call, Error> {
    typed::only_keys(
        body,
        &["inputs", "parameters"],
        CLIENT,
        "its question_answering",
    )?;
    let inputs = body.get("inputs").and_then(Value::as_object);
    let (Some(Value::String(question)), Some(Value::String(context)), Some(2)) = (
        inputs.and_then(|i| i.get("question")),
        inputs.and_then(|i| i.get("context")),
        inputs.map(Map::len),
    ) else {
        return Err(refuse(
            CLIENT,
            "its question_answering sends \"inputs\": {\"question\": ..., \"context\": ...} and nothing else",
        ));
    };
    let mut args = vec![
        format!("question={}", python::string(question)),
        format!("context={}", python::string(context)),
    ];
    args.extend(parameter_keywords(
        body,
        QUESTION_ANSWERING,
        "its question_answering",
    )?);
    Ok(Call {
        method: "question_answering",
        args,
        result: "result",
        output: Output::Print,
    })
}

/// `sentence_similarity("...", other_sentences=[...])`.
fn sentence_similarity(body: &Map<String, Value>) -> Result<Call, Error> {
    typed::only_keys(
        body,
        &["inputs", "parameters"],
        CLIENT,
        "its sentence_similarity",
    )?;
    let inputs = body.get("inputs").and_then(Value::as_object);
    let (Some(Value::String(source)), Some(sentences @ Value::Array(_)), Some(2)) = (
        inputs.and_then(|i| i.get("source_sentence")),
        inputs.and_then(|i| i.get("sentences")),
        inputs.map(Map::len),
    ) else {
        return Err(refuse(
            CLIENT,
            "its sentence_similarity sends \"inputs\": {\"source_sentence\": ..., \"sentences\": [...]} and nothing else",
        ));
    };
    let mut args = vec![python::string(source)];
    args.push(format!(
        "other_sentences={}",
        quote::pretty(sentences, &python::Python, 1)
    ));
    args.extend(parameter_keywords(body, &[], "its sentence_similarity")?);
    Ok(Call {
        method: "sentence_similarity",
        args,
        result: "result",
        output: Output::Print,
    })
}

/// `method("inputs", key=value, ...)` for a `{"inputs": "...", "parameters": {...}}` body.
/// With `extra_body`, parameters without a keyword of their own go through
/// `extra_body`, which the method merges into the parameters.
fn text_call(
    body: &Map<String, Value>,
    task: Task,
    method: &'static str,
    allowed: &[&str],
    extra_body: bool,
) -> Result<Call, Error> {
    let what = format!("its {method}");
    let root: &[&str] = if task == Task::TextGeneration {
        &["inputs", "parameters", "stream"]
    } else {
        &["inputs", "parameters"]
    };
    typed::only_keys(body, root, CLIENT, &what)?;
    let inputs = typed::text_inputs(body, CLIENT, task)?;
    let mut args = vec![python::string(inputs)];
    if extra_body {
        if let Some(parameters) = body.get("parameters") {
            typed::no_nulls(parameters, CLIENT, &what)?;
        }
        let parameters = typed::parameters(body, CLIENT)?
            .cloned()
            .unwrap_or_default();
        let (known, extra): (Map<String, Value>, Map<String, Value>) = parameters
            .into_iter()
            .partition(|(key, _)| allowed.contains(&key.as_str()));
        args.extend(keywords(known.iter())?);
        if !extra.is_empty() {
            args.push(format!(
                "extra_body={}",
                quote::pretty(&Value::Object(extra), &python::Python, 1)
            ));
        }
    } else {
        args.extend(parameter_keywords(body, allowed, &what)?);
    }
    Ok(Call {
        method,
        args,
        result: "result",
        output: Output::Print,
    })
}

/// `table_question_answering(table={...}, query="...")`, sending
/// `"inputs": {"query": ..., "table": ...}` and its keywords in `"parameters"`.
fn table_question_answering(body: &Map<String, Value>) -> Result<Call, Error> {
    let what = "its table_question_answering";
    typed::only_keys(body, &["inputs", "parameters"], CLIENT, what)?;
    let inputs = body.get("inputs").and_then(Value::as_object);
    let (Some(Value::String(query)), Some(table @ Value::Object(_)), Some(2)) = (
        inputs.and_then(|i| i.get("query")),
        inputs.and_then(|i| i.get("table")),
        inputs.map(Map::len),
    ) else {
        return Err(refuse(
            CLIENT,
            format!(
                "{what} sends \"inputs\": {{\"query\": \"...\", \"table\": {{...}}}} and nothing else"
            ),
        ));
    };
    typed::no_nulls(table, CLIENT, what)?;
    let mut args = vec![
        format!("table={}", quote::pretty(table, &python::Python, 1)),
        format!("query={}", python::string(query)),
    ];
    args.extend(parameter_keywords(body, TABLE_QUESTION_ANSWERING, what)?);
    Ok(Call {
        method: "table_question_answering",
        args,
        result: "result",
        output: Output::Print,
    })
}

/// `tabular_classification({...})`: it sends the table as `"table"`, not as the
/// task's `"inputs": {"data": ...}`.
fn tabular_classification(body: &Map<String, Value>) -> Result<Call, Error> {
    let (Some(table @ Value::Object(_)), 1) = (body.get("table"), body.len()) else {
        return Err(refuse(
            CLIENT,
            "its tabular_classification sends {\"table\": {...}}, not the task's \"inputs\": {\"data\": {...}}",
        ));
    };
    typed::no_nulls(table, CLIENT, "its tabular_classification")?;
    Ok(Call {
        method: "tabular_classification",
        args: vec![quote::pretty(table, &python::Python, 0)],
        result: "result",
        output: Output::Print,
    })
}

/// Keyword arguments for the `"parameters"` of `body`, each one in `allowed`.
fn parameter_keywords(
    body: &Map<String, Value>,
    allowed: &[&str],
    what: &str,
) -> Result<Vec<String>, Error> {
    let Some(parameters) = typed::parameters(body, CLIENT)? else {
        return Ok(Vec::new());
    };
    typed::only_keys(parameters, allowed, CLIENT, &format!("{what} (parameters)"))?;
    keywords(parameters.iter())
}

/// `key=value` arguments. The client drops arguments that are `None`, so a JSON
/// null cannot be sent this way.
fn keywords<'a>(
    items: impl Iterator<Item = (&'a String, &'a Value)>,
) -> Result<Vec<String>, Error> {
    items
        .map(|(key, value)| {
            if value.is_null() {
                Err(refuse(
                    CLIENT,
                    format!("it leaves out {key:?} when it is null"),
                ))
            } else {
                Ok(format!(
                    "{key}={}",
                    quote::pretty(value, &python::Python, 1)
                ))
            }
        })
        .collect()
}

/// The task of the method `task` is sent with: image-text-to-image goes through
/// `image_to_image`, text-to-audio through `text_to_speech`.
fn method_task(task: Task) -> Task {
    match task {
        Task::ImageTextToImage => Task::ImageToImage,
        Task::TextToAudio => Task::TextToSpeech,
        task => task,
    }
}

/// Whether an argument is `name=value`, not a positional one (a literal, a call).
fn is_keyword(arg: &str) -> bool {
    arg.split_once('=').is_some_and(|(name, _)| {
        !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

/// huggingface_hub, and the packages beyond it a task's method needs to give its
/// answer: Pillow for the PIL images `text_to_image` and `image_to_image` return and
/// the masks of `image_segmentation`, numpy for the array of `feature_extraction`.
/// Without them the snippet fails on a fresh install.
pub(crate) fn install(request: &Request) -> Option<Install> {
    let extras: &[&str] = match request.task {
        Some(
            Task::TextToImage
            | Task::ImageToImage
            | Task::ImageTextToImage
            | Task::ImageSegmentation,
        ) => &["pillow"],
        Some(Task::FeatureExtraction) => &["numpy"],
        _ => &[],
    };
    Some(Install::pip(&[&["huggingface_hub"], extras].concat()))
}
