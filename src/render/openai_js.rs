//! JavaScript with the `openai` SDK: `new OpenAI({ baseURL })` and one `create`
//! call per OpenAI route (see [`super::openai`] for what it can send). The SDK
//! sends the arguments object as the body, keys in their order.

use askama::Template;

use super::Output;
use super::openai;
use super::typed::refuse;
use crate::Client;
use crate::error::Error;
use crate::model::Request;
use crate::quote::{JsonBody, Syntax, js};

const CLIENT: Client = Client::OpenaiJs;

#[derive(Template)]
#[template(path = "js/openai.js")]
pub(crate) struct View {
    /// Lines that stop the snippet when a variable it reads is unset.
    checks: Vec<String>,
    /// `readFileSync`, for a file's base64.
    reads_file: bool,
    base_url: String,
    api_key: String,
    /// `defaultHeaders` keys and values, as JavaScript source.
    headers: Vec<(String, String)>,
    resource: &'static str,
    /// The arguments object: the body.
    body: String,
    result: &'static str,
    output: Output,
}

pub(crate) fn view(request: &Request) -> Result<View, Error> {
    let call = openai::call(request, CLIENT)?;
    if !js::numbers_fit(&call.body.value) {
        return Err(refuse(
            CLIENT,
            "a number in the payload does not fit a JavaScript number",
        ));
    }
    Ok(View {
        checks: super::fetch::checks(request),
        reads_file: request.reads().base64,
        base_url: js::text(&call.base_url),
        // The checks before it stop the snippet when the key's variable is unset.
        api_key: js::text(&call.api_key),
        headers: call
            .headers
            .iter()
            .map(|(name, value)| js::Js.header(name, value))
            .collect(),
        resource: call.route.resource(),
        body: js::json(JsonBody::Template(&call.body), 0),
        result: call.result,
        output: call.output,
    })
}
