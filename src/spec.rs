//! The JSON request spec: the documented file format for one request.
//!
//! ```json
//! {"url": "https://xyz.endpoints.huggingface.cloud/wav2vec-asr",
//!  "file": "sample1.flac", "content_type": "audio/x-flac",
//!  "task": "automatic-speech-recognition", "token": "hf_***"}
//! ```
//! Every problem is reported with the place in the text it concerns.

use serde_json::{Map, Value};

use crate::error::Error;
use crate::model::{Payload, Request, Token};
use crate::{Task, mime};

const KEYS: &[&str] = &[
    "url",
    "method",
    "headers",
    "token",
    "json",
    "data",
    "file",
    "content_type",
    "task",
    "model",
];

/// The MIME type of a `data` payload when the spec names none.
pub const DEFAULT_TEXT_TYPE: &str = "text/plain";

/// serde_json's message without its position (given apart), with what to do.
fn json_error(err: &serde_json::Error) -> String {
    let full = err.to_string();
    let what = strip_position(&full);
    let hint = if err.is_eof() {
        " (the text ends before the JSON is complete; close what is open)"
    } else if what.contains("recursion limit") {
        " (nested more than 128 levels deep)"
    } else {
        ""
    };
    format!("invalid JSON: {what}{hint}")
}

/// Reads a JSON request spec. `origin` names the text in error messages (a path, `<stdin>`).
///
/// # Example
/// ```
/// use inference_snippets::{Payload, Token, parse_spec};
///
/// let request = parse_spec(
///     r#"{"url": "https://xyz.endpoints.huggingface.cloud/wav2vec-asr",
///         "file": "sample1.flac", "content_type": "audio/x-flac", "token": "hf_***"}"#,
///     "asr.json",
/// ).unwrap();
/// assert_eq!(request.token, Token::Placeholder("hf_***".into()));
/// assert!(matches!(request.payload, Payload::File { .. }));
///
/// let error = parse_spec(r#"{"url": "https://x.cloud", "jsn": {}}"#, "bad.json").unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     r#"bad.json: line 1, column 28: unknown key "jsn" (did you mean "json"?)"#
/// );
/// ```
pub fn parse_spec(text: &str, origin: &str) -> Result<Request, Error> {
    let reader = SpecReader { text, origin };
    if text.trim().is_empty() {
        return Err(reader.error(
            None,
            r#"the spec is empty; write a JSON object such as {"url": "https://..."}"#,
        ));
    }
    let value: Value = serde_json::from_str(text).map_err(|err| Error::Spec {
        origin: origin.to_owned(),
        // serde_json counts the column of an error before the first character as 0.
        at: Some((err.line(), err.column().max(1))),
        message: json_error(&err),
    })?;
    if let Some((key, at)) = duplicate_key(text) {
        return Err(Error::Spec {
            origin: origin.to_owned(),
            at: Some(at),
            message: format!("key {key:?} is given twice in one object; keep one"),
        });
    }
    let Value::Object(spec) = value else {
        return Err(reader.error(None, "a request spec must be a JSON object"));
    };
    reader.read(&spec)
}

struct SpecReader<'a> {
    text: &'a str,
    origin: &'a str,
}

impl SpecReader<'_> {
    fn read(&self, spec: &Map<String, Value>) -> Result<Request, Error> {
        if let Some(key) = spec.keys().find(|key| !KEYS.contains(&key.as_str())) {
            let hint = crate::suggest::closest(key, KEYS.iter().copied(), 2).map_or_else(
                || format!("; known keys: {}", KEYS.join(", ")),
                |known| format!(" (did you mean {known:?}?)"),
            );
            return Err(self.error(Some(key), &format!("unknown key {key:?}{hint}")));
        }
        let url = match spec.get("url") {
            Some(Value::String(url)) => url.clone(),
            Some(_) => return Err(self.error(Some("url"), "\"url\" must be a string")),
            None => return Err(self.error(None, "missing \"url\": the endpoint to call")),
        };
        let mut request = Request::new(url);
        request.method = self
            .string(spec, "method")?
            .map(|method| method.to_ascii_uppercase());
        request.headers = self.headers(spec)?;
        request.token = self.token(spec, &request.headers)?;
        request.payload = self.payload(spec, &mut request.headers)?;
        request.task = match self.string(spec, "task")? {
            None => None,
            Some(name) => Some(
                name.parse::<Task>()
                    .map_err(|err| self.error(Some("task"), &err.to_string()))?,
            ),
        };
        request.model = self.string(spec, "model")?;
        request.validate().map_err(|err| {
            let message = err.to_string();
            self.error(key_of(&message, spec), &message)
        })?;
        Ok(request)
    }

    fn headers(&self, spec: &Map<String, Value>) -> Result<Vec<(String, String)>, Error> {
        let Some(headers) = spec.get("headers") else {
            return Ok(Vec::new());
        };
        let Value::Object(headers) = headers else {
            return Err(self.error(
                Some("headers"),
                "\"headers\" must be an object like {\"X-Name\": \"value\"}",
            ));
        };
        headers
            .iter()
            .map(|(name, value)| match value {
                Value::String(value) => Ok((name.clone(), value.clone())),
                _ => Err(self.error(
                    Some("headers"),
                    &format!("header {name:?} must have a string value"),
                )),
            })
            .collect()
    }

    fn token(
        &self,
        spec: &Map<String, Value>,
        headers: &[(String, String)],
    ) -> Result<Token, Error> {
        match spec.get("token") {
            // A spec that sets its own Authorization header means to send that instead.
            None if headers
                .iter()
                .any(|(name, _)| name.eq_ignore_ascii_case("authorization")) =>
            {
                Ok(Token::None)
            }
            None => Ok(Token::default()),
            Some(Value::Null) => Ok(Token::None),
            Some(Value::String(text)) => {
                Token::parse(text).map_err(|message| self.error(Some("token"), &message))
            }
            Some(_) => Err(self.error(
                Some("token"),
                "\"token\" must be \"$VARIABLE\", a placeholder string such as \"hf_***\", or null",
            )),
        }
    }

    fn payload(
        &self,
        spec: &Map<String, Value>,
        headers: &mut Vec<(String, String)>,
    ) -> Result<Payload, Error> {
        let given: Vec<&str> = ["json", "data", "file"]
            .into_iter()
            .filter(|key| spec.contains_key(*key))
            .collect();
        if let [first, second, ..] = given[..] {
            return Err(self.error(
                Some(second),
                &format!("\"{first}\" and \"{second}\" both give a body; keep one"),
            ));
        }
        let content_type = self.string(spec, "content_type")?;
        let header_type = headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("content-type"))
            .map(|(_, value)| value.clone());
        if let (Some(key_type), Some(header_type)) = (&content_type, &header_type)
            && key_type != header_type
        {
            return Err(self.error(
                Some("content_type"),
                &format!(
                    "\"content_type\" {key_type:?} disagrees with the Content-Type header {header_type:?}; keep one"
                ),
            ));
        }
        // Once a payload carries the type, the header would only say it twice.
        let mut take_type = |fallback: Option<String>| -> Option<String> {
            headers.retain(|(name, _)| !name.eq_ignore_ascii_case("content-type"));
            content_type.clone().or(header_type.clone()).or(fallback)
        };
        match given.first().copied() {
            None if content_type.is_some() => Err(self.error(
                Some("content_type"),
                "\"content_type\" needs a body: add \"json\", \"data\" or \"file\"",
            )),
            None => Ok(Payload::None),
            Some("json") => {
                if let Some(key_type) = content_type
                    && header_type.is_none()
                {
                    headers.push(("Content-Type".to_owned(), key_type));
                }
                Ok(Payload::Json(spec["json"].clone()))
            }
            Some("data") => match &spec["data"] {
                Value::String(body) => Ok(Payload::Text {
                    body: body.clone(),
                    content_type: take_type(Some(DEFAULT_TEXT_TYPE.to_owned())),
                }),
                _ => Err(self.error(
                    Some("data"),
                    "\"data\" must be a string; use \"json\" to send a JSON value",
                )),
            },
            Some(_) => {
                let Value::String(path) = &spec["file"] else {
                    return Err(self.error(Some("file"), "\"file\" must be a path string"));
                };
                let guessed = mime::guess(path).map(str::to_owned);
                match take_type(guessed) {
                    Some(content_type) => Ok(Payload::File {
                        path: path.clone(),
                        content_type: Some(content_type),
                        strip_line_breaks: false,
                    }),
                    None => Err(self.error(
                        Some("file"),
                        &format!(
                            "cannot tell the MIME type of {path:?}; add \"content_type\", e.g. \"audio/flac\""
                        ),
                    )),
                }
            }
        }
    }

    fn string(&self, spec: &Map<String, Value>, key: &str) -> Result<Option<String>, Error> {
        match spec.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.clone())),
            Some(_) => Err(self.error(Some(key), &format!("{key:?} must be a string"))),
        }
    }

    /// An error placed at the top-level `key` of the spec when there is one.
    fn error(&self, key: Option<&str>, message: &str) -> Error {
        Error::Spec {
            origin: self.origin.to_owned(),
            at: key.and_then(|key| locate_key(self.text, key)),
            message: message.to_owned(),
        }
    }
}

/// The key of the spec a validation message is about, to place it.
fn key_of<'a>(message: &str, spec: &'a Map<String, Value>) -> Option<&'a str> {
    let about = |prefix: &str| message.starts_with(&format!("invalid request: {prefix}"));
    let key = if about("url") {
        "url"
    } else if about("header") || about("a multipart") {
        "headers"
    } else if about("method") {
        "method"
    } else if about("token") || about("the token") {
        "token"
    } else if about("file path") {
        "file"
    } else if about("the content type") {
        "content_type"
    } else {
        return None;
    };
    spec.get_key_value(key).map(|(key, _)| key.as_str())
}

/// serde_json ends its messages with " at line L column C"; we print the place first.
fn strip_position(message: &str) -> &str {
    message
        .rfind(" at line ")
        .map_or(message, |index| &message[..index])
}

/// One object key of a JSON text: which object holds it (numbered in order of
/// opening, the outermost being 0), its raw text between the quotes, and where its
/// opening quote is.
struct Key<'a> {
    object: usize,
    raw: &'a str,
    at: usize,
}

/// Every object key of an already valid JSON text, in order.
fn keys(text: &str) -> Vec<Key<'_>> {
    // Per open bracket: the object's number, or None for an array; and whether the
    // next string in that object is a key (after `{` or `,`) rather than a value.
    let mut open: Vec<(Option<usize>, bool)> = Vec::new();
    let mut objects = 0;
    let mut found = Vec::new();
    let mut chars = text.char_indices();
    while let Some((index, c)) = chars.next() {
        match c {
            '{' => {
                open.push((Some(objects), true));
                objects += 1;
            }
            '[' => open.push((None, false)),
            '}' | ']' => {
                open.pop();
            }
            ',' => {
                if let Some((Some(_), expect_key)) = open.last_mut() {
                    *expect_key = true;
                }
            }
            '"' => {
                let start = index + 1;
                let mut end = text.len();
                while let Some((at, c)) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => {
                            end = at;
                            break;
                        }
                        _ => {}
                    }
                }
                if let Some((Some(object), expect_key)) = open.last_mut()
                    && *expect_key
                {
                    found.push(Key {
                        object: *object,
                        raw: &text[start..end],
                        at: index,
                    });
                    *expect_key = false;
                }
            }
            _ => {}
        }
    }
    found
}

/// The 1-based line and column of byte `index` in `text`.
fn position(text: &str, index: usize) -> (usize, usize) {
    let line = text[..index].matches('\n').count() + 1;
    let line_start = text[..index].rfind('\n').map_or(0, |at| at + 1);
    (line, text[line_start..index].chars().count() + 1)
}

/// The place of the top-level object key `key` in `text`.
fn locate_key(text: &str, key: &str) -> Option<(usize, usize)> {
    keys(text)
        .into_iter()
        .find(|found| found.object == 0 && found.raw == key)
        .map(|found| position(text, found.at))
}

/// The first key given twice in one object: JSON parsers keep the last one
/// silently, and the user surely meant something by the first.
fn duplicate_key(text: &str) -> Option<(String, (usize, usize))> {
    let mut seen = std::collections::HashSet::new();
    keys(text)
        .into_iter()
        .find(|found| !seen.insert((found.object, found.raw)))
        .map(|found| (found.raw.to_owned(), position(text, found.at)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        parse_spec(text, "spec.json").unwrap_err().to_string()
    }

    #[test]
    fn errors_name_the_problem_and_place() {
        let cases = [
            (
                "{",
                "spec.json: line 1, column 1: invalid JSON: EOF while parsing an object (the text ends before the JSON is complete; close what is open)",
            ),
            ("[]", "spec.json: a request spec must be a JSON object"),
            ("{}", "spec.json: missing \"url\": the endpoint to call"),
            (
                "{\"url\": \"https://a.b\",\n \"json\": 1,\n \"data\": \"x\"}",
                "spec.json: line 3, column 2: \"json\" and \"data\" both give a body; keep one",
            ),
            (
                r#"{"url": "https://a.b", "file": "x.bin"}"#,
                "spec.json: line 1, column 24: cannot tell the MIME type of \"x.bin\"; add \"content_type\", e.g. \"audio/flac\"",
            ),
            (
                r#"{"url": "https://a.b", "task": "text-clasification"}"#,
                "spec.json: line 1, column 24: unknown task \"text-clasification\" (did you mean \"text-classification\"?)",
            ),
            (
                r#"{"url": "https://a.b", "token": "$HF TOKEN"}"#,
                "spec.json: line 1, column 24: \"$HF TOKEN\" is not an environment variable such as \"$HF_TOKEN\"",
            ),
            (
                r#"{"url": "https://a.b", "headers": {"X": "a\nb"}}"#,
                "spec.json: line 1, column 24: invalid request: header \"X\" has '\\n' in its value, which would start another header",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(error(text), expected, "{text}");
        }
    }

    #[test]
    fn duplicate_keys_are_errors_at_any_depth() {
        assert_eq!(
            error(
                "{\"url\": \"https://a.b\",\n \"json\": {\"inputs\": 1, \"x\": [{\"inputs\": 2}], \"inputs\": 3}}"
            ),
            "spec.json: line 2, column 46: key \"inputs\" is given twice in one object; keep one"
        );
        assert!(
            parse_spec(
                r#"{"url": "https://a.b", "json": {"a": {"k": 1}, "b": {"k": 2}}}"#,
                "s"
            )
            .is_ok()
        );
    }

    #[test]
    fn a_key_inside_a_value_is_not_the_key() {
        let text = r#"{"json": {"url": 1}, "url": 2}"#;
        assert_eq!(locate_key(text, "url"), Some((1, 22)));
    }

    #[test]
    fn tokens() {
        let token = |text: &str| parse_spec(text, "s").unwrap().token;
        assert_eq!(
            token(r#"{"url": "https://a.b"}"#),
            Token::Env("HF_TOKEN".into())
        );
        assert_eq!(
            token(r#"{"url": "https://a.b", "token": "${MY}"}"#),
            Token::Env("MY".into())
        );
        assert_eq!(
            token(r#"{"url": "https://a.b", "token": null}"#),
            Token::None
        );
        assert_eq!(
            token(r#"{"url": "https://a.b", "headers": {"Authorization": "Basic x"}}"#),
            Token::None
        );
    }

    #[test]
    fn content_type_sources() {
        let request = parse_spec(
            r#"{"url": "https://a.b", "file": "a.flac", "headers": {"Content-Type": "audio/x-flac"}}"#,
            "s",
        )
        .unwrap();
        assert_eq!(request.content_type(), Some("audio/x-flac"));
        assert!(request.headers.is_empty());
        let request = parse_spec(r#"{"url": "https://a.b", "file": "a.JPG"}"#, "s").unwrap();
        assert_eq!(request.content_type(), Some("image/jpeg"));
        let request = parse_spec(r#"{"url": "https://a.b", "data": "a=1"}"#, "s").unwrap();
        assert_eq!(request.content_type(), Some("text/plain"));
    }
}
