//! Problems as data through the binary: `--message-format json` on the converter and
//! on `docs`, hints in each front end's words, and Markdown output that no snippet
//! can break.

use std::fs;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
use serde_json::{Map, Value};

use crate::{run_snippet, scratch};

/// Standard error as JSON objects, one a line; every line must be one.
fn json_lines(stderr: &[u8]) -> Vec<Map<String, Value>> {
    String::from_utf8_lossy(stderr)
        .lines()
        .map(|line| match serde_json::from_str(line) {
            Ok(Value::Object(object)) => object,
            other => panic!("not a JSON object: {line:?} ({other:?})"),
        })
        .collect()
}

/// `(code, severity, line, column)` of each diagnostic.
fn summary(objects: &[Map<String, Value>]) -> Vec<(String, String, u64, u64)> {
    objects
        .iter()
        .map(|object| {
            let keys: Vec<&str> = object.keys().map(String::as_str).collect();
            for key in &keys {
                assert!(
                    [
                        "severity", "code", "message", "file", "line", "column", "hint", "field",
                        "hints", "url",
                    ]
                    .contains(key),
                    "unknown key {key} in {object:?}"
                );
            }
            (
                object["code"].as_str().unwrap_or_default().to_owned(),
                object["severity"].as_str().unwrap_or_default().to_owned(),
                object["line"].as_u64().unwrap_or_default(),
                object["column"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn a_curl_command_with_several_warnings() {
    let dir = scratch("diagnostics-warnings");
    let command = "curl -k https://x.cloud/m \\\n  -H 'Connection: keep-alive' \\\n  --retry 2 https://y.cloud -d a=1";
    let output = run_snippet(
        &[
            "--lang",
            "py",
            "--client",
            "requests",
            "--message-format",
            "json",
            "--curl",
            "-",
        ],
        command.as_bytes(),
        &dir,
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(!output.stdout.is_empty());
    let objects = json_lines(&output.stderr);
    let warning = |code: &str, line, column| (code.to_owned(), "warning".to_owned(), line, column);
    assert_eq!(
        summary(&objects),
        [
            warning("insecure", 1, 6),
            warning("client-header", 2, 6),
            warning("unsupported-option", 3, 3),
            warning("left-out", 3, 13),
        ]
    );
    assert!(objects.iter().all(|object| object["file"] == "-"));
    // Under --strict the same diagnostics are errors, and nothing is written.
    let strict = run_snippet(
        &[
            "--lang",
            "py",
            "--strict",
            "--message-format",
            "json",
            "--curl",
            "-",
        ],
        command.as_bytes(),
        &dir,
    );
    assert_eq!(strict.status.code(), Some(2));
    assert!(strict.stdout.is_empty());
    let objects = json_lines(&strict.stderr);
    assert_eq!(objects.len(), 4);
    assert!(objects.iter().all(|object| object["severity"] == "error"));
}

#[test]
fn a_bad_spec() {
    let dir = scratch("diagnostics-spec");
    let spec = "{\"url\": \"https://x.cloud\",\n \"headers\": {\"X-A\": \"1\", \"x-a\": \"2\"}}";
    fs::write(dir.join("spec.json"), spec).expect("writable scratch");
    let output = run_snippet(
        &[
            "--lang",
            "py",
            "--request",
            "spec.json",
            "--message-format",
            "json",
        ],
        b"",
        &dir,
    );
    assert_eq!(output.status.code(), Some(2));
    let objects = json_lines(&output.stderr);
    // The repeated header is placed at its second name.
    assert_eq!(
        summary(&objects),
        [("repeated-header".to_owned(), "error".to_owned(), 2, 26)]
    );
    assert_eq!(objects[0]["file"], "spec.json");
    assert_eq!(objects[0]["hint"], "join the values with \", \"");
}

#[test]
fn a_region_without_its_task_speaks_marker_keys() {
    let dir = scratch("diagnostics-docs");
    let page = "# Page\n\n```sh\ncurl https://x.cloud/m -d '{\"inputs\": \"hi\"}' -H 'Content-Type: application/json'\n```\n\n<!-- snippet from=curl clients=curl,huggingface_hub -->\n<!-- /snippet -->\n";
    fs::write(dir.join("page.md"), page).expect("writable scratch");
    for action in ["check", "write", "lint"] {
        let output = run_snippet(
            &["docs", action, "--message-format", "json", "page.md"],
            b"",
            &dir,
        );
        if action == "lint" {
            // The curl command itself is fine.
            assert_eq!(output.status.code(), Some(0), "{output:?}");
            continue;
        }
        assert_eq!(output.status.code(), Some(2), "{action}: {output:?}");
        let objects = json_lines(&output.stderr);
        assert_eq!(
            summary(&objects),
            [("missing-task".to_owned(), "error".to_owned(), 7, 1)]
        );
        let hint = objects[0]["hint"].as_str().unwrap_or_default();
        assert!(
            hint.contains("task=") && hint.contains("clients="),
            "{hint}"
        );
        assert!(
            !hint.contains("--task") && !hint.contains("--client"),
            "{hint}"
        );
    }
    // The human line words the hints alike.
    let output = run_snippet(&["docs", "check", "page.md"], b"", &dir);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("snippet: page.md:7:1: huggingface_hub cannot send this request"));
    assert!(stderr.contains("add task=TASK to the marker; list requests in clients= instead"));
    // The converter words the same refusal with its options.
    let output = run_snippet(
        &[
            "--lang",
            "py",
            "--client",
            "huggingface_hub",
            "--message-format",
            "json",
            "--curl",
            "-",
        ],
        b"curl https://x.cloud/m -d '{\"inputs\": \"hi\"}' -H 'Content-Type: application/json'",
        &dir,
    );
    let objects = json_lines(&output.stderr);
    assert_eq!(objects[0]["code"], "missing-task");
    assert_eq!(objects[0]["file"], "-");
    assert_eq!(objects[0]["hint"], "add --task TASK; use --client requests");
}

/// The code blocks of a Markdown text, as CommonMark reads them.
fn code_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => current = Some(String::new()),
            Event::Text(text) if current.is_some() => {
                if let Some(block) = &mut current {
                    block.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(current.take()),
            _ => {}
        }
    }
    blocks
}

#[test]
fn markdown_output_survives_backticks_in_the_body() {
    let dir = scratch("diagnostics-markdown");
    let command = "curl https://x.cloud/m -H 'Content-Type: text/plain' --data-raw $'before\\n```\\n````\\nafter'";
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--curl", command]);
        let output = run_snippet(&all, b"", &dir);
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        String::from_utf8(output.stdout).expect("UTF-8 output")
    };
    // One snippet: the one code block is the code.
    let code = run(&["--lang", "curl"]);
    assert!(code.contains("\n````\n"), "{code}");
    assert_eq!(
        code_blocks(&run(&["--lang", "curl", "--format", "markdown"])),
        [code]
    );
    // Every client: one block each, each the client's code.
    let snippets: Vec<Value> =
        serde_json::from_str(&run(&["--all", "--format", "json"])).expect("JSON output");
    let contents: Vec<String> = snippets
        .iter()
        .map(|snippet| snippet["content"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert!(contents.len() >= 4, "{contents:#?}");
    assert_eq!(
        code_blocks(&run(&["--all", "--format", "markdown"])),
        contents
    );
}
