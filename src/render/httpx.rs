//! Python with httpx: `httpx.post` and friends (the `httpx` client). The view of
//! `httpx-async` (`httpx_async.rs`) takes the same [`Parts`] and writes them inside
//! an `httpx.AsyncClient`; both send any request.

use std::borrow::Cow;

use askama::Template;

use super::headers::Headers;
use super::{Response, refusal};
use crate::Client;
use crate::error::Error;
use crate::model::{Connection, Part, PartContent, Payload, Request};
use crate::quote::JsonBody;
use crate::quote::python::{self, Python};
use crate::text::Escapes;

#[derive(Template)]
#[template(path = "python/httpx.py")]
pub(crate) struct View {
    parts: Parts,
    /// `response = httpx.post(...)`, or `with httpx.stream(...) as response:`.
    call: String,
}

/// What both httpx snippets write: the lines before the call, the call's arguments
/// and what is done with the answer.
pub(super) struct Parts {
    pub url: String,
    pub needs_os: bool,
    /// `from urllib.parse import quote_plus`, for form-encoded variables.
    pub needs_quote_plus: bool,
    /// The function that encodes a variable as curl's `--url-query` does.
    pub url_query_encode: Option<&'static str>,
    /// `import json`: for streams, and for numbers read from the environment.
    pub needs_json: bool,
    /// A file's base64 is read (`import base64`).
    pub needs_base64: bool,
    /// Header keys and value expressions, both Python source.
    pub headers: Vec<(String, String)>,
    pub body: Body,
    pub response: Response,
    /// Where a binary answer is saved.
    pub output_file: Option<String>,
    /// `post` and friends; `request` or `stream`, whose first argument is the method.
    pub function: &'static str,
    /// The call's arguments, in order: the method for `request` and `stream`,
    /// `API_URL`, `headers=headers`, ..., the body.
    pub args: Vec<Cow<'static, str>>,
}

/// The body, as the lines before the call write it: one of these is given.
#[derive(Default)]
pub(super) struct Body {
    /// `payload = ...`, sent with `json=`.
    pub json: Option<String>,
    /// `content = ....encode()`.
    pub text: Option<String>,
    /// The file's path, and what reads its bytes from the open file `f`.
    pub file: Option<(String, &'static str)>,
    /// `files=` entries: `("name", (file name or None, content[, type]))`.
    pub parts: Vec<String>,
    /// A number is read from the environment through `json.loads`.
    parses_json: bool,
}

pub(crate) fn view(request: &Request) -> Result<View, Error> {
    let mut parts = Parts::of(request, Client::Httpx)?;
    parts.args.extend(
        options(&request.connection, true)
            .into_iter()
            .map(Cow::Owned),
    );
    let call = if parts.response.streams() {
        call("with httpx.stream", &parts.args, " as response:", 0)
    } else {
        call(
            &format!("response = httpx.{}", parts.function),
            &parts.args,
            "",
            0,
        )
    };
    Ok(View { parts, call })
}

impl Parts {
    /// The parts of `request` for `client`, which names itself in refusals.
    pub(super) fn of(request: &Request, client: Client) -> Result<Parts, Error> {
        // httpx writes `Basic` and the base64 of `user:password` itself.
        let Headers { list, basic } = Headers::of(request, &Python);
        let body = body(&request.payload, client)?;
        let response = Response::of(request);
        let function = match response.streams() {
            true => None,
            false => function(request.method(), &request.payload),
        };
        // Only `request` and `stream` name the method.
        let mut args: Vec<Cow<'static, str>> = function
            .is_none()
            .then(|| Cow::Owned(python::string(request.method())))
            .into_iter()
            .collect();
        args.push(Cow::Borrowed("API_URL"));
        if !list.is_empty() {
            args.push(Cow::Borrowed("headers=headers"));
        }
        args.extend(basic.map(|(user, password)| {
            Cow::Owned(format!(
                "auth=({}, {})",
                python::text(user),
                python::text(password)
            ))
        }));
        args.extend(body_args(&body).map(Cow::Borrowed));
        let reads = request.reads();
        Ok(Parts {
            url: python::text(&request.url),
            needs_os: reads.env || reads.home,
            needs_base64: reads.base64,
            needs_quote_plus: reads.form_encoded,
            url_query_encode: request
                .form_encodes_with(Escapes::Lowercase)
                .then_some(python::URL_QUERY_ENCODE),
            needs_json: body.parses_json || response.parses_events(),
            headers: list,
            body,
            response,
            output_file: response.saved_to(request, &Python),
            function: function.unwrap_or(if response.streams() {
                "stream"
            } else {
                "request"
            }),
            args,
        })
    }
}

/// The function named after `method`, when httpx has one that sends the payload:
/// its `get`, `head`, `options` and `delete` take no body.
fn function(method: &str, payload: &Payload) -> Option<&'static str> {
    let bodiless = *payload == Payload::None;
    Some(match method {
        "POST" => "post",
        "PUT" => "put",
        "PATCH" => "patch",
        "GET" if bodiless => "get",
        "DELETE" if bodiless => "delete",
        "HEAD" if bodiless => "head",
        "OPTIONS" if bodiless => "options",
        _ => return None,
    })
}

/// The body's lines before the call.
fn body(payload: &Payload, client: Client) -> Result<Body, Error> {
    let json = |json: JsonBody| Body {
        json: Some(python::json(json, 0)),
        parses_json: json.reads_numbers(),
        ..Body::default()
    };
    Ok(match payload {
        Payload::None => Body::default(),
        Payload::Json(value) => json(JsonBody::Value(value)),
        Payload::JsonTemplate(template) => json(JsonBody::Template(template)),
        Payload::Text { body, .. } => Body {
            text: Some(python::text(body)),
            ..Body::default()
        },
        Payload::File { path, bytes, .. } => Body {
            file: Some((python::string(path), python::read_bytes(*bytes))),
            ..Body::default()
        },
        Payload::Multipart(form) => Body {
            parts: form
                .iter()
                .map(|form_part| part(form_part, client))
                .collect::<Result<_, _>>()?,
            ..Body::default()
        },
    })
}

/// The call's arguments that send the body.
fn body_args(body: &Body) -> impl Iterator<Item = &'static str> {
    [
        (body.json.is_some(), "json=payload"),
        (
            body.text.is_some() || body.file.is_some(),
            "content=content",
        ),
        (!body.parts.is_empty(), "files=files"),
    ]
    .into_iter()
    .filter_map(|(given, arg)| given.then_some(arg))
}

/// `verify=False`, `proxy=`, `timeout=` and `follow_redirects=True` as curl's
/// options ask. httpx gives up after 5 s without data unless told otherwise, and
/// curl waits: with no `-m`, `timeout=None`. Its timeout bounds connecting and each
/// wait for data; `whole` false leaves `-m` to the caller (httpx-async bounds the
/// whole exchange with asyncio). httpx asks for gzip and deflate and decodes them on
/// its own, as `--compressed` does.
pub(super) fn options(connection: &Connection, whole: bool) -> Vec<String> {
    let mut options = Vec::new();
    if connection.insecure {
        options.push("verify=False".to_owned());
    }
    if let Some(proxy) = &connection.proxy {
        options.push(format!("proxy={}", python::text(proxy)));
    }
    let total = connection.timeout.filter(|_| whole);
    options.push(match (connection.connect_timeout, total) {
        (None, None) => "timeout=None".to_owned(),
        (Some(connect), None) => format!("timeout=httpx.Timeout(None, connect={connect})"),
        (None, Some(total)) => format!("timeout={total}"),
        (Some(connect), Some(total)) => {
            format!("timeout=httpx.Timeout({total}, connect={connect})")
        }
    });
    if connection.follow_redirects {
        options.push("follow_redirects=True".to_owned());
    }
    options
}

/// `head(args)tail` on one line of 88 columns indented by `indent`, or one argument
/// a line.
pub(super) fn call(head: &str, args: &[Cow<'static, str>], tail: &str, indent: usize) -> String {
    let joined = args.join(", ");
    if indent + head.len() + joined.len() + tail.len() + 2 <= 88 {
        return format!("{head}({joined}){tail}");
    }
    let pad = " ".repeat(indent);
    let mut out = format!("{head}(\n");
    for arg in args {
        out.push_str(&pad);
        out.push_str("    ");
        out.push_str(arg);
        out.push_str(",\n");
    }
    out.push_str(&pad);
    out.push(')');
    out.push_str(tail);
    out
}

/// One `files=` entry. A part without a file name is sent as a plain field (with
/// its own Content-Type when it has one).
fn part(part: &Part, client: Client) -> Result<String, Error> {
    let refused = |why: &str| {
        refusal(
            client,
            format!("the part {:?} {why}", part.name),
            Some(Client::Requests),
        )
    };
    let filename = match (part.filename.as_deref(), &part.content_type) {
        (None, _) => "None".to_owned(),
        (Some(""), _) => {
            return Err(refused("has an empty file name, which httpx leaves out"));
        }
        (Some(_), None) => {
            return Err(refused(
                "has a file name and no type, and httpx would send one guessed from the name",
            ));
        }
        (Some(filename), Some(_)) => python::string(filename),
    };
    let content = match &part.content {
        PartContent::Text(text) => python::text(text),
        PartContent::File(path) => format!("open({}, \"rb\")", python::string(path)),
        PartContent::FileText(path) => format!("open({}, \"rb\").read()", python::string(path)),
    };
    let content_type = part
        .content_type
        .as_deref()
        .map(|value| format!(", {}", python::string(value)))
        .unwrap_or_default();
    Ok(format!(
        "({}, ({filename}, {content}{content_type}))",
        python::string(&part.name)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;

    #[test]
    fn connection_options_in_httpx_words() {
        let connection =
            |insecure, timeout, connect_timeout, proxy: Option<&str>, follow| Connection {
                insecure,
                timeout,
                connect_timeout,
                proxy: proxy.map(Text::from),
                compressed: true,
                follow_redirects: follow,
            };
        let cases = [
            (
                connection(false, None, None, None, false),
                true,
                vec!["timeout=None"],
            ),
            (
                connection(false, Some(30.0), None, None, false),
                true,
                vec!["timeout=30"],
            ),
            // httpx-async bounds the whole exchange itself.
            (
                connection(false, Some(30.0), None, None, false),
                false,
                vec!["timeout=None"],
            ),
            (
                connection(false, None, Some(2.5), None, false),
                true,
                vec!["timeout=httpx.Timeout(None, connect=2.5)"],
            ),
            (
                connection(true, Some(30.0), Some(5.0), Some("http://p:3128"), true),
                true,
                vec![
                    "verify=False",
                    "proxy=\"http://p:3128\"",
                    "timeout=httpx.Timeout(30, connect=5)",
                    "follow_redirects=True",
                ],
            ),
            (
                connection(false, Some(30.0), Some(5.0), None, false),
                false,
                vec!["timeout=httpx.Timeout(None, connect=5)"],
            ),
        ];
        for (connection, whole, expected) in cases {
            assert_eq!(options(&connection, whole), expected, "{connection:?}");
        }
    }

    #[test]
    fn a_body_goes_through_a_function_that_takes_one() {
        let text = Payload::Text {
            body: Text::from("x"),
            content_type: None,
        };
        assert_eq!(function("GET", &Payload::None), Some("get"));
        assert_eq!(function("POST", &text), Some("post"));
        // httpx.get and httpx.delete take no body: httpx.request does.
        assert_eq!(function("GET", &text), None);
        assert_eq!(function("DELETE", &text), None);
        assert_eq!(function("PURGE", &Payload::None), None);
    }

    #[test]
    fn calls_wrap_one_argument_a_line_past_88_columns() {
        let short: Vec<Cow<'static, str>> = vec!["API_URL".into(), "json=payload".into()];
        assert_eq!(
            call("response = httpx.post", &short, "", 0),
            "response = httpx.post(API_URL, json=payload)"
        );
        let long: Vec<Cow<'static, str>> = vec!["a".repeat(40).into(), "b".repeat(40).into()];
        assert_eq!(
            call("async with client.stream", &long, " as response:", 8),
            format!(
                "async with client.stream(\n            {},\n            {},\n        ) as response:",
                "a".repeat(40),
                "b".repeat(40)
            )
        );
    }

    #[test]
    fn parts_httpx_would_change_are_refused() {
        let part = |filename: Option<&str>, content_type: Option<&str>| Part {
            name: "meta".into(),
            content: PartContent::Text(Text::from("{}")),
            content_type: content_type.map(str::to_owned),
            filename: filename.map(str::to_owned),
        };
        assert_eq!(
            part_entry(&part(None, Some("application/json"))),
            Ok(r#"("meta", (None, "{}", "application/json"))"#.to_owned())
        );
        assert_eq!(
            part_entry(&part(Some("m.json"), Some("application/json"))),
            Ok(r#"("meta", ("m.json", "{}", "application/json"))"#.to_owned())
        );
        // httpx leaves an empty file name out, and guesses a type from a file name.
        assert!(part_entry(&part(Some(""), Some("application/json"))).is_err());
        assert!(part_entry(&part(Some("m.json"), None)).is_err());
    }

    fn part_entry(form_part: &Part) -> Result<String, String> {
        part(form_part, Client::Httpx).map_err(|err| err.to_string())
    }
}
