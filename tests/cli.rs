//! The `snippet` binary: outputs, exit codes, and one clear line on bad input.

use std::process::Output;

use crate::{root, run_snippet};

/// Runs `snippet` with `args`, feeding `stdin`.
fn snippet(args: &[&str], stdin: &str) -> Output {
    snippet_bytes(args, stdin.as_bytes())
}

/// Runs `snippet` with `args`, feeding `stdin` as raw bytes.
fn snippet_bytes(args: &[&str], stdin: &[u8]) -> Output {
    run_snippet(args, stdin, root())
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("utf-8 stderr")
}

const SPEC: &str = r#"{"url": "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment",
 "json": {"inputs": "Deploying my first endpoint was an amazing experience."},
 "task": "text-classification"}"#;

#[test]
fn spec_from_stdin_to_every_language() {
    for (lang, client_marker) in [
        ("curl", "curl 'https://"),
        ("sh", "curl 'https://"),
        ("py", "client.text_classification("),
        ("python", "from huggingface_hub import InferenceClient"),
        ("node", "client.textClassification("),
        ("javascript", "@huggingface/inference"),
        ("rs", "reqwest::blocking::Client::new()"),
        ("golang", "http.DefaultClient.Do(request)"),
        ("java", "HttpClient.newBuilder()"),
        ("php", "use GuzzleHttp\\Client;"),
        ("rb", "Net::HTTP::Post.new(uri)"),
    ] {
        let output = snippet(&["--lang", lang, "--request", "-"], SPEC);
        assert!(output.status.success(), "{lang}: {}", stderr(&output));
        let code = stdout(&output);
        assert!(code.contains(client_marker), "{lang}:\n{code}");
        assert!(
            code.ends_with('\n') && !code.ends_with("\n\n"),
            "{lang}: one final newline"
        );
        assert_eq!(stderr(&output), "");
    }
}

#[test]
fn default_client_falls_back_to_the_generic_one() {
    let output = snippet(
        &[
            "--lang",
            "python",
            "https://x.cloud/m",
            "-d",
            r#"{"inputs": "hi", "extra": 1}"#,
            "--task",
            "text-classification",
        ],
        "",
    );
    assert!(
        stdout(&output).contains("import requests"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn explicit_typed_client_explains_its_refusal() {
    let output = snippet(
        &[
            "--lang",
            "js",
            "--client",
            "huggingface.js",
            "https://x.cloud/m",
            "-d",
            r#"{"inputs": "hi"}"#,
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "");
    assert_eq!(
        stderr(&output),
        "snippet: arguments: huggingface.js cannot send this request: it calls a typed method per task and the request names none; add --task TASK; use --client fetch\n"
    );
}

#[test]
fn bad_specs_exit_2_with_one_line() {
    let cases = [
        (
            "{\"url\": 1",
            "snippet: <stdin>:1:9: invalid JSON: EOF while parsing an object; the text ends before the JSON is complete; close what is open\n",
        ),
        (
            r#"{"json": {}}"#,
            "snippet: <stdin>:1:1: missing \"url\": the endpoint to call\n",
        ),
        (
            r#"{"url": "https://a.b", "jsonn": {}}"#,
            "snippet: <stdin>:1:24: unknown key \"jsonn\"; did you mean \"json\"?\n",
        ),
        (
            r#"{"url": "https://a.b", "json": {}, "file": "a.flac"}"#,
            "snippet: <stdin>:1:36: \"json\" and \"file\" both give a body; keep one\n",
        ),
        (
            "",
            "snippet: <stdin>:1:1: the spec is empty; write a JSON object such as {\"url\": \"https://...\"}\n",
        ),
    ];
    for (spec, message) in cases {
        let output = snippet(&["--lang", "curl", "--request", "-"], spec);
        assert_eq!(output.status.code(), Some(2), "{spec}");
        assert_eq!(stdout(&output), "", "{spec}");
        assert_eq!(stderr(&output), message, "{spec}");
    }
}

#[test]
fn missing_spec_file_is_named() {
    let output = snippet(&["--lang", "curl", "--request", "no/such.json"], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("snippet: no/such.json: "),
        "{}",
        stderr(&output)
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["--lang", "cobol", "https://a.b"][..],
        &["--lang", "py", "--client", "fetch", "https://a.b"][..],
        &[
            "--lang",
            "py",
            "--task",
            "text-clasification",
            "https://a.b",
        ][..],
        &["--lang", "py", "-d", "{nope", "https://a.b"][..],
    ] {
        let output = snippet(args, "");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(stdout(&output), "", "{args:?}");
        assert!(!stderr(&output).is_empty(), "{args:?}");
    }
}

#[test]
fn unknown_task_suggests_the_closest_tag_or_alias() {
    // Every tag and alias takes part, in the spelling the option accepts.
    for (typo, tag) in [
        ("image_to_imag", "image-to-image"),
        ("Visual-Question-Answerin", "visual-question-answering"),
        (
            "zero-shot-image-clasification",
            "zero-shot-image-classification",
        ),
        ("tabular-regresion", "tabular-regression"),
        ("text-to-vidoe", "text-to-video"),
        ("vq", "vqa"),
        ("text2text-generaton", "text2text-generation"),
    ] {
        let output = snippet(&["--lang", "py", "--task", typo, "https://a.b"], "");
        assert_eq!(output.status.code(), Some(2), "{typo}");
        assert_eq!(
            stderr(&output),
            format!("snippet: --task: unknown task {typo:?}; did you mean {tag:?}?\n")
        );
    }
}

#[test]
fn quick_form_with_file_token_and_headers() {
    let output = snippet(
        &[
            "--lang",
            "curl",
            "https://x.cloud/asr",
            "--file",
            "sample1.flac",
            "--content-type",
            "audio/x-flac",
            "--token",
            "hf_***",
            "-H",
            "X-Wait-For-Model: true",
        ],
        "",
    );
    assert_eq!(
        stdout(&output),
        "curl 'https://x.cloud/asr' \\\n    -X POST \\\n    -H 'Authorization: Bearer hf_***' \\\n    -H 'Content-Type: audio/x-flac' \\\n    -H 'X-Wait-For-Model: true' \\\n    --data-binary '@sample1.flac'\n"
    );
}

#[test]
fn all_as_json_in_hugging_face_shape() {
    let output = snippet(&["--all", "--format", "json", "--request", "-"], SPEC);
    assert!(output.status.success(), "{}", stderr(&output));
    let items: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON output");
    let pairs: Vec<(String, String)> = items
        .as_array()
        .expect("array")
        .iter()
        .map(|item| {
            assert!(item["content"].as_str().is_some_and(|c| c.ends_with('\n')));
            (
                item["language"].as_str().unwrap_or("").into(),
                item["client"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    let expected = [
        ("curl", "curl"),
        ("python", "huggingface_hub"),
        ("python", "requests"),
        ("python", "httpx"),
        ("python", "httpx-async"),
        ("js", "huggingface.js"),
        ("js", "fetch"),
        ("rust", "reqwest"),
        ("go", "net/http"),
        ("java", "java.net.http"),
        ("php", "guzzle"),
        ("ruby", "net/http"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(l, c)| (l.to_string(), c.to_string()))
        .collect();
    assert_eq!(pairs, expected);
}

/// `openai` is a client of Python and of JavaScript, as in Hugging Face's JSON:
/// `--lang` picks one, `--all` writes both.
#[test]
fn openai_is_named_with_its_language() {
    let chat = r#"{"url": "https://router.huggingface.co/v1/chat/completions",
 "json": {"model": "tgi", "messages": [{"role": "user", "content": "Hi"}]}}"#;
    for (lang, marker) in [
        ("python", "from openai import OpenAI"),
        ("js", "import OpenAI from \"openai\""),
    ] {
        let output = snippet(
            &["--lang", lang, "--client", "openai", "--request", "-"],
            chat,
        );
        assert!(output.status.success(), "{lang}: {}", stderr(&output));
        assert!(
            stdout(&output).contains(marker),
            "{lang}: {}",
            stdout(&output)
        );
    }
    let output = snippet(
        &["--lang", "py", "--client", "openai-js", "--request", "-"],
        chat,
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "snippet: --client: client openai-js writes js, not python\n"
    );
    let output = snippet(&["--all", "--format", "json", "--request", "-"], chat);
    assert!(output.status.success(), "{}", stderr(&output));
    let items: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON output");
    let openai: Vec<&str> = items
        .as_array()
        .expect("array")
        .iter()
        .filter(|item| item["client"] == "openai")
        .map(|item| item["language"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(openai, ["python", "js"]);
    // A body it would change: the other clients only, and why.
    let embeddings =
        r#"{"url": "https://x.cloud/v1/embeddings", "json": {"model": "m", "input": "hi"}}"#;
    let output = snippet(
        &["--lang", "js", "--client", "openai", "--request", "-"],
        embeddings,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("openai-js cannot send this request: its embeddings method adds \"encoding_format\": \"base64\""),
        "{}",
        stderr(&output)
    );
    let output = snippet(&["--all", "--format", "json", "--request", "-"], embeddings);
    assert!(
        !stdout(&output).contains("\"openai\""),
        "{}",
        stdout(&output)
    );
}

#[test]
fn markdown_fences_for_one_language() {
    let output = snippet(
        &[
            "--all",
            "--lang",
            "python",
            "--format",
            "markdown",
            "--request",
            "-",
        ],
        SPEC,
    );
    let text = stdout(&output);
    assert!(text.starts_with("**huggingface_hub**\n\n```py\n"), "{text}");
    assert!(text.contains("\n**requests**\n\n```py\n"), "{text}");
    assert!(!text.contains("curl"), "{text}");
}

#[test]
fn help_has_examples() {
    let output = snippet(&["--help"], "");
    assert!(output.status.success());
    assert!(stdout(&output).contains("Examples:"));
}

const CURL: &str = "curl https://xyz.endpoints.huggingface.cloud/gpt2 \\\n  -H \"Authorization: Bearer $HF_TOKEN\" \\\n  -H 'Content-Type: application/json' \\\n  -d '{\"inputs\": \"Hi\"}'";

#[test]
fn curl_from_every_source() {
    let expected = snippet(
        &["--lang", "py", "--client", "requests", "--curl", CURL],
        "",
    );
    assert!(expected.status.success(), "{}", stderr(&expected));
    assert!(
        stdout(&expected).contains("\"inputs\": \"Hi\""),
        "{}",
        stdout(&expected)
    );
    for (args, stdin) in [
        (
            &["--lang", "py", "--client", "requests", "--curl", "-"][..],
            CURL,
        ),
        // No request source and a non-terminal stdin: stdin is the curl command.
        (&["--lang", "py", "--client", "requests"][..], CURL),
        (
            &[
                "--lang",
                "py",
                "--client",
                "requests",
                "--",
                "curl",
                "https://xyz.endpoints.huggingface.cloud/gpt2",
                "-H",
                "Authorization: Bearer $HF_TOKEN",
                "-H",
                "Content-Type: application/json",
                "-d",
                "{\"inputs\": \"Hi\"}",
            ][..],
            "",
        ),
    ] {
        let output = snippet(args, stdin);
        assert_eq!(
            stdout(&output),
            stdout(&expected),
            "{args:?}\n{}",
            stderr(&output)
        );
    }
}

#[test]
fn curl_task_and_token_options_apply() {
    let output = snippet(
        &[
            "--lang",
            "py",
            "--task",
            "text-generation",
            "--token",
            "hf_***",
            "--curl",
            CURL,
        ],
        "",
    );
    let code = stdout(&output);
    assert!(code.contains("client.text_generation(\"Hi\")"), "{code}");
    assert!(code.contains("token=\"hf_***\""), "{code}");
}

#[test]
fn curl_to_curl_is_normalised() {
    let output = snippet(
        &[
            "--lang",
            "curl",
            "--curl",
            "curl -sSL -XPOST https://x.cloud/m -H'Content-Type: application/json' --data-raw '{\"a\":1}'",
        ],
        "",
    );
    assert_eq!(
        stdout(&output),
        "curl 'https://x.cloud/m' \\\n    -X POST \\\n    --location \\\n    -H 'Content-Type: application/json' \\\n    -d '{\n        \"a\": 1\n    }'\n"
    );
}

#[test]
fn curl_warnings_and_strict() {
    let command = "curl -k https://x.cloud/m -d a=1";
    let output = snippet(&["--lang", "curl", "--curl", command], "");
    assert!(output.status.success());
    assert_eq!(
        stderr(&output),
        "snippet: warning: --curl:1:6: --insecure: the snippets do not check TLS certificates either\n"
    );
    let strict = snippet(&["--lang", "curl", "--strict", "--curl", command], "");
    assert_eq!(strict.status.code(), Some(2));
    assert_eq!(stdout(&strict), "");
    assert_eq!(
        stderr(&strict),
        "snippet: --curl:1:6: --insecure: the snippets do not check TLS certificates either (an error under --strict)\n"
    );
}

#[test]
fn real_tokens_are_kept_only_on_request() {
    let real = "hf_abcdefghijklmnopqrstuvwxyzABCDEFGH";
    let command = format!("curl https://x.cloud/m -H 'Authorization: Bearer {real}'");
    let output = snippet(&["--lang", "curl", "--curl", &command], "");
    assert!(!stdout(&output).contains(real), "{}", stdout(&output));
    assert!(stdout(&output).contains("${HF_TOKEN:?}"));
    let kept = snippet(&["--lang", "curl", "--keep-token", "--curl", &command], "");
    assert!(stdout(&kept).contains(real));
}

#[test]
fn bad_curl_exits_2_with_a_located_line() {
    let output = snippet(
        &["--lang", "js", "--curl", "-"],
        "curl https://x.cloud \\\n  --hedaer 'X: 1'",
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "");
    assert_eq!(
        stderr(&output),
        "snippet: <stdin>:2:3: unknown option --hedaer; did you mean --header?\n"
    );
}

/// The warnings found before an error are printed first, as beside a snippet: from
/// the options read before the one the parser stops at, from the steps before the
/// body (a token replaced), and before a client's refusal; in both formats.
#[test]
fn warnings_before_an_error_are_printed_with_it() {
    let retry = "snippet: warning: --curl:1:6: --retry: the snippets send the request once, without retrying\n";
    let cases = [
        (
            "curl --retry 3 https://x.cloud --hedaer 'X: 1'",
            "snippet: --curl:1:32: unknown option --hedaer; did you mean --header?\n",
        ),
        (
            "curl --retry 3 https://x.cloud -d @-",
            "snippet: --curl:1:32: the body is read from standard input (@-); put it in a file or paste it\n",
        ),
    ];
    for (command, error) in cases {
        let output = snippet(&["--lang", "py", "--curl", command], "");
        assert_eq!(output.status.code(), Some(2), "{command}");
        assert_eq!(stdout(&output), "");
        assert_eq!(stderr(&output), format!("{retry}{error}"), "{command}");
    }
    // A real token replaced, then a client that cannot send the request.
    let command = "curl https://x.cloud/m -H 'Authorization: Bearer hf_abcdefghijklmnopqrstuvwxyzABCDEFGH' -d 'a b'";
    let output = snippet(
        &[
            "--client",
            "huggingface_hub",
            "--message-format",
            "json",
            "--curl",
            command,
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(2));
    let lines: Vec<serde_json::Value> = stderr(&output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect();
    let codes: Vec<(&str, &str)> = lines
        .iter()
        .map(|line| {
            (
                line["severity"].as_str().unwrap_or(""),
                line["code"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        codes,
        [
            ("warning", "token-replaced"),
            ("error", "unsupported-by-client")
        ],
        "{}",
        stderr(&output)
    );
}

#[test]
fn forced_shell() {
    let output = snippet(
        &[
            "--lang",
            "curl",
            "--shell",
            "powershell",
            "--curl",
            "curl.exe https://x.cloud/m `\n  -H 'X-A: 1'",
        ],
        "",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("-H 'X-A: 1'"),
        "{}",
        stdout(&output)
    );
}

/// What CI runs: every region of README.md and of the pages under docs/ is what the
/// tool writes.
#[test]
fn readme_and_docs_are_up_to_date() {
    let root = super::root();
    let pages = [root.join("README.md"), root.join("docs")];
    let pages: Vec<&str> = pages
        .iter()
        .map(|page| page.to_str().expect("utf-8 path"))
        .collect();
    let output = snippet(&[&["docs", "check"], &pages[..]].concat(), "");
    assert_eq!(
        output.status.code(),
        Some(0),
        "a region drifted; run `snippet docs write README.md docs/`\n{}{}",
        stdout(&output),
        stderr(&output)
    );
}

#[test]
fn invalid_utf8_on_stdin_is_located() {
    let output = snippet_bytes(&["--lang", "py"], b"curl https://a.b \\\n -d x\xff\xfe");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "snippet: <stdin>:2:6: not UTF-8 text; save it as UTF-8\n"
    );
}

#[test]
fn real_tokens_never_reach_a_snippet_unasked() {
    let real = "hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
    // A spec's placeholder that is a real token: replaced, with a warning.
    let spec = format!(r#"{{"url": "https://x.cloud/m", "token": "{real}"}}"#);
    let output = snippet(&["--lang", "py", "--request", "-"], &spec);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!stdout(&output).contains(real));
    assert!(
        stderr(&output).contains("replaced by $HF_TOKEN"),
        "{}",
        stderr(&output)
    );
    // Anywhere else: an error, unless --keep-token.
    let command = format!("curl https://x.cloud/m -H 'X-Key: {real}'");
    let refused = snippet(&["--lang", "py", "--curl", &command], "");
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(stdout(&refused), "");
    assert_eq!(
        stderr(&refused),
        "snippet: --curl:1:27: a real-looking token is in the header X-Key; remove it; pass --keep-token to keep it\n"
    );
    let kept = snippet(&["--lang", "py", "--keep-token", "--curl", &command], "");
    assert!(stdout(&kept).contains(real));
}

/// `--all` never leaves a client out in silence: one note on stderr naming the
/// clients of the languages asked for that cannot send the request, with why, those
/// left out for the same reason together; JSON diagnostics give a note per client.
#[test]
fn all_notes_each_client_it_leaves_out() {
    let args = [
        "--all",
        "https://x.cloud/m",
        "-d",
        r#"{"inputs": 1}"#,
        "-H",
        "Content-Type: application/json",
    ];
    let output = snippet(&args, "");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        "snippet: note: left out huggingface_hub, huggingface.js: it calls a typed method per task and the request names none; openai-python, openai-js: the URL is not an OpenAI route (it posts to a base URL + /chat/completions, /completions or /embeddings); add --task TASK\n"
    );
    let mut json = vec!["--message-format", "json"];
    json.extend_from_slice(&args);
    let output = snippet(&json, "");
    let notes: Vec<serde_json::Value> = stderr(&output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect();
    let codes: Vec<&str> = notes
        .iter()
        .filter_map(|note| note["code"].as_str())
        .collect();
    assert_eq!(
        codes,
        [
            "missing-task",
            "unsupported-by-client",
            "missing-task",
            "unsupported-by-client"
        ]
    );
    // With --lang, only that language's clients are named; --strict does not turn
    // notes into errors.
    let mut js = vec!["--lang", "js", "--strict"];
    js.extend_from_slice(&args);
    let output = snippet(&js, "");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        "snippet: note: left out huggingface.js: it calls a typed method per task and the request names none; openai-js: the URL is not an OpenAI route (it posts to a base URL + /chat/completions, /completions or /embeddings); add --task TASK\n"
    );
}

/// The first line says what to install, unless asked not to.
#[test]
fn install_line_opens_each_snippet_that_needs_packages() {
    let args = [
        "https://x.cloud/m",
        "-d",
        r#"{"inputs": "hi"}"#,
        "--task",
        "feature-extraction",
    ];
    let cases = [
        (
            "python",
            "huggingface_hub",
            Some("# pip install huggingface_hub numpy"),
        ),
        ("python", "requests", Some("# pip install requests")),
        (
            "js",
            "huggingface.js",
            Some("// npm install @huggingface/inference"),
        ),
        ("js", "fetch", None),
        ("curl", "curl", None),
        (
            "rust",
            "reqwest",
            Some(r#"// Cargo.toml: reqwest = { version = "0.13", features = ["blocking"] }"#),
        ),
        ("go", "go-net-http", None),
        ("java", "java-net-http", None),
        ("ruby", "net/http", None),
    ];
    for (lang, client, line) in cases {
        let mut full = vec!["--lang", lang, "--client", client];
        full.extend_from_slice(&args);
        let output = snippet(&full, "");
        assert!(output.status.success(), "{}", stderr(&output));
        let text = stdout(&output);
        match line {
            Some(line) => assert!(text.starts_with(&format!("{line}\n\n")), "{text}"),
            None => assert!(!text.contains("install"), "{text}"),
        }
        full.push("--no-install-line");
        let bare = stdout(&snippet(&full, ""));
        let expected = match line {
            Some(line) => text
                .strip_prefix(&format!("{line}\n\n"))
                .unwrap()
                .to_owned(),
            None => text,
        };
        assert_eq!(bare, expected, "{client}");
    }
}

/// A PHP file opens with `<?php`: the install line comes after it.
#[test]
fn install_line_of_php_follows_its_opening_line() {
    let args = ["https://x.cloud/m", "-d", r#"{"inputs": "hi"}"#];
    let output = snippet(&[&["--lang", "php"][..], &args[..]].concat(), "");
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with(
            "<?php\n// composer require guzzlehttp/guzzle\n\nrequire 'vendor/autoload.php';\n"
        ),
        "{text}"
    );
    let bare = stdout(&snippet(
        &[&["--lang", "php", "--no-install-line"][..], &args[..]].concat(),
        "",
    ));
    assert_eq!(
        bare,
        text.replacen("// composer require guzzlehttp/guzzle\n\n", "", 1)
    );
}

/// The completion script loads in bash and completes the subcommands; the others
/// are generated (their shells are checked when installed here).
#[test]
fn completions_load_in_their_shells() {
    use std::process::Command;
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = snippet(&["completions", shell], "");
        assert!(output.status.success(), "{shell}: {}", stderr(&output));
        assert!(stdout(&output).contains("snippet"), "{shell}");
    }
    let dir = crate::scratch("completions");
    let script = dir.join("snippet.bash");
    std::fs::write(&script, stdout(&snippet(&["completions", "bash"], ""))).unwrap();
    // Complete `snippet do` as bash would on TAB.
    let probe = format!(
        "source {}; COMP_WORDS=(snippet do); COMP_CWORD=1; COMP_LINE=\"snippet do\"; COMP_POINT=10; _snippet snippet do snippet; echo \"${{COMPREPLY[@]}}\"; complete -p snippet",
        script.display()
    );
    let output = Command::new("bash")
        .args(["-c", &probe])
        .output()
        .expect("bash runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{text} {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        text.lines()
            .next()
            .unwrap_or("")
            .split(' ')
            .any(|word| word == "docs"),
        "{text}"
    );
    assert!(text.contains("-F _snippet snippet"), "{text}");
    for (shell, check) in [("zsh", "-n"), ("fish", "--no-execute")] {
        if Command::new(shell).arg("--version").output().is_ok() {
            let script = dir.join(format!("snippet.{shell}"));
            std::fs::write(&script, stdout(&snippet(&["completions", shell], ""))).unwrap();
            let status = Command::new(shell)
                .arg(check)
                .arg(&script)
                .status()
                .unwrap();
            assert!(status.success(), "{shell} rejects its completions");
        }
    }
}

/// `snippet man` is roff that `man -l` renders, naming every option.
#[test]
fn man_page_renders() {
    use std::process::Command;
    let output = snippet(&["man"], "");
    assert!(output.status.success(), "{}", stderr(&output));
    let roff = stdout(&output);
    assert!(
        roff.starts_with(".ie") || roff.contains(".TH snippet"),
        "{roff}"
    );
    let dir = crate::scratch("man");
    let page = dir.join("snippet.1");
    std::fs::write(&page, &roff).unwrap();
    let Ok(rendered) = Command::new("man")
        .arg("-l")
        .arg(&page)
        .env("MANWIDTH", "80")
        .output()
    else {
        println!("man is not installed: the roff was checked only");
        return;
    };
    let text = String::from_utf8_lossy(&rendered.stdout);
    assert!(
        rendered.status.success(),
        "{}",
        String::from_utf8_lossy(&rendered.stderr)
    );
    for option in [
        "--lang",
        "--client",
        "--no-install-line",
        "snippet-docs",
        "lint",
    ] {
        assert!(
            text.contains(option),
            "{option} missing from the man page:\n{text}"
        );
    }
}

/// `--all --format code`: every snippet under a header naming client and language.
#[test]
fn all_as_code_heads_each_snippet() {
    let output = snippet(&["--all", "--format", "code", "--request", "-"], SPEC);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let headers: Vec<&str> = text
        .lines()
        .filter(|line| line.contains(" ===== "))
        .collect();
    assert_eq!(
        headers,
        [
            "# ===== curl (curl) =====",
            "# ===== huggingface_hub (python) =====",
            "# ===== requests (python) =====",
            "# ===== httpx (python) =====",
            "# ===== httpx-async (python) =====",
            "// ===== huggingface.js (js) =====",
            "// ===== fetch (js) =====",
            "// ===== reqwest (rust) =====",
            "// ===== go-net-http (go) =====",
            "// ===== java-net-http (java) =====",
            "// ===== guzzle (php) =====",
            "# ===== ruby-net-http (ruby) =====",
        ]
    );
    // A blank line before every header but the first.
    for header in &headers[1..] {
        assert!(text.contains(&format!("\n\n{header}\n")), "{header}");
    }
}

/// `-o PATH` writes the snippet atomically and never replaces a different file
/// without `--force`; with `--all` as code, PATH is a directory of one file per client.
#[test]
fn output_to_files() {
    use std::process::Command;
    let dir = crate::scratch("cli-output");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_snippet"))
            .args(args)
            .current_dir(&dir)
            .output()
            .expect("snippet runs")
    };
    let quick = [
        "--lang",
        "py",
        "https://x.cloud/m",
        "-d",
        r#"{"inputs": "a"}"#,
    ];
    let output = run(&[&quick[..], &["-o", "a.py"]].concat());
    assert!(output.status.success(), "{output:?}");
    assert!(output.stdout.is_empty());
    let first = std::fs::read_to_string(dir.join("a.py")).unwrap();
    assert!(first.starts_with("# pip install requests\n"), "{first}");
    // The same text again is no change; another text is refused, naming --force.
    assert!(
        run(&[&quick[..], &["-o", "a.py"]].concat())
            .status
            .success()
    );
    let other = [
        "--lang",
        "py",
        "https://x.cloud/m",
        "-d",
        r#"{"inputs": "b"}"#,
        "-o",
        "a.py",
    ];
    let output = run(&other);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "snippet: --output: a.py exists and holds something else; pass --force to replace it\n"
    );
    assert_eq!(std::fs::read_to_string(dir.join("a.py")).unwrap(), first);
    assert!(run(&[&other[..], &["--force"]].concat()).status.success());
    assert!(
        std::fs::read_to_string(dir.join("a.py"))
            .unwrap()
            .contains(r#""inputs": "b""#)
    );
    // --all as code: a directory, a file per client.
    let all = [
        "--all",
        "https://x.cloud/m",
        "-d",
        r#"{"inputs": "a"}"#,
        "-H",
        "Content-Type: application/json",
        "--task",
        "text-classification",
        "-o",
        "out",
    ];
    assert!(run(&all).status.success());
    let mut names: Vec<String> = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Main.java",
            "curl.sh",
            "fetch.js",
            "guzzle.php",
            "httpx.py",
            "httpx_async.py",
            "huggingface.js",
            "huggingface_hub.py",
            "main.go",
            "net_http.rb",
            "requests.py",
            "reqwest.rs"
        ]
    );
    // No temporary file is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

/// `--client` names the language when it has one; misspelt names get a suggestion.
#[test]
fn client_implies_language_and_names_are_suggested() {
    let quick = ["https://x.cloud/m", "-d", r#"{"inputs": 1}"#];
    let output = snippet(&[&["--client", "reqwest"][..], &quick[..]].concat(), "");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("// Cargo.toml: reqwest"));
    let cases: [(&[&str], &str); 4] = [
        (&["--client", "requets"], "did you mean requests?"),
        (&["--lang", "pyton"], "did you mean python?"),
        (&["--lang", "py", "--format", "jsn"], "did you mean json?"),
        // Both openai clients, and neither can send this request: the first says why.
        (
            &["--client", "openai"],
            "openai-python cannot send this request: the URL is not an OpenAI route (it posts to a base URL + /chat/completions, /completions or /embeddings); use --client requests",
        ),
    ];
    for (args, expected) in cases {
        let output = snippet(&[args, &quick[..]].concat(), "");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let text = stderr(&output);
        assert!(
            text.starts_with("snippet: ") && text.trim_end().ends_with(expected),
            "{args:?}: {text}"
        );
        assert_eq!(text.lines().count(), 1, "{text}");
    }
}

/// Without --lang or --client, every client that can send the request is printed;
/// each language's first is the one a reader of the API reaches for.
#[test]
fn defaults_guess_the_client_a_reader_reaches_for() {
    let openai = "curl https://api.openai.com/v1/chat/completions -H \"Authorization: Bearer $OPENAI_API_KEY\" -H 'Content-Type: application/json' -d '{\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}'";
    let all = snippet(&["--curl", openai], "");
    assert!(all.status.success(), "{}", stderr(&all));
    let printed = stdout(&all);
    let headers: Vec<&str> = printed
        .lines()
        .filter(|line| line.contains(" ===== "))
        .collect();
    assert_eq!(
        headers,
        [
            "# ===== curl (curl) =====",
            "# ===== openai-python (python) =====",
            "# ===== huggingface_hub (python) =====",
            "# ===== requests (python) =====",
            "# ===== httpx (python) =====",
            "# ===== httpx-async (python) =====",
            "// ===== openai-js (js) =====",
            "// ===== huggingface.js (js) =====",
            "// ===== fetch (js) =====",
            "// ===== reqwest (rust) =====",
            "// ===== go-net-http (go) =====",
            "// ===== java-net-http (java) =====",
            "// ===== guzzle (php) =====",
            "# ===== ruby-net-http (ruby) =====",
        ]
    );
    for (lang, first) in [
        ("python", "# pip install openai"),
        ("js", "// npm install openai"),
    ] {
        let one = snippet(&["--lang", lang, "--curl", openai], "");
        assert!(stdout(&one).starts_with(first), "{lang}: {}", stdout(&one));
    }
    // A name two languages share, without --lang: both of its clients.
    let both = snippet(&["--client", "openai", "--curl", openai], "");
    let headers: Vec<String> = stdout(&both)
        .lines()
        .filter(|line| line.contains(" ===== "))
        .map(str::to_owned)
        .collect();
    assert_eq!(
        headers,
        [
            "# ===== openai-python (python) =====",
            "// ===== openai-js (js) ====="
        ]
    );
    // A server of one's own: the generic client; a Hugging Face endpoint: the typed one.
    for (url, first) in [
        ("http://localhost:8080/classify", "# pip install requests"),
        (
            "https://xyz.endpoints.huggingface.cloud/classify",
            "# pip install huggingface_hub",
        ),
    ] {
        let args = [
            "--lang",
            "py",
            "--task",
            "text-classification",
            url,
            "-d",
            r#"{"inputs": "Hi"}"#,
        ];
        let one = snippet(&args, "");
        assert!(stdout(&one).starts_with(first), "{url}: {}", stdout(&one));
    }
}

/// The quick form reads the task from a chat route as the curl form does.
#[test]
fn the_quick_form_infers_chat_from_the_url() {
    let body = r#"{"model": "tgi", "messages": [{"role": "user", "content": "Hi"}]}"#;
    let url = "https://xyz.endpoints.huggingface.cloud/v1/chat/completions";
    let output = snippet(&["--lang", "py", url, "-d", body], "");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("client.chat.completions.create("),
        "{}",
        stdout(&output)
    );
}
