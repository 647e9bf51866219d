//! What the typed Hugging Face clients can send: the checks both of them share.
//!
//! A typed client is only used when its method sends exactly the request; each
//! check that fails becomes the reason of a refusal that names the generic client.

use serde_json::{Map, Value};

use crate::diagnostic::{Code, Field, Hint};
use crate::error::Error;
use crate::model::{FileBytes, Payload, Request, Token};
use crate::{Client, Task};

/// A refusal naming the generic client of the same language.
pub(crate) fn refuse(client: Client, reason: impl Into<String>) -> Error {
    super::refusal(client, reason.into(), Some(client.generic()))
}

/// The task of a request a typed client may send: it has a task, and is a POST
/// with a JSON or file body.
pub(crate) fn task(request: &Request, client: Client) -> Result<Task, Error> {
    let Some(task) = request.task else {
        return Err(Error::new(
            Code::MissingTask,
            format!("{client} cannot send this request: it calls a typed method per task and the request names none"),
        )
        .hint(Hint::AddTask)
        .hint(Hint::UseClient(client.generic())));
    };
    if request.method() != "POST" {
        return Err(refuse(
            client,
            format!("it always sends POST, not {}", request.method()),
        ));
    }
    if request.form_encodes() {
        return Err(refuse(
            client,
            "its snippets form-encode no value read from the environment",
        ));
    }
    if request.reads_text_files() {
        return Err(refuse(
            client,
            "its snippets read no file's text for the URL or a header",
        ));
    }
    if let Token::Basic { .. } = request.token {
        return Err(refuse(
            client,
            "it sends a bearer token, not a user and password",
        ));
    }
    match &request.payload {
        Payload::File {
            bytes: FileBytes::StripLineBreaks,
            ..
        } => Err(refuse(
            client,
            "it sends the file as it is, and curl's -d @file drops its line breaks",
        )),
        Payload::File {
            bytes: FileBytes::TrimTrailingNewlines,
            ..
        } => Err(refuse(
            client,
            "it sends the file as it is, and the shell's \"$(cat file)\" drops its last line breaks",
        )),
        Payload::Json(_) | Payload::File { .. } => Ok(task),
        Payload::JsonTemplate(_) => Err(refuse(
            client,
            "its methods take the body's values as written, not read from the environment",
        )),
        Payload::None => Err(refuse(client, "its methods always send a body")),
        Payload::Text { .. } => Err(refuse(client, "it sends JSON or file bytes, not raw text")),
        Payload::Multipart(_) => Err(refuse(client, "it sends no multipart forms")),
    }
}

/// The connection options a typed client can set: a time limit when `timeout`
/// names its keyword; compression and redirects are its own business.
pub(crate) fn connection(request: &Request, client: Client, timeout: bool) -> Result<(), Error> {
    let connection = &request.connection;
    let reason = if connection.insecure {
        "it always checks TLS certificates (curl's --insecure)"
    } else if connection.proxy.is_some() {
        "it takes no proxy (curl's --proxy)"
    } else if connection.connect_timeout.is_some() {
        "it takes no connect timeout (curl's --connect-timeout)"
    } else if connection.timeout.is_some() && !timeout {
        "it takes no time limit (curl's --max-time)"
    } else {
        return Ok(());
    };
    Err(refuse(client, reason).about(Field::Connection))
}

/// The JSON object body, for the tasks whose input is JSON.
pub(crate) fn object(
    request: &Request,
    client: Client,
    task: Task,
) -> Result<&Map<String, Value>, Error> {
    match &request.payload {
        Payload::Json(Value::Object(body)) => Ok(body),
        Payload::Json(_) => Err(refuse(
            client,
            format!("its {task} method sends a JSON object"),
        )),
        _ => Err(refuse(
            client,
            format!("its {task} method sends JSON, not a file"),
        )),
    }
}

/// The `"inputs"` string of a `{"inputs": ..., "parameters": {...}}` body.
pub(crate) fn text_inputs(
    body: &Map<String, Value>,
    client: Client,
    task: Task,
) -> Result<&str, Error> {
    match body.get("inputs") {
        Some(Value::String(text)) => Ok(text),
        Some(_) => Err(refuse(
            client,
            format!("its {task} method takes a string as \"inputs\""),
        )),
        None => Err(refuse(
            client,
            format!("its {task} method sends \"inputs\" and the payload has none"),
        )),
    }
}

/// Fails on the first key of `body` not in `allowed`.
pub(crate) fn only_keys(
    body: &Map<String, Value>,
    allowed: &[&str],
    client: Client,
    what: &str,
) -> Result<(), Error> {
    match body.keys().find(|key| !allowed.contains(&key.as_str())) {
        Some(key) => Err(refuse(client, format!("{what} cannot send {key:?}"))),
        None => Ok(()),
    }
}

/// The `"parameters"` object, empty when absent.
pub(crate) fn parameters(
    body: &Map<String, Value>,
    client: Client,
) -> Result<Option<&Map<String, Value>>, Error> {
    match body.get("parameters") {
        None => Ok(None),
        Some(Value::Object(parameters)) => Ok(Some(parameters)),
        Some(_) => Err(refuse(
            client,
            "\"parameters\" must be an object for a typed method",
        )),
    }
}

/// Chat clients append `/v1/chat/completions` unless the URL already ends with
/// `/chat/completions`: only then is the URL the request's own.
pub(crate) fn chat_url(request: &Request, client: Client) -> Result<(), Error> {
    if request.url.shown().ends_with("/chat/completions") {
        Ok(())
    } else {
        Err(refuse(
            client,
            "its chat method posts to the URL + \"/v1/chat/completions\"; give the full chat URL ending in /chat/completions",
        ))
    }
}

/// Chat methods always send `"model"`; the payload must say which.
pub(crate) fn chat_body(request: &Request, client: Client) -> Result<&Map<String, Value>, Error> {
    chat_url(request, client)?;
    let body = object(request, client, Task::ChatCompletion)?;
    if !matches!(body.get("model"), Some(Value::String(_))) {
        return Err(refuse(
            client,
            "its chat method always sends \"model\"; add \"model\" (e.g. \"tgi\") to the payload",
        ));
    }
    if !matches!(body.get("messages"), Some(Value::Array(_))) {
        return Err(refuse(
            client,
            "its chat method sends a \"messages\" array and the payload has none",
        ));
    }
    if !matches!(body.get("stream"), None | Some(Value::Bool(_))) {
        return Err(refuse(client, "\"stream\" must be true or false"));
    }
    Ok(body)
}
