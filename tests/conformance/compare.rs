//! A captured request against the expected one: the first difference, or none.
//!
//! Compared: method, path and query (the whole URL, scheme and host too, in the
//! real-host mode), Content-Type (for a form, its media type only:
//! each client picks its boundary), Authorization, every header the request sets
//! (and no header beyond those and the ones HTTP clients add on their own), the body
//! (JSON as values, a form part by part, anything else byte for byte), and for a
//! streaming request, the streamed text on stdout.

use inference_snippets::Client;
use inference_snippets::proxy;
use serde_json::{Map, Number, Value};

use super::multipart;
use super::oracle::{Body, CLIENT_HEADERS, Expected};
use super::server::Captured;

// ---------------------------------------------------------------------------------
// The tolerances, all of them, in one place. A typed Hugging Face client
// (huggingface_hub, @huggingface/inference) builds its JSON body itself; a server
// cannot tell these changes apart, so they are the same request
// (reference/hf-clients.md, "When is a typed-client snippet the same request?"):
//   1. an added empty `"parameters": {}` at the top level, when the payload has none;
//   2. an added `"stream": false` at the top level, when the payload has no "stream";
//   3. JSON key order.
// Whitespace between JSON tokens never counts, for any client: a JSON payload is a
// value, and clients serialise it their own way.
//   4. For requests and huggingface_hub only, the case of the hex digits of a `%XX`
//      escape in the path and query: urllib3 writes every escape in uppercase, while
//      curl's URL parser writes those it adds in lowercase before curl 8.20. The same
//      octet (RFC 3986, 2.1); the requests snippet says so in a warning.
// The openai SDKs (Python and JavaScript) send the body's values as given, and add
// headers that describe themselves, as every client's User-Agent does:
//   5. for both, the `X-Stainless-*` headers (the SDK's language, version, OS,
//      architecture, runtime, retry count, timeout) when the request sets none of
//      that name; User-Agent and Accept fall under the rule of every client
//      (`CLIENT_HEADERS`: compared only when the request sets them);
//   6. for the Python SDK, tolerance 3 (JSON key order): it writes the body's keys in
//      its own order. The JavaScript SDK keeps the order: it counts.
// Nothing else is tolerated.
// ---------------------------------------------------------------------------------

// Which tolerance applies to which client is the client's own description of what
// it changes on the wire (`Client::wire`), in the client table.

/// Whether tolerances 1 and 2 apply to `client`.
fn adds_empty_defaults(client: Client) -> bool {
    client.wire().adds_empty_defaults
}

/// Whether JSON key order counts for `client` (tolerances 3 and 6).
fn keeps_key_order(client: Client) -> bool {
    !client.wire().reorders_json_keys
}

/// Whether tolerance 4 applies to `client`.
fn uppercases_escapes(client: Client) -> bool {
    client.wire().uppercases_escapes
}

/// Whether tolerance 5 lets `client` send the header `lower` (lowercase).
fn describes_itself(client: Client, lower: &str) -> bool {
    client
        .wire()
        .own_headers
        .is_some_and(|prefix| lower.starts_with(prefix))
}

/// Tolerance 4: `target` with the hex digits of its escapes in uppercase.
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

/// Tolerances 1 and 2: the sent body without the keys a typed client may add.
fn without_typed_additions(expected: &Value, mut sent: Value) -> Value {
    if let (Value::Object(expected), Value::Object(sent)) = (expected, &mut sent) {
        if !expected.contains_key("parameters")
            && sent.get("parameters") == Some(&Value::Object(Map::new()))
        {
            sent.remove("parameters");
        }
        if !expected.contains_key("stream") && sent.get("stream") == Some(&Value::Bool(false)) {
            sent.remove("stream");
        }
    }
    sent
}

/// The first way `sent` (and what the snippet printed) differs from `expected`.
pub(super) fn first_difference(
    expected: &Expected,
    sent: &Captured,
    client: Client,
    stdout: &str,
) -> Option<String> {
    if sent.method != expected.method {
        return Some(format!(
            "method: expected {} got {}",
            expected.method, sent.method
        ));
    }
    let same_target = sent.target == expected.target
        || (uppercases_escapes(client)
            && escapes_uppercased(&sent.target) == escapes_uppercased(&expected.target));
    if !same_target {
        let what = if expected.target.contains("://") {
            "URL"
        } else {
            "path and query"
        };
        return Some(format!(
            "{what}: expected {:?} got {:?}",
            expected.target, sent.target
        ));
    }
    let content_type = match (&expected.content_type, &expected.body) {
        // The boundary is each client's own.
        (Some(form), Body::Form(_)) => header(sent, "Content-Type", Some(form), |value| {
            value
                .split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_owned()
        }),
        (value, _) => header(sent, "Content-Type", value.as_ref(), str::to_owned),
    };
    if content_type.is_some() {
        return content_type;
    }
    let authorization = header(
        sent,
        "Authorization",
        expected.authorization.as_ref(),
        str::to_owned,
    );
    if authorization.is_some() {
        return authorization;
    }
    for (name, value) in &expected.headers {
        if let Some(difference) = header(sent, name, value.as_ref(), str::to_owned) {
            return Some(difference);
        }
    }
    for (name, value) in &sent.headers {
        let lower = name.to_ascii_lowercase();
        let known = lower == "content-type"
            || lower == "authorization"
            || CLIENT_HEADERS.contains(&lower.as_str())
            || describes_itself(client, &lower)
            || expected
                .headers
                .iter()
                .any(|(n, _)| n.eq_ignore_ascii_case(name));
        if !known {
            return Some(format!("unexpected header {name}: {value:?}"));
        }
    }
    if let Some(difference) = body_difference(&expected.body, sent, client) {
        return Some(difference);
    }
    if expected.streams {
        let mut rest = stdout;
        for piece in proxy::streamed(super::realhost::path_of(&expected.target)) {
            match rest.find(piece) {
                Some(at) => rest = &rest[at + piece.len()..],
                None => {
                    return Some(format!(
                        "the stream is not printed: {piece:?} missing from stdout {:?}",
                        clip(stdout)
                    ));
                }
            }
        }
    }
    None
}

/// `name` must be sent once with `expected` (after `normalise`), or not at all.
fn header(
    sent: &Captured,
    name: &str,
    expected: Option<&String>,
    normalise: impl Fn(&str) -> String,
) -> Option<String> {
    let values = sent.values(name);
    match (expected, values.as_slice()) {
        (None, []) => None,
        (None, [value, ..]) => Some(format!("header {name}: expected none got {value:?}")),
        (Some(want), []) => Some(format!("header {name}: expected {want:?}, not sent")),
        (Some(want), [value]) if normalise(value) == *want => None,
        (Some(want), [value]) => Some(format!("header {name}: expected {want:?} got {value:?}")),
        (Some(_), values) => Some(format!(
            "header {name}: sent {} times {values:?}",
            values.len()
        )),
    }
}

fn body_difference(expected: &Body, sent: &Captured, client: Client) -> Option<String> {
    match expected {
        Body::None if sent.body.is_empty() => None,
        Body::None => Some(format!(
            "body: expected none got {} bytes {:?}",
            sent.body.len(),
            clip(&String::from_utf8_lossy(&sent.body))
        )),
        Body::Bytes(bytes) => bytes_difference(bytes, &sent.body),
        Body::Json(value) => {
            let parsed: Value = match serde_json::from_slice(&sent.body) {
                Ok(parsed) => parsed,
                Err(err) => {
                    return Some(format!(
                        "body is not JSON ({err}): {:?}",
                        clip(&String::from_utf8_lossy(&sent.body))
                    ));
                }
            };
            let parsed = if adds_empty_defaults(client) {
                without_typed_additions(value, parsed)
            } else {
                parsed
            };
            json_difference(value, &parsed, keeps_key_order(client), "$")
                .map(|difference| format!("JSON body {difference}"))
        }
        Body::Form(parts) => {
            let content_type = sent.values("content-type").first().copied().unwrap_or("");
            let sent_parts = match multipart::parse(content_type, &sent.body) {
                Ok(parts) => parts,
                Err(err) => return Some(format!("form body does not parse: {err}")),
            };
            if sent_parts.len() != parts.len() {
                return Some(format!(
                    "form: expected {} parts got {}: [{}]",
                    parts.len(),
                    sent_parts.len(),
                    sent_parts
                        .iter()
                        .map(|p| p.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            for (index, (want, got)) in parts.iter().zip(&sent_parts).enumerate() {
                if want.body != got.body {
                    let difference = bytes_difference(&want.body, &got.body).unwrap_or_default();
                    return Some(format!("form part {index} ({want}): {difference}"));
                }
                if want != got {
                    return Some(format!("form part {index}: expected {want} got {got}"));
                }
            }
            None
        }
    }
}

fn bytes_difference(expected: &[u8], sent: &[u8]) -> Option<String> {
    if expected == sent {
        return None;
    }
    let at = expected
        .iter()
        .zip(sent)
        .position(|(a, b)| a != b)
        .unwrap_or(expected.len().min(sent.len()));
    let around = |bytes: &[u8]| {
        let end = (at + 24).min(bytes.len());
        bytes[at.saturating_sub(16).min(end)..end]
            .escape_ascii()
            .to_string()
    };
    Some(format!(
        "body bytes differ at offset {at} (lengths {} and {}): expected \"{}\" got \"{}\"",
        expected.len(),
        sent.len(),
        around(expected),
        around(sent)
    ))
}

/// The first difference between JSON values; key order counts when `ordered`.
fn json_difference(expected: &Value, sent: &Value, ordered: bool, at: &str) -> Option<String> {
    match (expected, sent) {
        (Value::Object(want), Value::Object(got)) => {
            if let Some(key) = want.keys().find(|key| !got.contains_key(*key)) {
                return Some(format!("at {at}: key {key:?} missing"));
            }
            if let Some((key, value)) = got.iter().find(|(key, _)| !want.contains_key(*key)) {
                return Some(format!(
                    "at {at}: unexpected key {key:?} = {}",
                    clip(&value.to_string())
                ));
            }
            if ordered && !want.keys().eq(got.keys()) {
                let keys = |map: &Map<String, Value>| map.keys().cloned().collect::<Vec<_>>();
                return Some(format!(
                    "at {at}: key order {:?}, expected {:?}",
                    keys(got),
                    keys(want)
                ));
            }
            want.iter().find_map(|(key, value)| {
                json_difference(value, &got[key], ordered, &format!("{at}[{key:?}]"))
            })
        }
        (Value::Array(want), Value::Array(got)) => {
            if want.len() != got.len() {
                return Some(format!(
                    "at {at}: {} elements, expected {}",
                    got.len(),
                    want.len()
                ));
            }
            want.iter()
                .zip(got)
                .enumerate()
                .find_map(|(index, (w, g))| {
                    json_difference(w, g, ordered, &format!("{at}[{index}]"))
                })
        }
        (Value::Number(want), Value::Number(got)) if same_number(want, got) => None,
        (want, got) if want == got && !want.is_number() => None,
        (want, got) => Some(format!(
            "at {at}: expected {} got {}",
            clip(&want.to_string()),
            clip(&got.to_string())
        )),
    }
}

/// Equal as numbers: `3` and `3.0` are, `12345678901234567890` and the nearest
/// double are not (a client that lost precision sent another number).
fn same_number(a: &Number, b: &Number) -> bool {
    let integer = |n: &Number| {
        n.as_i64()
            .map(i128::from)
            .or_else(|| n.as_u64().map(i128::from))
    };
    let integral_float = |f: f64| (f.fract() == 0.0 && f.abs() < 1e30).then_some(f as i128);
    match (integer(a), integer(b)) {
        (Some(x), Some(y)) => x == y,
        (Some(x), None) => b.as_f64().and_then(integral_float) == Some(x),
        (None, Some(y)) => a.as_f64().and_then(integral_float) == Some(y),
        (None, None) => a.as_f64() == b.as_f64(),
    }
}

/// At most 160 characters of `text`, for messages.
fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(160).collect();
    if out.len() < text.len() {
        out.push_str(&format!("...({} bytes)", text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn typed_additions_are_the_only_tolerance() {
        let want = json!({"inputs": "x"});
        let sent = json!({"parameters": {}, "inputs": "x", "stream": false});
        let sent = without_typed_additions(&want, sent);
        assert_eq!(json_difference(&want, &sent, false, "$"), None);
        let sent = json!({"inputs": "x", "parameters": {"a": 1}});
        assert!(
            json_difference(&want, &without_typed_additions(&want, sent), false, "$").is_some()
        );
    }

    #[test]
    fn key_order_counts_for_generic_clients() {
        let want = json!({"a": 1, "b": 2});
        let sent = json!({"b": 2, "a": 1});
        assert!(json_difference(&want, &sent, true, "$").is_some());
        assert_eq!(json_difference(&want, &sent, false, "$"), None);
    }

    #[test]
    fn numbers_compare_by_value_without_precision_loss() {
        let big: Value = serde_json::from_str("12345678901234567890").unwrap();
        let rounded: Value = serde_json::from_str("12345678901234567000.0").unwrap();
        assert!(json_difference(&big, &rounded, true, "$").is_some());
        assert_eq!(json_difference(&json!(3.0), &json!(3), true, "$"), None);
    }
}
