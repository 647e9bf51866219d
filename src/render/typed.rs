//! What the typed Hugging Face clients can send: the checks both of them share.
//!
//! A typed client is only used when its method sends exactly the request; each
//! check that fails becomes the reason of a refusal that names the generic client.

use serde_json::{Map, Value};

use crate::diagnostic::{Code, Field, Hint};
use crate::error::Error;
use crate::model::{FileBytes, JsonTemplate, Payload, Request, Slot, Token};
use crate::text::Segment;
use crate::{Client, Task};

/// A refusal naming the generic client of the same language.
pub(crate) fn refuse(client: Client, reason: impl Into<String>) -> Error {
    super::refusal(client, reason.into(), Some(client.generic()))
}

/// The task of a request a typed client may send: it has a task, and is a POST
/// with a JSON or file body.
pub(crate) fn task(request: &Request, client: Client) -> Result<Task, Error> {
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
    body(request, client)?;
    // Asked last: naming a task is offered only for a request a task would let
    // the client send.
    request.task.ok_or_else(|| {
        Error::new(
            Code::MissingTask,
            format!(
                "{}it calls a typed method per task and the request names none",
                super::refused(client)
            ),
        )
        .hint(Hint::AddTask)
        .hint(Hint::UseClient(client.generic()))
    })
}

/// The bodies a typed client sends: JSON, or a file's bytes as they are.
fn body(request: &Request, client: Client) -> Result<(), Error> {
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
        Payload::Json(_) | Payload::File { .. } => Ok(()),
        // The methods that take an image read its file themselves (see `image_body`).
        Payload::JsonTemplate(template) if files_only(template) => Ok(()),
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
        Payload::JsonTemplate(_) => Err(refuse(
            client,
            format!("its {task} method takes the body's values as written, not a file's base64"),
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

/// The base64 image at `value` (found at `place` of the body), for the methods that
/// take an image and send its base64 in JSON. The snippet decodes it for the method,
/// which encodes it again: only a string in canonical base64 (standard alphabet,
/// padded, no stray bits) comes back the same.
pub(crate) fn base64_image<'a>(
    value: Option<&'a Value>,
    place: &str,
    client: Client,
    what: &str,
) -> Result<&'a str, Error> {
    match value {
        Some(Value::String(text)) if is_canonical_base64(text) => Ok(text),
        Some(Value::String(_)) => Err(refuse(
            client,
            format!(
                "{what} encodes the image in base64 itself, and the string at {place} is not canonical base64 (standard alphabet, padded): it would not come back the same"
            ),
        )),
        _ => Err(refuse(
            client,
            format!("{what} sends the image as a base64 string at {place}"),
        )),
    }
}

/// Whether every slot of `template` is a file's base64.
fn files_only(template: &JsonTemplate) -> bool {
    template
        .slots
        .iter()
        .all(|slot| matches!(slot.text.segments(), [Segment::FileBase64(_)]))
}

/// The image a typed method takes: base64 written in the body, or the file whose
/// base64 the request sends, which the method reads and encodes itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Image<'a> {
    /// Canonical base64 in the body.
    Base64(&'a str),
    /// The path of the file.
    File(&'a str),
}

/// The JSON object body of a method that takes an image, and the files whose
/// base64 it holds (a spec's `base64_files`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct ImageBody<'a> {
    /// The body, `null` where a file goes.
    pub object: &'a Map<String, Value>,
    value: &'a Value,
    files: &'a [Slot],
}

/// The body of a request sent by a method that takes an image.
pub(crate) fn image_body(
    request: &Request,
    client: Client,
    task: Task,
) -> Result<ImageBody<'_>, Error> {
    match &request.payload {
        Payload::JsonTemplate(template) if files_only(template) => match &template.value {
            Value::Object(object) => Ok(ImageBody {
                object,
                value: &template.value,
                files: &template.slots,
            }),
            _ => Err(refuse(
                client,
                format!("its {task} method sends a JSON object"),
            )),
        },
        Payload::Json(value) => Ok(ImageBody {
            object: object(request, client, task)?,
            value,
            files: &[],
        }),
        _ => object(request, client, task).map(|object| ImageBody {
            object,
            value: &Value::Null,
            files: &[],
        }),
    }
}

impl<'a> ImageBody<'a> {
    /// The image at `pointer` (`place` in words): a file the request reads, or
    /// canonical base64 (see [`base64_image`]). Fails when a file's base64 goes
    /// anywhere else: the method reads one file, the image.
    pub(crate) fn image(
        &self,
        pointer: &str,
        place: &str,
        client: Client,
        what: &str,
    ) -> Result<Image<'a>, Error> {
        if let Some(slot) = self.files.iter().find(|slot| slot.pointer != pointer) {
            return Err(refuse(
                client,
                format!(
                    "{what} sends one file's base64, the image at {place}, and the body has one at {}",
                    slot.pointer
                ),
            ));
        }
        match self.files.first().map(|slot| slot.text.segments()) {
            Some([Segment::FileBase64(path)]) => Ok(Image::File(path)),
            _ => base64_image(self.value.pointer(pointer), place, client, what).map(Image::Base64),
        }
    }
}

/// Whether `text` is what encoding its decoded bytes in standard padded base64 gives.
fn is_canonical_base64(text: &str) -> bool {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = text.as_bytes();
    if bytes.is_empty() || !bytes.len().is_multiple_of(4) {
        return false;
    }
    let padding = bytes.iter().rev().take_while(|b| **b == b'=').count();
    let data = &bytes[..bytes.len() - padding];
    let sextet = |byte: &u8| ALPHABET.iter().position(|a| a == byte);
    let Some(last) = data.last().and_then(sextet) else {
        return false;
    };
    // The low bits of the last character before padding encode no byte: a decoder
    // drops them, so they must be zero to survive the round trip.
    let unused = match padding {
        0 => 0,
        1 => 0b11,
        2 => 0b1111,
        _ => return false,
    };
    last & unused == 0 && data.iter().all(|byte| sextet(byte).is_some())
}

/// Fails on the first `null` inside `value`: the typed clients drop null values
/// (huggingface_hub's `filter_none` goes down every level).
pub(crate) fn no_nulls(value: &Value, client: Client, what: &str) -> Result<(), Error> {
    match value {
        Value::Null => Err(refuse(client, format!("{what} leaves out null values"))),
        Value::Array(items) => items
            .iter()
            .try_for_each(|item| no_nulls(item, client, what)),
        Value::Object(map) => map
            .values()
            .try_for_each(|item| no_nulls(item, client, what)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_base64_only() {
        for good in ["iVBORw0KGgo=", "YQ==", "YWI=", "YWJj"] {
            assert!(is_canonical_base64(good), "{good}");
        }
        // Unpadded, stray bits, a line break, URL-safe letters, empty.
        for bad in ["YQ", "YR==", "YWJj\nYWJj", "-_-_", ""] {
            assert!(!is_canonical_base64(bad), "{bad}");
        }
    }
}
