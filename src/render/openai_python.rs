//! Python with the `openai` SDK: `OpenAI(base_url=...)` and one `create` call per
//! OpenAI route (see [`super::openai`] for what it can send).

use askama::Template;

use super::Output;
use super::openai::{self, Route};
use crate::Client;
use crate::error::Error;
use crate::model::{JsonTemplate, Request};
use crate::quote::{JsonBody, Syntax, python};

const CLIENT: Client = Client::OpenaiPython;

/// Body keys each method takes as keyword arguments and sends as given (captured
/// with openai 3.57.0); any other key goes through `extra_body`, which the SDK
/// merges into the body untouched.
const CHAT: &[&str] = &[
    "model",
    "messages",
    "frequency_penalty",
    "logit_bias",
    "logprobs",
    "max_completion_tokens",
    "max_tokens",
    "n",
    "parallel_tool_calls",
    "presence_penalty",
    "response_format",
    "seed",
    "stop",
    "stream",
    "stream_options",
    "temperature",
    "tool_choice",
    "tools",
    "top_logprobs",
    "top_p",
    "user",
];
const COMPLETIONS: &[&str] = &[
    "model",
    "prompt",
    "best_of",
    "echo",
    "frequency_penalty",
    "logit_bias",
    "logprobs",
    "max_tokens",
    "n",
    "presence_penalty",
    "seed",
    "stop",
    "stream",
    "stream_options",
    "suffix",
    "temperature",
    "top_p",
    "user",
];
const EMBEDDINGS: &[&str] = &["model", "input", "dimensions", "encoding_format", "user"];

#[derive(Template)]
#[template(path = "python/openai.py")]
pub(crate) struct View {
    needs_os: bool,
    /// `import json`, for numbers read from the environment.
    needs_json: bool,
    /// `import base64`, for a file's base64.
    needs_base64: bool,
    base_url: String,
    api_key: String,
    /// `default_headers` keys and values, as Python source.
    headers: Vec<(String, String)>,
    /// The `timeout=` seconds (curl's `-m`).
    timeout: Option<String>,
    resource: &'static str,
    /// `key=value` arguments of the call, `extra_body=` last.
    args: Vec<String>,
    result: &'static str,
    output: Output,
}

pub(crate) fn view(request: &Request) -> Result<View, Error> {
    let call = openai::call(request, CLIENT)?;
    let keywords = match call.route {
        Route::Chat => CHAT,
        Route::Completions => COMPLETIONS,
        Route::Embeddings => EMBEDDINGS,
    };
    let body = call.body.as_ref();
    let keys: Vec<&String> = match &body.value {
        serde_json::Value::Object(object) => object.keys().collect(),
        _ => Vec::new(),
    };
    let mut args: Vec<String> = keys
        .iter()
        .filter(|key| keywords.contains(&key.as_str()))
        .map(|key| format!("{key}={}", value(&openai::below(body, key))))
        .collect();
    let extra = openai::without(body, &|key| keywords.contains(&key));
    if extra
        .value
        .as_object()
        .is_some_and(|extra| !extra.is_empty())
    {
        args.push(format!("extra_body={}", value(&extra)));
    }
    let reads = request.reads();
    Ok(View {
        needs_os: reads.env,
        needs_base64: reads.base64,
        needs_json: body.slots.iter().any(|slot| slot.number),
        base_url: python::text(&call.base_url),
        api_key: python::text(&call.api_key),
        headers: call
            .headers
            .iter()
            .map(|(name, value)| python::Python.header(name, value))
            .collect(),
        timeout: request
            .connection
            .timeout
            .map(|seconds| seconds.to_string()),
        resource: call.route.resource(),
        args,
        result: call.result,
        output: call.output,
    })
}

/// A JSON value as a keyword argument's Python value.
fn value(template: &JsonTemplate) -> String {
    python::json(JsonBody::Template(template), 1)
}
