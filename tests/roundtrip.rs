//! Properties: a request rendered as curl and parsed back is the same request; a
//! request written as a JSON spec reads back as one with the same snippets.

use inference_snippets::{
    Client, Code, Connection, CurlOptions, Escapes, FileBytes, Payload, Request, Segment, Text,
    Token, Var, parse_curl, parse_spec, render, to_spec,
};
use proptest::prelude::*;
use serde_json::Value;

/// Text a shell argument can hold: anything printable, quotes, `$`, backslashes,
/// newlines, tabs, emoji; no NUL (no shell word can hold it).
fn text() -> impl Strategy<Value = String> {
    "[ -~\n\t\u{e9}\u{4e2d}\u{1f917}]{0,40}"
}

/// A variable read: `$NAME`, or `${NAME:-default}`.
fn var() -> impl Strategy<Value = Var> {
    (
        "[A-Z_][A-Z0-9_]{0,6}",
        prop::option::of("[a-zA-Z0-9 ._:/-]{0,8}"),
    )
        .prop_map(|(name, default)| match default {
            Some(default) => Var::with_default(name, default),
            None => Var::new(name),
        })
}

/// Literal text among variable reads.
fn text_with_vars() -> impl Strategy<Value = Text> {
    let segment = prop_oneof![
        3 => text().prop_map(Segment::Literal),
        1 => var().prop_map(Segment::Var),
    ];
    prop::collection::vec(segment, 0..4).prop_map(|segments| {
        let mut text = Text::new();
        segments.into_iter().for_each(|segment| text.push(segment));
        text
    })
}

/// A URL: written out, with a variable in its path, or with a placeholder for its host.
fn url() -> impl Strategy<Value = Text> {
    let written = "https://[a-z]{1,10}\\.cloud(/[a-zA-Z0-9._~-]{1,8}){0,3}(\\?[a-z]{1,5}=[a-zA-Z0-9%]{0,6}(&[a-z]{1,3}=[0-9]{1,3})?)?"
        .prop_filter("no dot segments", |url| !url.contains("/./") && !url.contains("/../") && !url.ends_with("/.") && !url.ends_with("/.."));
    prop_oneof![
        4 => written.clone().prop_map(Text::from),
        1 => (written.clone(), var()).prop_map(|(url, var)| {
            let mut text = Text::from(format!("{url}/"));
            text.push(Segment::Var(var));
            text
        }),
        // A query value curl form-encodes (`-G --data-urlencode`), after plain fields.
        1 => (written, "[a-z]{1,5}", var()).prop_map(|(url, name, var)| {
            let mut text = Text::from(url.clone());
            text.push_str(if url.contains('?') { "&" } else { "?" });
            text.push_str(&format!("{name}="));
            text.push(Segment::Var(var.form_encoded(Escapes::Lowercase)));
            text
        }),
        1 => ("<[a-z-]{1,12}>|\\{[A-Z_]{1,12}\\}", "(/[a-z0-9]{1,8}){0,2}").prop_map(|(host, path)| {
            let mut text = Text::from("https://");
            text.push(Segment::Placeholder(host));
            text.push_str(&path);
            text
        }),
    ]
}

/// curl's connection options, any combination.
fn connection() -> impl Strategy<Value = Connection> {
    let seconds = prop_oneof![Just(None), Just(Some(30.0)), Just(Some(2.5))];
    let proxy = prop_oneof![
        Just(None),
        Just(Some(Text::from("http://proxy.local:3128"))),
        var().prop_map(|var| Some(Text::var(var))),
    ];
    (any::<[bool; 3]>(), seconds.clone(), seconds, proxy).prop_map(
        |([insecure, compressed, follow_redirects], timeout, connect_timeout, proxy)| Connection {
            insecure,
            timeout,
            connect_timeout,
            proxy,
            compressed,
            follow_redirects,
        },
    )
}

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1.0e9f64..1.0e9).prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(("[a-z_ \"'$]{0,8}", inner), 0..4)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

fn payload() -> impl Strategy<Value = Payload> {
    let content_type = prop_oneof![
        Just(None),
        Just(Some("text/plain".to_owned())),
        Just(Some("application/x-www-form-urlencoded".to_owned())),
        Just(Some("audio/x-flac".to_owned())),
    ];
    prop_oneof![
        Just(Payload::None),
        json().prop_map(Payload::Json),
        (text_with_vars(), content_type.clone())
            .prop_map(|(body, content_type)| Payload::Text { body, content_type }),
        // A form body with a value curl form-encodes (`--data-urlencode`).
        ("[a-z]{1,5}=[a-z0-9%]{0,6}", "[a-z]{0,5}", var()).prop_map(|(field, name, var)| {
            let mut body = Text::from(format!("{field}&"));
            if !name.is_empty() {
                body.push_str(&format!("{name}="));
            }
            body.push(Segment::Var(var.form_encoded(Escapes::Uppercase)));
            Payload::Text {
                body,
                content_type: Some("application/x-www-form-urlencoded".to_owned()),
            }
        }),
        ("[a-zA-Z0-9 ._'\"$()/-]{1,20}", content_type, any::<bool>())
            .prop_filter("curl reads @- from stdin", |(path, _, _)| path != "-")
            .prop_map(|(path, content_type, strip_line_breaks)| Payload::File {
                path,
                content_type,
                bytes: if strip_line_breaks {
                    FileBytes::StripLineBreaks
                } else {
                    FileBytes::AsIs
                },
            }),
    ]
}

fn request() -> impl Strategy<Value = Request> {
    let token = prop_oneof![
        Just(Token::default()),
        "[A-Z_][A-Z0-9_]{0,10}".prop_map(Token::Env),
        "[!-~]([ -~]{0,12}[!-~])?".prop_map(Token::Placeholder),
        ("[a-z0-9]{1,8}", text_with_vars()).prop_map(|(user, password)| Token::Basic {
            user: Text::from(user),
            password,
        }),
        Just(Token::None),
    ];
    let value = prop_oneof![
        "([!-~]([ -~]{0,20}[!-~])?)?".prop_map(Text::from),
        text_with_vars(),
    ];
    let header = ("X-[A-Za-z0-9-]{1,10}", value);
    let method = prop_oneof![
        Just(None),
        Just(Some("PUT".to_owned())),
        Just(Some("DELETE".to_owned())),
        Just(Some("HEAD".to_owned())),
        Just(Some("PATCH".to_owned()))
    ];
    (
        url(),
        token,
        prop::collection::vec(header, 0..4),
        payload(),
        method,
        connection(),
    )
        .prop_map(|(url, token, headers, payload, method, connection)| {
            let mut request = Request::new("https://x.cloud").token(token);
            request.url = url;
            request.payload = payload;
            request.method = method;
            request.connection = connection;
            for (name, value) in headers {
                if request.header_value(&name).is_none() {
                    request.headers.push((name, value));
                }
            }
            request
        })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        max_global_rejects: 100_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn curl_round_trip(request in request()) {
        // A placeholder that looks like a real token is replaced on purpose.
        prop_assume!(!matches!(&request.token, Token::Placeholder(text) if text.starts_with("hf_")));
        prop_assume!(request.validate().is_ok());
        let command = render(&request, Client::Curl).expect("curl renders every valid request");
        let parsed = parse_curl(&command, "rendered", &CurlOptions::default())
            .unwrap_or_else(|err| panic!("{command}\n{err}"));
        prop_assert_eq!(&parsed.request, &request, "{}", command);
        // The request may be one a person would likely write by mistake (a literal `$A`
        // single-quoted, JSON sent as a form): curl sends it all the same.
        // A placeholder is reported so that the reader replaces it.
        let likely_mistake = [
            Code::LiteralVariable,
            Code::JsonSentAsForm,
            Code::GetWithBody,
            Code::Placeholder,
            Code::Insecure,
        ];
        let warnings: Vec<_> = parsed
            .warnings
            .iter()
            .filter(|warning| !likely_mistake.contains(&warning.code))
            .collect();
        prop_assert!(warnings.is_empty(), "{}\n{:?}", command, warnings);
    }

    #[test]
    fn spec_round_trip(request in request()) {
        prop_assume!(request.validate().is_ok());
        match to_spec(&request) {
            Ok(spec) => {
                let text = spec.to_string();
                let read = parse_spec(&text, "spec.json")
                    .unwrap_or_else(|err| panic!("{text}\n{err}"));
                for client in Client::ALL {
                    let (expected, actual) = (render(&request, client), render(&read, client));
                    prop_assert_eq!(expected, actual, "{}: {}", client, text);
                }
            }
            Err(err) => {
                prop_assert_eq!(err.code(), Code::NotInSpec);
                prop_assert!(err.diagnostic().field.is_some(), "{}", err);
            }
        }
    }
}

/// Every snapshot case: a spec reads back from its own JSON spec unchanged, and a
/// curl command's spec (when a spec can describe it) renders what the command does.
#[test]
fn snapshot_specs_round_trip() {
    let mut described = 0;
    for case in crate::cases() {
        let read = |name: &str| std::fs::read_to_string(case.join(name)).ok();
        let (request, from_curl) = match (read("request.json"), read("command.sh")) {
            (Some(spec), _) => (parse_spec(&spec, "request.json").expect("a spec"), false),
            (None, Some(command)) => {
                let parsed = parse_curl(&command, "command.sh", &CurlOptions::default());
                (parsed.expect("a command").request, true)
            }
            (None, None) => panic!("{}: no request", case.display()),
        };
        let spec = match to_spec(&request) {
            Ok(spec) => spec,
            Err(err) if from_curl => {
                assert_eq!(err.code(), Code::NotInSpec, "{}", case.display());
                continue;
            }
            Err(err) => panic!("{}: {err}", case.display()),
        };
        let back = parse_spec(&spec.to_string(), "spec.json").expect("the spec reads back");
        if !from_curl {
            assert_eq!(back, request, "{}", case.display());
        }
        for client in Client::ALL {
            assert_eq!(
                render(&back, client),
                render(&request, client),
                "{}",
                case.display()
            );
        }
        described += 1;
    }
    assert!(described > 30, "only {described} cases have a spec");
}
