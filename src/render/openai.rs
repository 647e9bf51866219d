//! What the `openai` SDKs can send, the checks their Python and JavaScript views
//! share.
//!
//! The SDKs post a JSON body to the base URL + the route of the method called
//! (`/chat/completions`, `/completions`, `/embeddings`), with the API key as a
//! bearer token. Captured on the wire with openai 3.57.0 (Python) and 6.49.0
//! (JavaScript): they add `Accept: application/json`, their `User-Agent` and
//! `X-Stainless-*` headers (tolerated by the conformance test, as other clients'
//! own headers are), send the caller's `default_headers` as given, and send the body's
//! values as given; the embeddings method adds `"encoding_format": "base64"` when the
//! body has none. The Python SDK writes the body's keys in its own order.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::Output;
use super::headers;
use super::typed::{self, refuse};
use crate::Client;
use crate::diagnostic::Field;
use crate::error::Error;
use crate::model::{JsonTemplate, Payload, Request, Slot, Token};
use crate::text::{Segment, Text};

/// The OpenAI route a request goes to, read from the end of its URL's path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Route {
    Chat,
    Completions,
    Embeddings,
}

impl Route {
    /// Chat first: `/chat/completions` also ends with `/completions`.
    const ALL: [Route; 3] = [Route::Chat, Route::Completions, Route::Embeddings];

    fn path(self) -> &'static str {
        match self {
            Route::Chat => "/chat/completions",
            Route::Completions => "/completions",
            Route::Embeddings => "/embeddings",
        }
    }

    /// The SDK's resource: `client.<resource>.create(...)`.
    pub(crate) fn resource(self) -> &'static str {
        match self {
            Route::Chat => "chat.completions",
            Route::Completions => "completions",
            Route::Embeddings => "embeddings",
        }
    }

    /// The body key, beside `"model"`, that the method requires.
    fn input(self) -> &'static str {
        match self {
            Route::Chat => "messages",
            Route::Completions => "prompt",
            Route::Embeddings => "input",
        }
    }
}

/// One call of an SDK method, checked: what both views write.
pub(crate) struct Call<'a> {
    pub route: Route,
    /// The URL without the route: the SDK's `base_url`.
    pub base_url: Text,
    /// The API key: the variable it is read from, or the placeholder.
    pub api_key: Text,
    /// The body, as a template (without slots when it reads no variable).
    pub body: Cow<'a, JsonTemplate>,
    /// The request's headers the SDK does not send by itself.
    pub headers: Vec<(&'a str, Cow<'a, Text>)>,
    pub output: Output,
    /// The name of the variable that holds the method's result.
    pub result: &'static str,
}

/// The call that sends `request` with `client`, or the reason it cannot.
pub(crate) fn call(request: &Request, client: Client) -> Result<Call<'_>, Error> {
    // The route first: it is why most requests are not for this client.
    let (route, base_url) = route(&request.url, client)?;
    if request.method() != "POST" {
        return Err(refuse(
            client,
            format!("it always sends POST, not {}", request.method()),
        ));
    }
    let api_key = api_key(request, client)?;
    if request.form_encodes() || request.reads_text_files() {
        return Err(refuse(
            client,
            "its snippets read no file's text and form-encode no variable",
        ));
    }
    typed::connection(request, client, client == Client::OpenaiPython)?;
    let body = body(request, client)?;
    let output = output(&body, route, client)?;
    // The SDK sends this Content-Type itself; any other it replaces (JavaScript) or
    // the snippet would have to say twice.
    let headers = request
        .wire_headers()
        .into_iter()
        .filter(|(name, _)| *name != "Content-Type")
        .collect();
    Ok(Call {
        route,
        base_url,
        api_key,
        body,
        headers,
        output,
        result: match output {
            Output::ChatStream | Output::CompletionStream => "stream",
            Output::Embeddings => "response",
            _ => "completion",
        },
    })
}

/// The API key the SDK sends as a bearer token.
fn api_key(request: &Request, client: Client) -> Result<Text, Error> {
    if let Some(key) = headers::api_key(&request.token) {
        return Ok(key);
    }
    Err(refuse(
        client,
        match request.token {
            Token::Basic { .. } => "it sends an API key as a bearer token, not a user and password",
            // An empty key is refused by the SDK, and a dummy one would be sent.
            _ if request.header_value("authorization").is_some() => {
                "it sends an API key as \"Authorization: Bearer KEY\", not the request's own Authorization header"
            }
            _ => {
                "it always sends an API key as a bearer token, and the request sends no Authorization header"
            }
        },
    ))
}

/// What the snippet prints, once the body's keys say that the method can send it.
fn output(body: &JsonTemplate, route: Route, client: Client) -> Result<Output, Error> {
    let object = match &body.value {
        Value::Object(object) => object,
        _ => return Err(refuse(client, "it sends a JSON object")),
    };
    required(object, body, route, client)?;
    let streams = match object.get("stream") {
        None => false,
        Some(Value::Bool(streams)) if body.slot("/stream").is_none() => *streams,
        Some(_) => return Err(refuse(client, "\"stream\" must be true or false")),
    };
    if route == Route::Embeddings && object.contains_key("stream") {
        return Err(refuse(
            client,
            "its embeddings method reads one JSON answer, never a stream",
        ));
    }
    Ok(match route {
        Route::Chat if streams => Output::ChatStream,
        Route::Chat if object.contains_key("tools") => Output::ChatMessage,
        Route::Chat => Output::ChatContent,
        Route::Completions if streams => Output::CompletionStream,
        Route::Completions => Output::Completion,
        Route::Embeddings => Output::Embeddings,
    })
}

/// The route of `url` and the base URL before it. The SDK joins them with the
/// path alone: a query string, or a route written by a variable, cannot be kept.
fn route(url: &Text, client: Client) -> Result<(Route, Text), Error> {
    let segments = url.segments();
    let unknown = || {
        refuse(
            client,
            "the URL is not an OpenAI route (it posts to a base URL + /chat/completions, /completions or /embeddings)",
        )
        .about(Field::Url)
    };
    let shown = url.shown();
    let (path, query) = match shown.split_once('?') {
        Some((path, _)) => (path, true),
        None => (shown.as_ref(), false),
    };
    let Some(route) = Route::ALL
        .into_iter()
        .find(|route| path.ends_with(route.path()))
    else {
        return Err(unknown());
    };
    if query {
        return Err(refuse(client, "its base URL takes no query string").about(Field::Url));
    }
    let Some((Segment::Literal(last), before)) = segments.split_last() else {
        return Err(unknown());
    };
    if !last.ends_with(route.path()) {
        return Err(unknown());
    }
    let mut base = Text::new();
    for segment in before {
        base.push(segment.clone());
    }
    base.push_str(&last[..last.len() - route.path().len()]);
    if base
        .as_literal()
        .is_some_and(|base| base.ends_with("://") || !base.contains("://"))
    {
        return Err(unknown());
    }
    Ok((route, base))
}

/// The JSON body as a template, sent as `application/json`.
fn body(request: &Request, client: Client) -> Result<Cow<'_, JsonTemplate>, Error> {
    if request.content_type() != Some("application/json") {
        return Err(refuse(
            client,
            "it always sends Content-Type: application/json",
        ));
    }
    match &request.payload {
        Payload::Json(value) => Ok(Cow::Owned(JsonTemplate {
            value: value.clone(),
            slots: Vec::new(),
        })),
        Payload::JsonTemplate(template) => Ok(Cow::Borrowed(template)),
        Payload::None => Err(refuse(client, "its methods always send a JSON body")),
        _ => Err(refuse(
            client,
            "it sends a JSON body, not text, a file or a form",
        )),
    }
}

/// The keys the method requires: `"model"` and its input.
fn required(
    object: &Map<String, Value>,
    body: &JsonTemplate,
    route: Route,
    client: Client,
) -> Result<(), Error> {
    for key in ["model", route.input()] {
        if !object.contains_key(key) {
            return Err(refuse(
                client,
                format!(
                    "its {}.create always sends {key:?}; add it to the payload",
                    route.resource()
                ),
            ));
        }
    }
    if route == Route::Embeddings && !object.contains_key("encoding_format") {
        return Err(refuse(
            client,
            "its embeddings method adds \"encoding_format\": \"base64\" to a body without one; add \"encoding_format\": \"float\" to the payload",
        ));
    }
    if body.slot("/model").is_some_and(|slot| slot.number) {
        return Err(refuse(client, "\"model\" must be a string"));
    }
    Ok(())
}

/// The part of `template` at its top-level `key`, its slots' pointers made relative.
pub(crate) fn below(template: &JsonTemplate, key: &str) -> JsonTemplate {
    let prefix = format!("/{}", key.replace('~', "~0").replace('/', "~1"));
    let slots = template
        .slots
        .iter()
        .filter_map(|slot| {
            let rest = slot.pointer.strip_prefix(&prefix)?;
            (rest.is_empty() || rest.starts_with('/')).then(|| Slot {
                pointer: rest.to_owned(),
                ..slot.clone()
            })
        })
        .collect();
    JsonTemplate {
        value: template.value.get(key).cloned().unwrap_or(Value::Null),
        slots,
    }
}

/// The top-level keys of `template` not in `keep`, as one template.
pub(crate) fn without(template: &JsonTemplate, keep: &dyn Fn(&str) -> bool) -> JsonTemplate {
    let Value::Object(object) = &template.value else {
        return template.clone();
    };
    let rest: Map<String, Value> = object
        .iter()
        .filter(|(key, _)| !keep(key))
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect();
    let slots = template
        .slots
        .iter()
        .filter(|slot| {
            let first = slot.pointer[1..].split('/').next().unwrap_or_default();
            let key = first.replace("~1", "/").replace("~0", "~");
            rest.contains_key(&key)
        })
        .cloned()
        .collect();
    JsonTemplate {
        value: Value::Object(rest),
        slots,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Var;
    use serde_json::json;

    #[test]
    fn routes_and_base_urls() {
        let cases = [
            (
                "https://router.huggingface.co/v1/chat/completions",
                Some((Route::Chat, "https://router.huggingface.co/v1")),
            ),
            (
                "https://x.cloud/v1/completions",
                Some((Route::Completions, "https://x.cloud/v1")),
            ),
            (
                "https://x.cloud/embeddings",
                Some((Route::Embeddings, "https://x.cloud")),
            ),
            ("https://x.cloud/v1/chat/completions/", None),
            ("https://x.cloud/v1/generate", None),
            ("https://x.cloud/v1/embeddings?x=1", None),
        ];
        for (url, expected) in cases {
            let found = route(&Text::from(url), Client::OpenaiPython)
                .ok()
                .map(|(route, base)| (route, base.to_string()));
            assert_eq!(
                found,
                expected.map(|(route, base)| (route, base.to_owned())),
                "{url}"
            );
        }
        let mut url = Text::var(Var::new("ENDPOINT"));
        url.push_str("/v1/chat/completions");
        let (_, base) = route(&url, Client::OpenaiJs).expect("a route");
        assert_eq!(base.to_string(), "${ENDPOINT}/v1");
    }

    #[test]
    fn templates_split_by_key() {
        let template = JsonTemplate {
            value: json!({"model": null, "a/b": {"n": null}, "x": 1}),
            slots: vec![
                Slot {
                    pointer: "/model".into(),
                    text: Text::var(Var::new("M")),
                    number: false,
                },
                Slot {
                    pointer: "/a~1b/n".into(),
                    text: Text::var(Var::new("N")),
                    number: true,
                },
            ],
        };
        let model = below(&template, "model");
        assert_eq!(model.slots[0].pointer, "");
        let nested = below(&template, "a/b");
        assert_eq!(nested.slots[0].pointer, "/n");
        let rest = without(&template, &|key| key == "model");
        assert_eq!(rest.value, json!({"a/b": {"n": null}, "x": 1}));
        assert_eq!(rest.slots.len(), 1);
    }
}
