//! A block's request against the curl block's, both as the proxy recorded them:
//! every difference, each naming what differs (the method, a URL part, a header, a
//! JSON path, the body).
//!
//! Not differences: headers an HTTP client adds on its own (`User-Agent`, `Accept`,
//! `Content-Length`...) and those an SDK describes itself with (`X-Stainless-*`,
//! huggingface_hub's `X-Amzn-Trace-Id`), unless the curl block sets them; the token
//! of an `Authorization` header (the page shows a placeholder or a variable, each
//! run gets a dummy): its scheme counts; a media type's parameters (a form's
//! boundary); JSON whitespace and key order;
//! the case of `%XX` escapes. An empty `"parameters": {}` and a `"stream": false`
//! on one side only (a typed Hugging Face client adds them, a curl block may write
//! them) are the endpoint's defaults: a server cannot tell them from none.

use serde_json::Value;

use crate::proxy::Recorded;

/// Headers an HTTP client adds on its own, compared only when the curl block sets them.
const CLIENT_HEADERS: &[&str] = &[
    "host",
    "content-length",
    "transfer-encoding",
    "expect",
    "connection",
    "keep-alive",
    "proxy-connection",
    "user-agent",
    "accept",
    "accept-encoding",
    "accept-language",
    "sec-fetch-mode",
    "x-amzn-trace-id",
];

/// Whether a client may send header `lower` (lowercase) though the curl block does not.
fn own(lower: &str) -> bool {
    CLIENT_HEADERS.contains(&lower) || lower.starts_with("x-stainless-")
}

/// Every way `sent` differs from `expected`, worded for the block's reader.
pub fn differences(expected: &Recorded, sent: &Recorded) -> Vec<String> {
    let mut out = Vec::new();
    if expected.method != sent.method {
        out.push(format!(
            "method: the curl block sends {}, this block {}",
            expected.method, sent.method
        ));
    }
    type Part = fn(&Recorded) -> String;
    let parts: [(&str, Part); 4] = [
        ("scheme", |r| r.scheme().to_ascii_lowercase()),
        ("host", |r| r.authority().to_ascii_lowercase()),
        ("path", |r| escapes_uppercased(r.path())),
        ("query", |r| decoded_query(query(r))),
    ];
    for (part, of) in parts {
        let (want, got) = (of(expected), of(sent));
        if want != got {
            out.push(format!(
                "URL {part}: the curl block sends {want:?}, this block {got:?} ({})",
                sent.url
            ));
        }
    }
    for (name, value) in &expected.headers {
        let lower = name.to_ascii_lowercase();
        if own(&lower) {
            continue;
        }
        let got = sent.values(name);
        let same = |got: &str| match lower.as_str() {
            "authorization" => scheme(got) == scheme(value),
            "content-type" => media_type(got) == media_type(value),
            _ => got == value,
        };
        match got.as_slice() {
            [] => out.push(format!(
                "header {name}: the curl block sends {value:?}, this block none"
            )),
            [one] if same(one) => {}
            [one] => out.push(format!(
                "header {name}: the curl block sends {value:?}, this block {one:?}"
            )),
            many => out.push(format!(
                "header {name}: this block sends it {} times: {many:?}",
                many.len()
            )),
        }
    }
    for (name, value) in &sent.headers {
        let lower = name.to_ascii_lowercase();
        if !own(&lower) && expected.values(name).is_empty() {
            out.push(format!(
                "header {name}: this block sends {value:?}, the curl block none"
            ));
        }
    }
    out.extend(body(expected, sent));
    out
}

fn query(recorded: &Recorded) -> &str {
    recorded
        .path_and_query()
        .split_once('?')
        .map_or("", |(_, query)| query)
}

/// The query's pairs, percent-decoded (`@` and `%40` are the same to a server),
/// in order, `&`-joined.
fn decoded_query(query: &str) -> String {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let bytes = pair.as_bytes();
            let mut out = Vec::with_capacity(bytes.len());
            let mut at = 0;
            while at < bytes.len() {
                let hex = |b: u8| (b as char).to_digit(16);
                match (
                    bytes[at],
                    bytes.get(at + 1).copied().and_then(hex),
                    bytes.get(at + 2).copied().and_then(hex),
                ) {
                    (b'%', Some(high), Some(low)) => {
                        out.push(u8::try_from(high * 16 + low).unwrap_or(b'?'));
                        at += 3;
                    }
                    (byte, ..) => {
                        out.push(byte);
                        at += 1;
                    }
                }
            }
            String::from_utf8_lossy(&out).into_owned()
        })
        .collect::<Vec<_>>()
        .join("&")
}

fn scheme(authorization: &str) -> String {
    authorization
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

fn escapes_uppercased(target: &str) -> String {
    let mut out = String::with_capacity(target.len());
    let mut hex_digits = 0;
    for c in target.chars() {
        if hex_digits > 0 {
            hex_digits -= 1;
            out.push(c.to_ascii_uppercase());
        } else {
            out.push(c);
        }
        if c == '%' {
            hex_digits = 2;
        }
    }
    out
}

fn body(expected: &Recorded, sent: &Recorded) -> Vec<String> {
    if expected.body == sent.body {
        return Vec::new();
    }
    let json = |body: &[u8]| serde_json::from_slice::<Value>(body).ok();
    if let (Some(want), Some(got)) = (json(&expected.body), json(&sent.body)) {
        let (want, got) = (
            without_typed_additions(&got, want.clone()),
            without_typed_additions(&want, got),
        );
        let mut out = Vec::new();
        json_differences(&want, &got, "$", &mut out);
        out.truncate(20);
        return out
            .into_iter()
            .map(|difference| format!("JSON body {difference}"))
            .collect();
    }
    let content_type = expected
        .values("content-type")
        .first()
        .map(|value| media_type(value));
    if content_type.as_deref() == Some("multipart/form-data") {
        let boundary = |recorded: &Recorded| {
            recorded
                .values("content-type")
                .first()
                .and_then(|value| value.split("boundary=").nth(1))
                .map(|boundary| boundary.trim_matches('"').to_owned())
                .unwrap_or_default()
        };
        let strip = |recorded: &Recorded| {
            let text = String::from_utf8_lossy(&recorded.body).into_owned();
            let boundary = boundary(recorded);
            if boundary.is_empty() {
                text
            } else {
                text.replace(&boundary, "BOUNDARY")
            }
        };
        if strip(expected) == strip(sent) {
            return Vec::new();
        }
    }
    if expected.body.is_empty() {
        return vec![format!(
            "body: the curl block sends none, this block {} bytes",
            sent.body.len()
        )];
    }
    if sent.body.is_empty() {
        return vec![format!(
            "body: the curl block sends {} bytes, this block none",
            expected.body.len()
        )];
    }
    let at = expected
        .body
        .iter()
        .zip(&sent.body)
        .position(|(a, b)| a != b)
        .unwrap_or(expected.body.len().min(sent.body.len()));
    let around = |bytes: &[u8]| {
        let end = (at + 24).min(bytes.len());
        bytes[at.saturating_sub(16).min(end)..end]
            .escape_ascii()
            .to_string()
    };
    vec![format!(
        "body: differs at byte {at} (lengths {} and {}): the curl block sends \"{}\", this block \"{}\"",
        expected.body.len(),
        sent.body.len(),
        around(&expected.body),
        around(&sent.body)
    )]
}

/// `sent` without an empty `parameters` and a false `stream` that `expected` does
/// not have: a typed client adds them, a hand-written curl block writes them, and a
/// server cannot tell (applied both ways).
fn without_typed_additions(expected: &Value, mut sent: Value) -> Value {
    if let (Value::Object(want), Value::Object(got)) = (expected, &mut sent) {
        if !want.contains_key("parameters")
            && got.get("parameters") == Some(&Value::Object(Default::default()))
        {
            got.remove("parameters");
        }
        if !want.contains_key("stream") && got.get("stream") == Some(&Value::Bool(false)) {
            got.remove("stream");
        }
    }
    sent
}

fn json_differences(want: &Value, got: &Value, at: &str, out: &mut Vec<String>) {
    match (want, got) {
        (Value::Object(want), Value::Object(got)) => {
            for (key, value) in want {
                let path = format!("{at}.{key}");
                match got.get(key) {
                    None => out.push(format!(
                        "{path}: the curl block sends {}, this block leaves it out",
                        clip(value)
                    )),
                    Some(other) => json_differences(value, other, &path, out),
                }
            }
            for (key, value) in got {
                if !want.contains_key(key) {
                    out.push(format!(
                        "{at}.{key}: this block sends {}, the curl block leaves it out",
                        clip(value)
                    ));
                }
            }
        }
        (Value::Array(want), Value::Array(got)) if want.len() == got.len() => {
            for (index, (w, g)) in want.iter().zip(got).enumerate() {
                json_differences(w, g, &format!("{at}[{index}]"), out);
            }
        }
        (Value::Number(w), Value::Number(g))
            if w.as_f64() == g.as_f64() && w.as_f64().is_some() => {}
        (want, got) if want == got => {}
        (want, got) => out.push(format!(
            "{at}: the curl block sends {}, this block {}",
            clip(want),
            clip(got)
        )),
    }
}

fn clip(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() <= 80 {
        return text;
    }
    let mut out: String = text.chars().take(80).collect();
    out.push_str("...");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proxy::Via;

    fn recorded(url: &str, headers: &[(&str, &str)], body: &str) -> Recorded {
        Recorded {
            method: "POST".into(),
            url: url.into(),
            headers: headers
                .iter()
                .map(|(k, v)| ((*k).into(), (*v).into()))
                .collect(),
            body: body.as_bytes().to_vec(),
            via: Via::Connect,
            auxiliary: false,
            status: 200,
        }
    }

    #[test]
    fn each_difference_is_named() {
        let curl = recorded(
            "https://r.co/v1/chat?a=%2f",
            &[
                ("Authorization", "Bearer hf_***"),
                ("Content-Type", "application/json"),
                ("User-Agent", "curl"),
            ],
            r#"{"model":"m","messages":[{"role":"user","content":"Hi"}],"stream":true}"#,
        );
        let same = recorded(
            "https://r.co/v1/chat?a=/",
            &[
                ("authorization", "Bearer hf_dummy"),
                ("content-type", "application/json; charset=utf-8"),
                ("X-Stainless-Lang", "js"),
            ],
            r#"{"stream":true,"messages":[{"content":"Hi","role":"user"}],"model":"m","parameters":{}}"#,
        );
        assert_eq!(differences(&curl, &same), Vec::<String>::new());
        let drifted = recorded(
            "https://r.co/v2/chat",
            &[("Content-Type", "application/json"), ("X-Old", "1")],
            r#"{"model":"n","messages":[{"role":"user","content":"Hi"}]}"#,
        );
        let found = differences(&curl, &drifted);
        assert_eq!(found.len(), 6, "{found:#?}");
        assert!(found[0].starts_with("URL path"));
        assert!(found[1].starts_with("URL query"));
        assert!(found[2].starts_with("header Authorization"));
        assert!(found[3].starts_with("header X-Old"));
        assert!(found[4].starts_with("JSON body $.model"));
        assert!(found[5].starts_with("JSON body $.stream"));
    }
}
