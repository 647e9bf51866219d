//! Hostile input: arbitrary strings in URLs, headers, bodies and file names render
//! to snippets their real tools accept; docs writes keep every byte outside their
//! regions and change nothing the second time; a killed write leaves the old file
//! or the new one; big and deep input is handled.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use inference_snippets::{
    Client, CurlOptions, FileBytes, JsonTemplate, Language, Part, PartContent, Payload, Request,
    Segment, Slot, Text, Token, docs, parse_curl, parse_spec, render,
};
use proptest::prelude::*;
use serde_json::Value;

/// Any text: controls, NUL, quotes, `$()`, backticks, bidi marks, emoji, CJK.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~\n\r\t\u{0}\u{7f}\u{85}\u{2028}\u{202e}\u{e9}\u{4e2d}\u{1f917}'\"`$(){}\\\\!]{0,40}",
    ]
}

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
            .prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((text(), inner), 0..4)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

fn payload() -> impl Strategy<Value = Payload> {
    let path = "[^\u{0}-\u{1f}\u{7f}-\u{9f}]{1,20}";
    prop_oneof![
        Just(Payload::None),
        json().prop_map(Payload::Json),
        (text(), prop::option::of("[!-~]{1,20}")).prop_map(|(body, content_type)| Payload::Text {
            body: body.into(),
            content_type,
        }),
        (path, any::<bool>()).prop_map(|(path, strip_line_breaks)| Payload::File {
            path,
            content_type: Some("application/octet-stream".into()),
            bytes: if strip_line_breaks {
                FileBytes::StripLineBreaks
            } else {
                FileBytes::AsIs
            },
        }),
        // A file's base64 (a spec's `base64_files`) beside any JSON.
        (json(), path).prop_map(|(question, path)| {
            let mut image = Text::new();
            image.push(Segment::FileBase64(path));
            Payload::JsonTemplate(JsonTemplate {
                value: serde_json::json!({"inputs": {"question": question, "image": null}}),
                slots: vec![Slot {
                    pointer: "/inputs/image".into(),
                    text: image,
                    number: false,
                }],
            })
        }),
        prop::collection::vec(("[a-z_]{1,8}", text(), path), 1..3).prop_map(|parts| {
            Payload::Multipart(
                parts
                    .into_iter()
                    .enumerate()
                    .map(|(index, (name, value, path))| Part {
                        name,
                        content: if index % 2 == 0 {
                            PartContent::Text(value.into())
                        } else {
                            PartContent::File(path)
                        },
                        content_type: (index % 2 == 1).then(|| "image/png".to_owned()),
                        filename: (index % 2 == 1).then(|| "up'$(x).png".to_owned()),
                    })
                    .collect(),
            )
        }),
    ]
}

fn request() -> impl Strategy<Value = Request> {
    // Every character a URL may hold as written, the shell's favourites included.
    let url = "https://x\\.cloud/[A-Za-z0-9._~:/@!$&'()*+,;=\\[\\]-]{0,30}(\\?[A-Za-z0-9._~:/?@!$&()*+,;=-]{0,20})?";
    let header = ("X-[A-Za-z0-9]{1,8}", "([!-~]([ -~]{0,30}[!-~])?)?");
    let token = prop_oneof![
        Just(Token::default()),
        "[!-~]([ -~]{0,16}[!-~])?".prop_map(Token::Placeholder),
        Just(Token::None),
    ];
    (url, prop::collection::vec(header, 0..3), token, payload()).prop_map(
        |(url, headers, token, payload)| {
            let mut request = Request::new(url).token(token);
            request.payload = payload;
            for (name, value) in headers {
                if request.header_value(&name).is_none() {
                    request.headers.push((name, value.into()));
                }
            }
            request
        },
    )
}

/// Whether Python compiles the snippet at `path`: python3's own executable, asked
/// once, run isolated and without `site` (a version manager's `python3` is a shell
/// script, and its start with `site` took ~0.2 s of each of the ~200 checks here).
fn python_compiles(path: &str, snippet: &str) {
    static PYTHON: OnceLock<String> = OnceLock::new();
    let python = PYTHON.get_or_init(|| {
        Command::new("python3")
            .args(["-c", "import sys; print(sys.executable)"])
            .output()
            .ok()
            .and_then(|output| String::from_utf8(output.stdout).ok())
            .map(|exe| exe.trim().to_owned())
            .filter(|exe| !exe.is_empty())
            .unwrap_or_else(|| "python3".to_owned())
    });
    accepts(
        python,
        &[
            "-I",
            "-S",
            "-c",
            "import sys; compile(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1], 'exec')",
            path,
        ],
        snippet,
    );
}

/// Runs `program args`, failing with its output and the snippet unless it succeeds.
fn accepts(program: &str, args: &[&str], snippet: &str) {
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|err| panic!("cannot run {program}: {err}"));
    assert!(
        output.status.success(),
        "{program} rejects the snippet:\n{}\n--- snippet ---\n{snippet}",
        String::from_utf8_lossy(&output.stderr)
    );
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        max_global_rejects: 10_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn hostile_requests_render_to_valid_code(request in request()) {
        prop_assume!(request.validate().is_ok());
        let dir = super::scratch(&format!("hostile-{}", std::process::id()));
        for client in [Client::Curl, Client::Requests, Client::Httpx, Client::HttpxAsync, Client::Fetch, Client::GoNetHttp, Client::Guzzle, Client::RubyNetHttp] {
            let snippet = match render(&request, client) {
                Ok(snippet) => snippet,
                // curl refuses a NUL byte in an argument; Guzzle, Net::HTTP and
                // requests (urllib3) a URL with `[` or `]` after the host, Net::HTTP a
                // body without a type or a name it would escape; the others send
                // anything (fetch writes a form FormData cannot send itself).
                Err(err) => {
                    prop_assert!(
                        matches!(client, Client::Curl | Client::Guzzle | Client::RubyNetHttp)
                            || (client == Client::Requests
                                && err.to_string().contains("percent-encodes [ and ]")),
                        "{}",
                        err
                    );
                    continue;
                }
            };
            let path = dir.join(format!("snippet.{}", match client.language() {
                // An ES module: node needs the .mjs name.
                Language::JavaScript => "mjs",
                other => other.extension(),
            }));
            fs::write(&path, &snippet).expect("write snippet");
            let path = path.to_str().expect("utf-8 path");
            match client.language() {
                Language::Curl => accepts("bash", &["-n", path], &snippet),
                Language::Python => python_compiles(path, &snippet),
                Language::JavaScript => accepts("node", &["--check", path], &snippet),
                Language::Go => accepts("gofmt", &["-e", path], &snippet),
                // A crate a case is too slow here: tests/syntax.rs compiles every
                // snapshot, and the conformance run builds every case. Java's are
                // compiled together, below.
                Language::Rust | Language::Java => {}
                Language::Php => accepts("php", &["-l", path], &snippet),
                Language::Ruby => accepts("ruby", &["-c", path], &snippet),
            }
            // A rendered curl command reads back as the same request.
            if client == Client::Curl {
                let parsed = parse_curl(&snippet, "rendered", &CurlOptions::default())
                    .unwrap_or_else(|err| panic!("{snippet}\n{err}"));
                prop_assert!(parsed.request.validate().is_ok());
            }
        }
    }

    #[test]
    fn hostile_openai_requests_render_to_valid_code(
        base in "https://x\\.cloud/[A-Za-z0-9._~:/@!$&'()*+,;=-]{0,20}",
        route in prop_oneof![Just("chat/completions"), Just("completions"), Just("embeddings")],
        model in text(),
        input in json(),
        extra in prop::collection::vec((text(), json()), 0..4),
        header in ("X-[A-Za-z0-9]{1,8}", "([!-~]([ -~]{0,30}[!-~])?)?"),
        token in prop_oneof![Just(Token::default()), "[!-~]([ -~]{0,16}[!-~])?".prop_map(Token::Placeholder)],
    ) {
        let input_key = match route {
            "chat/completions" => "messages",
            "completions" => "prompt",
            _ => "input",
        };
        let mut body = serde_json::Map::new();
        body.insert("model".into(), Value::String(model));
        body.insert(input_key.into(), input);
        body.insert("encoding_format".into(), Value::from("float"));
        body.extend(extra);
        let request = Request::new(format!("{}/{route}", base.trim_end_matches('/')))
            .token(token)
            .header(header.0, header.1)
            .json(Value::Object(body));
        prop_assume!(request.validate().is_ok());
        let dir = super::scratch(&format!("hostile-openai-{}", std::process::id()));
        for client in [Client::OpenaiPython, Client::OpenaiJs] {
            // A refusal (a "stream" that is not a boolean, a number JavaScript would
            // round) is an answer; a snippet must be valid code.
            let Ok(snippet) = render(&request, client) else { continue };
            let path = dir.join(if client == Client::OpenaiPython { "snippet.py" } else { "snippet.mjs" });
            fs::write(&path, &snippet).expect("write snippet");
            let path = path.to_str().expect("utf-8 path");
            if client == Client::OpenaiPython {
                python_compiles(path, &snippet);
            } else {
                accepts("node", &["--check", path], &snippet);
            }
        }
    }

    #[test]
    fn docs_write_keeps_every_byte_outside_regions(
        before in "[^<`~]{0,200}",
        stale in "[^<`~]{0,80}",
        after in "[^<`~]{0,200}",
        crlf in any::<bool>(),
    ) {
        let newline = if crlf { "\r\n" } else { "\n" };
        let page = format!(
            "{before}\n\n```sh\ncurl https://x.cloud/m -d a=1\n```\n\n<!-- snippet from=curl layout=fences -->\n{stale}\n<!-- /snippet -->\n\n{after}"
        )
        .replace('\n', newline);
        let Ok(updated) = docs::update(&page, "page.md", Path::new(".")) else {
            // Text before the block may make it a paragraph's or list's: then the
            // markers are not where a region can be, and that is an error, not a write.
            return Ok(());
        };
        let old = docs::scan(&page, "page.md").expect("scanned once");
        let new = docs::scan(&updated.text, "page.md").expect("scans again");
        prop_assert_eq!(old.len(), new.len());
        let outside = |text: &str, regions: &[docs::Region]| -> Vec<String> {
            let mut pieces = Vec::new();
            let mut at = 0;
            for region in regions {
                pieces.push(text[at..region.content.start].to_owned());
                at = region.content.end;
            }
            pieces.push(text[at..].to_owned());
            pieces
        };
        prop_assert_eq!(outside(&page, &old), outside(&updated.text, &new));
        let again = docs::update(&updated.text, "page.md", Path::new(".")).expect("updates again");
        prop_assert!(again.drifts.is_empty());
        prop_assert_eq!(again.text, updated.text);
    }
}

/// Hostile requests as Java, compiled by one javac (one per request would take
/// minutes): every snippet compiles, or is a refusal (`[` in a path).
#[test]
fn hostile_requests_render_to_java_that_compiles() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, TestRng, TestRunner};

    let config = Config {
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::deterministic_rng(Default::default()));
    let strategy = request();
    let dir = super::scratch(&format!("hostile-java-{}", std::process::id()));
    let mut java = crate::conformance::java::JavaRunner::at(dir);
    let mut snippets = Vec::new();
    while snippets.len() < 64 {
        let request = strategy.new_tree(&mut runner).expect("a request").current();
        if request.validate().is_err() {
            continue;
        }
        let snippet = match render(&request, Client::JavaNetHttp) {
            Ok(snippet) => snippet,
            Err(err) => {
                assert!(err.is_refusal(), "{err}");
                continue;
            }
        };
        let name = format!("h{}", snippets.len());
        java.add(&name, &snippet);
        snippets.push((name, snippet));
    }
    if let Err(err) = java.build() {
        panic!("javac rejects hostile snippets:\n{err}");
    }
    for (name, snippet) in snippets {
        if let Err(why) = java.command(&name) {
            panic!("{why}\n--- snippet ---\n{snippet}");
        }
    }
}

#[test]
fn a_killed_docs_write_leaves_the_old_file_or_the_new() {
    let dir = super::scratch("killed-write");
    let page = dir.join("big.md");
    // Big enough that writing takes a while: the kill lands mid-work in some tries.
    let filler = "Some prose that is not a region.\n".repeat(200_000);
    let old = format!(
        "{filler}\n```sh\ncurl https://x.cloud/m -d a=1\n```\n\n<!-- snippet from=curl -->\n<!-- /snippet -->\n{filler}"
    );
    let mut new = None;
    for attempt in 0..12u64 {
        fs::write(&page, &old).expect("write page");
        let mut child = Command::new(env!("CARGO_BIN_EXE_snippet"))
            .args(["docs", "write"])
            .arg(&page)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("snippet runs");
        std::thread::sleep(Duration::from_millis(attempt * 4));
        let _ = child.kill();
        let _ = child.wait();
        let now = fs::read_to_string(&page).expect("the page is still there");
        if now != old {
            let expected =
                new.get_or_insert_with(|| docs::update(&old, "big.md", &dir).expect("update").text);
            assert!(
                now == *expected,
                "attempt {attempt}: the page is neither the old nor the new text"
            );
        }
        let leftovers: Vec<_> = fs::read_dir(&dir)
            .expect("dir")
            .map(|entry| entry.expect("entry").file_name())
            .filter(|name| name != "big.md" && !name.to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }
}

#[test]
fn big_and_deep_input_is_handled() {
    // A 10 MB body in a curl command parses and renders.
    let body = "a".repeat(10 * 1024 * 1024);
    let command =
        format!("curl https://x.cloud/m -H 'Content-Type: text/plain' --data-raw '{body}'");
    let parsed = parse_curl(&command, "big", &CurlOptions::default()).expect("parses");
    let python = render(&parsed.request, Client::Requests).expect("renders");
    assert!(python.len() > body.len());
    // JSON nested deeper than serde's limit is an error with a place, not a stack overflow.
    let deep = format!(
        "{{\"url\": \"https://x.cloud\", \"json\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let error = parse_spec(&deep, "deep.json").expect_err("too deep");
    assert!(
        error.to_string().contains("recursion limit exceeded"),
        "{error}"
    );
    let deep_curl = format!(
        "curl https://x.cloud/m -H 'Content-Type: application/json' -d '{}'",
        "[".repeat(100_000)
    );
    assert!(parse_curl(&deep_curl, "deep", &CurlOptions::default()).is_ok());
}
