//! `client.chat.completions.create(...)`: an OpenAI-style chat, images in the
//! messages or not, with the keys it has no keyword for sent through `extra_body`.

use serde_json::{Map, Value};

use super::{CLIENT, Call, keywords};
use crate::error::Error;
use crate::model::Request;
use crate::quote::{self, python};
use crate::render::Output;
use crate::render::typed::{self, refuse};

/// Chat keys with a keyword argument; any other key goes through `extra_body`.
const CHAT: &[&str] = &[
    "frequency_penalty",
    "logit_bias",
    "logprobs",
    "max_tokens",
    "n",
    "presence_penalty",
    "response_format",
    "seed",
    "stop",
    "stream_options",
    "temperature",
    "tool_choice",
    "tool_prompt",
    "tools",
    "top_logprobs",
    "top_p",
];

/// The chat call; `stream=True` when the payload streams.
pub(super) fn call(request: &Request) -> Result<Call, Error> {
    let body = typed::chat_body(request, CLIENT)?;
    if body.get("response_format").and_then(|f| f.get("type")) == Some(&Value::from("json_schema"))
    {
        return Err(refuse(
            CLIENT,
            "it rewrites a \"json_schema\" response_format into another shape",
        ));
    }
    let mut args = Vec::new();
    let mut extra = Map::new();
    for key in ["model", "messages"] {
        args.push(format!(
            "{key}={}",
            quote::pretty(&body[key], &python::Python, 1)
        ));
    }
    for (key, value) in body {
        match key.as_str() {
            "model" | "messages" | "stream" => {}
            known if CHAT.contains(&known) => {
                args.extend(keywords(std::iter::once((key, value)))?);
            }
            _ => {
                extra.insert(key.clone(), value.clone());
            }
        }
    }
    if !extra.is_empty() {
        args.push(format!(
            "extra_body={}",
            quote::pretty(&Value::Object(extra), &python::Python, 1)
        ));
    }
    let streams = request.payload.streams();
    if streams {
        args.push("stream=True".into());
    }
    Ok(Call {
        method: "chat.completions.create",
        args,
        result: if streams { "stream" } else { "completion" },
        output: if streams {
            Output::ChatStream
        } else {
            Output::ChatContent
        },
    })
}
