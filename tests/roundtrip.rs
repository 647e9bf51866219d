//! Property: a request rendered as curl and parsed back is the same request.

use inference_snippets::{
    Client, CurlOptions, FileBytes, Payload, Request, Token, parse_curl, render,
};
use proptest::prelude::*;
use serde_json::Value;

/// Text a shell argument can hold: anything printable, quotes, `$`, backslashes,
/// newlines, tabs, emoji; no NUL (no shell word can hold it).
fn text() -> impl Strategy<Value = String> {
    "[ -~\n\t\u{e9}\u{4e2d}\u{1f917}]{0,40}"
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
        (text(), content_type.clone()).prop_map(|(body, content_type)| Payload::Text {
            body: body.into(),
            content_type,
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
    let url = "https://[a-z]{1,10}\\.cloud(/[a-zA-Z0-9._~-]{1,8}){0,3}(\\?[a-z]{1,5}=[a-zA-Z0-9%]{0,6}(&[a-z]{1,3}=[0-9]{1,3})?)?"
        .prop_filter("no dot segments", |url| !url.contains("/./") && !url.contains("/../") && !url.ends_with("/.") && !url.ends_with("/.."));
    let token = prop_oneof![
        Just(Token::default()),
        "[A-Z_][A-Z0-9_]{0,10}".prop_map(Token::Env),
        "[!-~]([ -~]{0,12}[!-~])?".prop_map(Token::Placeholder),
        Just(Token::None),
    ];
    let header = ("X-[A-Za-z0-9-]{1,10}", "([!-~]([ -~]{0,20}[!-~])?)?");
    let method = prop_oneof![
        Just(None),
        Just(Some("PUT".to_owned())),
        Just(Some("DELETE".to_owned())),
        Just(Some("HEAD".to_owned())),
        Just(Some("PATCH".to_owned()))
    ];
    (
        url,
        token,
        prop::collection::vec(header, 0..4),
        payload(),
        method,
    )
        .prop_map(|(url, token, headers, payload, method)| {
            let mut request = Request::new(url).token(token);
            request.payload = payload;
            request.method = method;
            for (name, value) in headers {
                if request.header_value(&name).is_none() {
                    request.headers.push((name, value.into()));
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
        prop_assert!(parsed.warnings.is_empty(), "{}\n{:?}", command, parsed.warnings);
    }
}
