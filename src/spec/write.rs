//! A [`Request`] back into the JSON spec that describes it, for front ends that hand
//! a parsed curl command to code that reads specs (a Python dict, a JavaScript object).

use serde_json::{Map, Value};

use crate::diagnostic::{Code, Field};
use crate::error::Error;
use crate::model::{FileBytes, Payload, Request, Token};
use crate::text::{Segment, Text};

/// The JSON spec of `request`: the object [`parse_spec`](crate::parse_spec) reads
/// back into a request whose snippets are the same. Keys at their defaults are left
/// out (`method` when not chosen, `token` when it is `$HF_TOKEN`).
///
/// A spec's strings are literal text, and it has no key for a multipart form,
/// basic credentials or connection options: a request that holds one of those (a
/// curl command's `$VAR`, `-F`, `-u`, `-k`...) is a `not-in-spec` error about the
/// field that holds it.
///
/// # Example
/// ```
/// use inference_snippets::{Code, CurlOptions, Field, parse_curl, parse_spec, to_spec};
/// use serde_json::json;
///
/// let parsed = parse_curl(
///     r#"curl https://x.cloud/gpt2 -H "Authorization: Bearer $HF_TOKEN" -H 'Content-Type: application/json' -d '{"inputs": "Hi"}'"#,
///     "-",
///     &CurlOptions::default(),
/// )?;
/// let spec = to_spec(&parsed.request)?;
/// assert_eq!(spec, json!({"url": "https://x.cloud/gpt2", "json": {"inputs": "Hi"}}));
/// assert_eq!(parse_spec(&spec.to_string(), "spec.json")?, parsed.request);
///
/// let parsed = parse_curl("curl \"$ENDPOINT/gpt2\" -d a=1", "-", &CurlOptions::default())?;
/// let error = to_spec(&parsed.request).unwrap_err();
/// assert_eq!(error.code(), Code::NotInSpec);
/// assert_eq!(error.diagnostic().field, Some(Field::Url));
/// # Ok::<(), inference_snippets::Error>(())
/// ```
pub fn to_spec(request: &Request) -> Result<Value, Error> {
    let mut spec = Map::new();
    spec.insert("url".into(), literal(&request.url, "its URL", Field::Url)?);
    if let Some(method) = &request.method {
        spec.insert("method".into(), method.as_str().into());
    }
    let mut headers = Map::new();
    for (name, value) in &request.headers {
        let what = format!("its {name} header");
        headers.insert(
            name.clone(),
            literal(value, &what, Field::Header(name.clone()))?,
        );
    }
    let authorization = request.header_value("authorization").is_some();
    if !headers.is_empty() {
        spec.insert("headers".into(), headers.into());
    }
    match &request.token {
        Token::Env(name) if name == "HF_TOKEN" => {}
        Token::Env(name) => {
            spec.insert("token".into(), format!("${name}").into());
        }
        // The spec reads `$...` as a variable: such a placeholder has no spelling.
        Token::Placeholder(text) if text.starts_with('$') => {
            return Err(not_in_spec(
                format!(
                    "its token placeholder {text:?} starts with \"$\", which a spec reads as a variable"
                ),
                Field::Token,
            ));
        }
        Token::Placeholder(text) => {
            spec.insert("token".into(), text.as_str().into());
        }
        // Its own Authorization header is what a spec without "token" sends.
        Token::None if authorization => {}
        Token::None => {
            spec.insert("token".into(), Value::Null);
        }
        Token::Basic { .. } => {
            return Err(not_in_spec(
                "it sends basic credentials (curl's -u), for which a spec has no key",
                Field::Token,
            ));
        }
    }
    payload(request, &mut spec)?;
    if let Some(task) = request.task {
        spec.insert("task".into(), task.tag().into());
    }
    if let Some(model) = &request.model {
        spec.insert("model".into(), model.as_str().into());
    }
    if !request.connection.is_default() {
        return Err(not_in_spec(
            "it sets connection options (certificates, timeouts, a proxy, compression or redirects), for which a spec has no key",
            Field::Connection,
        ));
    }
    Ok(Value::Object(spec))
}

/// The keys of the body: `json` (with `base64_files`), `data` or `file`, with
/// `content_type`.
fn payload(request: &Request, spec: &mut Map<String, Value>) -> Result<(), Error> {
    // A Content-Type header, which stays in "headers", gives the body's type.
    let header_type = request.header_value("content-type").is_some();
    let content_type =
        |spec: &mut Map<String, Value>, given: &Option<String>, what: &str| match given {
            _ if header_type => Ok(()),
            Some(content_type) => {
                spec.insert("content_type".into(), content_type.as_str().into());
                Ok(())
            }
            None => Err(not_in_spec(
                format!("{what} is sent without a Content-Type, which a spec cannot ask for"),
                Field::ContentType,
            )),
        };
    match &request.payload {
        Payload::None => {}
        Payload::Json(value) => {
            spec.insert("json".into(), value.clone());
        }
        Payload::JsonTemplate(template) => {
            // Files' base64 is what "base64_files" holds; a variable has no key.
            if let Some((value, files)) = super::base64::spec(template) {
                spec.insert("json".into(), value);
                spec.insert("base64_files".into(), files.into());
                return Ok(());
            }
            // A template has a slot at least: that is what makes it one.
            let (read, pointer) = template
                .slots
                .first()
                .map(|slot| (reads(&slot.text), slot.pointer.clone()))
                .unwrap_or_default();
            return Err(not_in_spec(
                format!("its JSON body{read}"),
                Field::Json(pointer),
            ));
        }
        Payload::Text {
            body,
            content_type: given,
        } => {
            spec.insert("data".into(), literal(body, "its body", Field::Body)?);
            content_type(spec, given, "its body")?;
        }
        Payload::File {
            path,
            content_type: given,
            bytes,
        } => {
            if *bytes != FileBytes::AsIs {
                return Err(not_in_spec(
                    format!(
                        "it sends the bytes of {path:?} without its line breaks (curl's -d @file), and a spec's \"file\" sends every byte"
                    ),
                    Field::File,
                ));
            }
            spec.insert("file".into(), path.as_str().into());
            content_type(spec, given, "the file")?;
        }
        Payload::Multipart(_) => {
            return Err(not_in_spec(
                "it sends a multipart form (curl's -F), for which a spec has no key",
                Field::Body,
            ));
        }
    }
    Ok(())
}

/// `text` as a JSON string, when it is literal: a spec's strings are.
fn literal(text: &Text, what: &str, field: Field) -> Result<Value, Error> {
    match text.as_literal() {
        Some(literal) => Ok(literal.into()),
        None => Err(not_in_spec(format!("{what}{}", reads(text)), field)),
    }
}

/// ` reads ...`: the first piece of `text` that is not literal, in words.
fn reads(text: &Text) -> String {
    let piece = text.segments().iter().find_map(|segment| match segment {
        Segment::Var(var) => Some(format!("the environment variable {}", var.name)),
        Segment::File(path) => Some(format!("the file {path:?}")),
        Segment::Placeholder(name) => Some(format!("the placeholder {name}")),
        _ => None,
    });
    match piece {
        Some(piece) => format!(" reads {piece} where a spec holds literal text"),
        None => String::new(),
    }
}

fn not_in_spec(why: impl AsRef<str>, field: Field) -> Error {
    Error::new(
        Code::NotInSpec,
        format!("a JSON spec cannot describe this request: {}", why.as_ref()),
    )
    .about(field)
    .advice("render the request itself rather than its spec")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::{Connection, Task, Var, parse_spec};

    fn round_trip(request: &Request) -> Request {
        let spec = to_spec(request).expect("a spec");
        parse_spec(&spec.to_string(), "spec.json").expect("the spec reads back")
    }

    #[test]
    fn what_a_spec_holds_round_trips() {
        let requests = [
            Request::new("https://x.cloud/a?b=c"),
            Request::new("https://x.cloud")
                .json(json!({"inputs": "Hi", "parameters": {"top_k": 2}}))
                .task(Task::TextClassification)
                .header("X-Wait", "true"),
            Request::new("https://x.cloud")
                .file("a b.flac", "audio/x-flac")
                .token(Token::Placeholder("hf_***".into())),
            Request::new("https://x.cloud")
                .text("a=1", "application/x-www-form-urlencoded")
                .token(Token::Env("MY_TOKEN".into()))
                .with_method("PUT"),
            Request::new("https://x.cloud").token(Token::None),
            Request::new("https://x.cloud")
                .header("Authorization", "Basic eDp5")
                .token(Token::None),
        ];
        for request in requests {
            assert_eq!(round_trip(&request), request);
        }
        let mut with_model = Request::new("https://x.cloud");
        with_model.model = Some("gpt2".into());
        assert_eq!(round_trip(&with_model), with_model);
    }

    #[test]
    fn files_base64_round_trip_as_base64_files() {
        let read = |json: &str, files: &str| {
            let text = format!(
                "{{\"url\": \"https://x.cloud\", \"json\": {json}, \"base64_files\": {files}}}"
            );
            parse_spec(&text, "spec.json").expect("a spec")
        };
        // A member the file adds at its object's end is left out again; a null
        // that stands before other members stays.
        let cases = [
            (
                read(
                    r#"{"a": {"q": "?"}, "b": [null]}"#,
                    r#"{"/a/image": "cat.png", "/b/0": "x.bin"}"#,
                ),
                json!({"a": {"q": "?"}, "b": [null]}),
            ),
            (
                read(r#"{"image": null, "q": "?"}"#, r#"{"/image": "a b.png"}"#),
                json!({"image": null, "q": "?"}),
            ),
        ];
        for (request, json) in cases {
            let spec = to_spec(&request).expect("a spec");
            assert_eq!(spec["json"], json);
            assert_eq!(round_trip(&request), request);
        }
    }

    #[test]
    fn what_a_spec_cannot_hold_is_named() {
        let mut with_var = Text::from("https://x.cloud/");
        with_var.push(Segment::Var(Var::new("MODEL")));
        let mut timeout = Request::new("https://x.cloud");
        timeout.connection = Connection {
            timeout: Some(3.0),
            ..Connection::default()
        };
        let cases = [
            (
                Request::new(with_var),
                Field::Url,
                "its URL reads the environment variable MODEL",
            ),
            (
                Request::new("https://x.cloud").header("X-Key", Text::var(Var::new("KEY"))),
                Field::Header("X-Key".into()),
                "its X-Key header reads the environment variable KEY",
            ),
            (timeout, Field::Connection, "connection options"),
            (
                Request::new("https://x.cloud").token(Token::Placeholder("$x y".into())),
                Field::Token,
                "starts with \"$\"",
            ),
        ];
        for (request, field, words) in cases {
            let error = to_spec(&request).unwrap_err();
            assert_eq!(error.code(), Code::NotInSpec);
            assert_eq!(error.diagnostic().field, Some(field));
            assert!(error.to_string().contains(words), "{error}");
        }
    }
}
