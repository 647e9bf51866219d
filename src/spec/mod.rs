//! The JSON request spec: the documented file format for one request.
//!
//! ```json
//! {"url": "https://xyz.endpoints.huggingface.cloud/wav2vec-asr",
//!  "file": "sample1.flac", "content_type": "audio/x-flac",
//!  "task": "automatic-speech-recognition", "token": "hf_***"}
//! ```
//! Every problem is reported with the place in the text it concerns.

use serde_json::{Map, Value};

mod base64;
mod keys;
mod write;

use keys::Keys;
pub use write::to_spec;

use crate::diagnostic::{Code, Field, Hint, Place};
use crate::error::Error;
use crate::lines::Lines;
use crate::model::{FileBytes, Payload, Request, Token};
use crate::text::Text;
use crate::{Task, mime};

const KEYS: &[&str] = &[
    "url",
    "method",
    "headers",
    "token",
    "json",
    "base64_files",
    "data",
    "file",
    "content_type",
    "task",
    "model",
];

/// The MIME type of a `data` payload when the spec names none.
pub const DEFAULT_TEXT_TYPE: &str = "text/plain";

/// serde_json's error, placed, with what to do.
pub(crate) fn json_error(err: &serde_json::Error) -> Error {
    let full = err.to_string();
    let what = strip_position(&full);
    let error = Error::new(Code::InvalidJson, format!("invalid JSON: {what}"))
        // serde_json counts the column of an error before the first character as 0.
        .at(Place::at(err.line(), err.column().max(1)));
    if err.is_eof() {
        error.advice("the text ends before the JSON is complete; close what is open")
    } else if what.contains("recursion limit") {
        error.advice("nested more than 128 levels deep")
    } else {
        error
    }
}

/// Reads a JSON request spec. `origin` names the text in diagnostics (a path, `-`).
///
/// # Example
/// ```
/// use inference_snippets::{Code, Payload, Token, parse_spec};
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
/// assert_eq!(error.code(), Code::UnknownKey);
/// assert_eq!(
///     error.to_string(),
///     r#"bad.json:1:28: unknown key "jsn"; did you mean "json"?"#
/// );
/// ```
pub fn parse_spec(text: &str, origin: &str) -> Result<Request, Error> {
    let lines = Lines::new(text);
    read(text, &lines).map_err(|mut err| {
        lines.resolve_diagnostic(err.diagnostic_mut());
        err.in_source(origin)
    })
}

fn read(text: &str, lines: &Lines) -> Result<Request, Error> {
    if text.trim().is_empty() {
        return Err(Error::new(Code::EmptyInput, "the spec is empty")
            .at(Place::at(1, 1))
            .advice(r#"write a JSON object such as {"url": "https://..."}"#));
    }
    let value: Value = serde_json::from_str(text).map_err(|err| json_error(&err))?;
    let keys = Keys::of(text);
    if let Some(key) = keys.duplicate() {
        return Err(Error::new(
            Code::DuplicateKey,
            format!("key {:?} is given twice in one object", key.raw),
        )
        .at(lines.span(key.range()))
        .advice("keep one"));
    }
    let reader = SpecReader {
        text: Some(SpecText { text, lines, keys }),
    };
    reader.read(&value)
}

/// Reads a request spec given as a JSON value rather than as text (a Python dict, a
/// JavaScript object): there is no text to place its problems in.
pub(crate) fn read_value(spec: &Value) -> Result<Request, Error> {
    SpecReader { text: None }.read(spec)
}

/// Reads a spec's keys, and places each problem at its key when there is a text.
struct SpecReader<'a> {
    text: Option<SpecText<'a>>,
}

/// The text of a spec, its lines and where each key is written.
struct SpecText<'a> {
    text: &'a str,
    lines: &'a Lines<'a>,
    keys: Keys<'a>,
}

impl SpecReader<'_> {
    fn read(&self, spec: &Value) -> Result<Request, Error> {
        let Value::Object(spec) = spec else {
            return Err(self.error(
                None,
                Code::WrongType,
                "a request spec must be a JSON object",
            ));
        };
        if let Some(key) = spec.keys().find(|key| !KEYS.contains(&key.as_str())) {
            let error = self.error(Some(key), Code::UnknownKey, format!("unknown key {key:?}"));
            return Err(
                match crate::suggest::closest(key, KEYS.iter().copied(), 2) {
                    Some(known) => error.hint(Hint::DidYouMean(format!("{known:?}"))),
                    None => error.advice(format!("known keys: {}", KEYS.join(", "))),
                },
            );
        }
        let url = match spec.get("url") {
            Some(Value::String(url)) => url.clone(),
            Some(_) => {
                return Err(self.error(Some("url"), Code::WrongType, "\"url\" must be a string"));
            }
            None => {
                return Err(self.error(
                    None,
                    Code::MissingUrl,
                    "missing \"url\": the endpoint to call",
                ));
            }
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
                    .map_err(|err| self.place(err.into(), Some("task")))?,
            ),
        };
        request.model = self.string(spec, "model")?;
        request.validate().map_err(|err| match &self.text {
            Some(spec) => {
                let at = field_key(&spec.keys, err.diagnostic().field.as_ref())
                    .map(|key| spec.lines.span(key.range()));
                err.at(at.unwrap_or_else(|| spec.start()))
            }
            None => err,
        })?;
        Ok(request)
    }

    fn headers(&self, spec: &Map<String, Value>) -> Result<Vec<(String, Text)>, Error> {
        let Some(headers) = spec.get("headers") else {
            return Ok(Vec::new());
        };
        let Value::Object(headers) = headers else {
            return Err(self.error(
                Some("headers"),
                Code::WrongType,
                "\"headers\" must be an object like {\"X-Name\": \"value\"}",
            ));
        };
        headers
            .iter()
            .map(|(name, value)| match value {
                Value::String(value) => Ok((name.clone(), Text::from(value.as_str()))),
                _ => Err(self.error(
                    Some("headers"),
                    Code::WrongType,
                    format!("header {name:?} must have a string value"),
                )),
            })
            .collect()
    }

    fn token(&self, spec: &Map<String, Value>, headers: &[(String, Text)]) -> Result<Token, Error> {
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
                Token::parse(text).map_err(|err| self.place(err, Some("token")))
            }
            Some(_) => Err(self.error(
                Some("token"),
                Code::WrongType,
                "\"token\" must be \"$VARIABLE\", a placeholder string such as \"hf_***\", or null",
            )),
        }
    }

    fn payload(
        &self,
        spec: &Map<String, Value>,
        headers: &mut Vec<(String, Text)>,
    ) -> Result<Payload, Error> {
        let given: Vec<&str> = ["json", "data", "file"]
            .into_iter()
            .filter(|key| spec.contains_key(*key))
            .collect();
        if let [first, second, ..] = given[..] {
            return Err(self
                .error(
                    Some(second),
                    Code::ConflictingBodies,
                    format!("\"{first}\" and \"{second}\" both give a body"),
                )
                .advice("keep one"));
        }
        let content_type = self.string(spec, "content_type")?;
        let header_type = headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("content-type"))
            .and_then(|(_, value)| value.as_literal().map(str::to_owned));
        if let (Some(key_type), Some(header_type)) = (&content_type, &header_type)
            && key_type != header_type
        {
            return Err(self
                .error(
                    Some("content_type"),
                    Code::ConflictingContentType,
                    format!(
                        "\"content_type\" {key_type:?} disagrees with the Content-Type header {header_type:?}"
                    ),
                )
                .advice("keep one"));
        }
        // Once a payload carries the type, the header would only say it twice.
        let mut take_type = |fallback: Option<String>| -> Option<String> {
            headers.retain(|(name, _)| !name.eq_ignore_ascii_case("content-type"));
            content_type.clone().or(header_type.clone()).or(fallback)
        };
        if given.first() != Some(&"json") && spec.contains_key("base64_files") {
            return Err(self
                .error(
                    Some("base64_files"),
                    Code::InvalidPointer,
                    "\"base64_files\" puts files' base64 into \"json\", and there is none",
                )
                .advice("add the JSON body with \"json\""));
        }
        match given.first().copied() {
            None if content_type.is_some() => Err(self
                .error(
                    Some("content_type"),
                    Code::ContentTypeWithoutBody,
                    "\"content_type\" needs a body",
                )
                .advice("add \"json\", \"data\" or \"file\"")),
            None => Ok(Payload::None),
            Some("json") => {
                if let Some(key_type) = content_type
                    && header_type.is_none()
                {
                    headers.push(("Content-Type".to_owned(), Text::from(key_type)));
                }
                self.json(spec)
            }
            Some("data") => match &spec["data"] {
                Value::String(body) => Ok(Payload::Text {
                    body: Text::from(body.as_str()),
                    content_type: take_type(Some(DEFAULT_TEXT_TYPE.to_owned())),
                }),
                _ => Err(self
                    .error(Some("data"), Code::WrongType, "\"data\" must be a string")
                    .advice("use \"json\" to send a JSON value")),
            },
            Some(_) => {
                let Value::String(path) = &spec["file"] else {
                    return Err(self.error(
                        Some("file"),
                        Code::WrongType,
                        "\"file\" must be a path string",
                    ));
                };
                let guessed = mime::guess(path).map(str::to_owned);
                match take_type(guessed) {
                    Some(content_type) => Ok(Payload::File {
                        path: path.clone(),
                        content_type: Some(content_type),
                        bytes: FileBytes::AsIs,
                    }),
                    None => Err(self
                        .error(
                            Some("file"),
                            Code::UnknownMimeType,
                            format!("cannot tell the MIME type of {path:?}"),
                        )
                        .advice("add \"content_type\", e.g. \"audio/flac\"")),
                }
            }
        }
    }

    /// `json`, with the holes `base64_files` makes in it.
    fn json(&self, spec: &Map<String, Value>) -> Result<Payload, Error> {
        let json = &spec["json"];
        let files = match spec.get("base64_files") {
            None => return Ok(Payload::Json(json.clone())),
            Some(Value::Object(files)) if files.is_empty() => {
                return Ok(Payload::Json(json.clone()));
            }
            Some(Value::Object(files)) => files,
            Some(_) => {
                return Err(self.error(
                    Some("base64_files"),
                    Code::WrongType,
                    "\"base64_files\" must be an object like {\"/inputs/image\": \"cat.png\"}",
                ));
            }
        };
        match base64::template(json, files) {
            Ok(template) => Ok(Payload::JsonTemplate(template)),
            Err((pointer, problem)) => {
                let error = Error::new(problem.code, problem.message);
                Err(match &self.text {
                    Some(text) => {
                        let at = text
                            .keys
                            .member("base64_files", &pointer)
                            .or_else(|| text.keys.top_level("base64_files"))
                            .map(|key| text.lines.span(key.range()));
                        error.at(at.unwrap_or_else(|| text.start()))
                    }
                    None => error,
                })
            }
        }
    }

    fn string(&self, spec: &Map<String, Value>, key: &str) -> Result<Option<String>, Error> {
        match spec.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.clone())),
            Some(_) => Err(self.error(
                Some(key),
                Code::WrongType,
                format!("{key:?} must be a string"),
            )),
        }
    }

    /// An error placed at the top-level `key` of the spec, else at its start.
    fn error(&self, key: Option<&str>, code: Code, message: impl Into<String>) -> Error {
        self.place(Error::new(code, message), key)
    }

    /// `error` placed at the top-level `key` of the spec, else at its start; as it
    /// is when the spec has no text.
    fn place(&self, error: Error, key: Option<&str>) -> Error {
        let Some(spec) = &self.text else {
            return error;
        };
        let at = key
            .and_then(|key| spec.keys.top_level(key))
            .map(|key| spec.lines.span(key.range()));
        error.at(at.unwrap_or_else(|| spec.start()))
    }
}

impl SpecText<'_> {
    /// Where the spec's value starts: the place of a problem with the whole of it.
    fn start(&self) -> Place {
        let blank = self.text.len() - self.text.trim_start().len();
        self.lines.place(blank)
    }
}

/// Where a spec writes `field` of its request: the key it comes from (for a header,
/// its name in `"headers"`; for a place in the body, the deepest key of the pointer).
/// For front ends that find a problem after reading, such as a token.
///
/// # Example
/// ```
/// use inference_snippets::{Field, locate_in_spec};
///
/// let spec = "{\"url\": \"https://x.cloud\",\n \"headers\": {\"X-Key\": \"v\"}}";
/// let place = locate_in_spec(spec, &Field::Header("X-Key".into())).unwrap();
/// assert_eq!((place.line, place.column), (2, 14));
/// assert_eq!(&spec[place.bytes()], "\"X-Key\"");
/// ```
pub fn locate_in_spec(text: &str, field: &Field) -> Option<Place> {
    let keys = Keys::of(text);
    let key = field_key(&keys, Some(field))?;
    Some(Lines::new(text).span(key.range()))
}

/// The key of a spec that `field` comes from.
fn field_key<'k, 'a>(keys: &'k Keys<'a>, field: Option<&Field>) -> Option<&'k keys::Key<'a>> {
    let top = |key: &str| keys.top_level(key);
    match field? {
        Field::Url => top("url"),
        Field::Method => top("method"),
        Field::Header(name) => keys.member("headers", name).or_else(|| top("headers")),
        Field::Token => top("token").or_else(|| keys.member("headers", "Authorization")),
        Field::ContentType => {
            top("content_type").or_else(|| keys.member("headers", "Content-Type"))
        }
        Field::File => top("file"),
        Field::Body => top("json").or_else(|| top("data")),
        Field::Json(pointer) => keys.pointer("json", pointer).or_else(|| top("json")),
        // A spec has no multipart body, and no connection options.
        Field::Part(_) | Field::Connection => None,
    }
}

/// serde_json ends its messages with " at line L column C"; the place is given apart.
fn strip_position(message: &str) -> &str {
    message
        .rfind(" at line ")
        .map_or(message, |index| &message[..index])
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
                Code::InvalidJson,
                "spec.json:1:1: invalid JSON: EOF while parsing an object; the text ends before the JSON is complete; close what is open",
            ),
            (
                "[]",
                Code::WrongType,
                "spec.json:1:1: a request spec must be a JSON object",
            ),
            (
                " {}",
                Code::MissingUrl,
                "spec.json:1:2: missing \"url\": the endpoint to call",
            ),
            (
                "{\"url\": \"https://a.b\",\n \"json\": 1,\n \"data\": \"x\"}",
                Code::ConflictingBodies,
                "spec.json:3:2: \"json\" and \"data\" both give a body; keep one",
            ),
            (
                r#"{"url": "https://a.b", "file": "x.bin"}"#,
                Code::UnknownMimeType,
                "spec.json:1:24: cannot tell the MIME type of \"x.bin\"; add \"content_type\", e.g. \"audio/flac\"",
            ),
            (
                r#"{"url": "https://a.b", "task": "text-clasification"}"#,
                Code::UnknownTask,
                "spec.json:1:24: unknown task \"text-clasification\"; did you mean \"text-classification\"?",
            ),
            (
                r#"{"url": "https://a.b", "token": "$HF TOKEN"}"#,
                Code::InvalidTokenVariable,
                "spec.json:1:24: \"$HF TOKEN\" is not an environment variable such as \"$HF_TOKEN\"",
            ),
            // A header's problem is placed at its name in "headers".
            (
                r#"{"url": "https://a.b", "headers": {"X": "a\nb"}}"#,
                Code::InvalidHeaderValue,
                "spec.json:1:36: header \"X\" has '\\n' in its value, which would start another header",
            ),
            (
                r#"{"url": "https://a.b", "headers": {"content-type": "a"}, "content_type": "b", "data": ""}"#,
                Code::ConflictingContentType,
                "spec.json:1:58: \"content_type\" \"b\" disagrees with the Content-Type header \"a\"; keep one",
            ),
        ];
        for (text, code, expected) in cases {
            let err = parse_spec(text, "spec.json").unwrap_err();
            assert_eq!(err.to_string(), expected, "{text}");
            assert_eq!(err.code(), code, "{text}");
        }
    }

    #[test]
    fn places_cover_the_key() {
        let text = "{\"url\": \"https://a.b\",\n \"hedaers\": {}}";
        let err = parse_spec(text, "spec.json").unwrap_err();
        let place = err.diagnostic().place.unwrap();
        assert_eq!(&text[place.bytes()], "\"hedaers\"");
        let err = parse_spec("{\"url\": \"x\"}", "spec.json").unwrap_err();
        assert_eq!(err.diagnostic().field, Some(Field::Url));
        assert_eq!(
            &"{\"url\": \"x\"}"[err.diagnostic().place.unwrap().bytes()],
            "\"url\""
        );
    }

    #[test]
    fn duplicate_keys_are_errors_at_any_depth() {
        assert_eq!(
            error(
                "{\"url\": \"https://a.b\",\n \"json\": {\"inputs\": 1, \"x\": [{\"inputs\": 2}], \"inputs\": 3}}"
            ),
            "spec.json:2:46: key \"inputs\" is given twice in one object; keep one"
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
        let keys = Keys::of(text);
        assert_eq!(keys.top_level("url").map(|key| key.at), Some(21));
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
