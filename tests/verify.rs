//! `snippet verify` end to end: real curl, Python, Node, Go, Java, PHP, Ruby and Rust
//! through the recording proxy, pages with drift seeded into some tabs and untouched copies, regions
//! written by `snippet docs write`, one snippet against one curl file, a block that
//! ignores the proxy, and hostile blocks (processes, sleep, disk, output).
//!
//! The runtimes live in `target/verify-cache` (kept between runs: the venvs, the
//! npm install and the Rust crates are made once; the crates' first build takes
//! minutes on two cores).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::{root, scratch};

/// The cache every test shares: a venv per install line, the npm packages.
fn cache() -> PathBuf {
    root().join("target/verify-cache")
}

/// `snippet verify ARGS` in `dir` with JSON findings; the environment holds a real
/// token that must never reach a snippet.
fn verify(dir: &Path, args: &[&str]) -> (Output, Vec<Value>, Value) {
    let output = Command::new(env!("CARGO_BIN_EXE_snippet"))
        .arg("verify")
        .args(args)
        .args(["--message-format", "json"])
        .env("SNIPPET_CACHE_DIR", cache())
        .env("HF_TOKEN", "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")
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("snippet runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let mut findings = Vec::new();
    let mut summary = Value::Null;
    for line in stdout.lines() {
        let value: Value = serde_json::from_str(line).unwrap_or_else(|err| panic!("{err}: {line}"));
        if value.get("summary").is_some() {
            summary = value;
        } else if value.get("auxiliary").is_some() {
            continue;
        } else {
            findings.push(value);
        }
    }
    (output, findings, summary)
}

/// `(line, code, message)` of each finding.
fn places(findings: &[Value]) -> Vec<(u64, String, String)> {
    findings
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap_or(0),
                f["code"].as_str().unwrap_or("").to_owned(),
                f["message"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

const CHAT_CURL: &str = r#"```sh
curl https://router.huggingface.co/v1/chat/completions \
    -H "Authorization: Bearer $HF_TOKEN" \
    -H 'Content-Type: application/json' \
    -d '{"model": "meta-llama/Llama-3.1-8B-Instruct", "messages": [{"role": "user", "content": "Hi"}], "stream": true}'
```"#;

/// A Python `requests` tab sending `body` to `path` with `header`.
fn python(path: &str, header: &str, body: &str) -> String {
    format!(
        "```py\nimport os\nimport requests\n\nresponse = requests.post(\n    \"https://router.huggingface.co{path}\",\n    headers={{\"Authorization\": f\"Bearer {{os.environ['HF_TOKEN']}}\"{header}}},\n    json={body},\n    stream=True,\n)\nfor line in response.iter_lines():\n    print(line)\n```"
    )
}

/// A JavaScript `fetch` tab sending `body`.
fn fetch(body: &str) -> String {
    format!(
        "```js\nconst response = await fetch(\"https://router.huggingface.co/v1/chat/completions\", {{\n  method: \"POST\",\n  headers: {{ Authorization: `Bearer ${{process.env.HF_TOKEN}}`, \"Content-Type\": \"application/json\" }},\n  body: JSON.stringify({body}),\n}});\nconsole.log(await response.text());\n```"
    )
}

const BODY_PY: &str = r#"{"model": "meta-llama/Llama-3.1-8B-Instruct", "messages": [{"role": "user", "content": "Hi"}], "stream": True}"#;
const BODY_JS: &str = r#"{ model: "meta-llama/Llama-3.1-8B-Instruct", messages: [{ role: "user", content: "Hi" }], stream: true }"#;

/// A page with a curl tab and one tab per other block, each in its `<hfoption>`.
fn hfoptions(blocks: &[String]) -> String {
    let mut page = format!(
        "# Chat\n\n<hfoptions id=\"client\">\n<hfoption id=\"curl\">\n\n{CHAT_CURL}\n\n</hfoption>\n"
    );
    for (index, block) in blocks.iter().enumerate() {
        page.push_str(&format!(
            "<hfoption id=\"tab{index}\">\n\n{block}\n\n</hfoption>\n"
        ));
    }
    page.push_str("</hfoptions>\n");
    page
}

/// The line of the opening fence of the `n`th block after the curl one.
fn line_of(page: &str, n: usize) -> u64 {
    let fences: Vec<usize> = page
        .lines()
        .enumerate()
        .filter(|(_, line)| line.starts_with("```") && line.len() > 3)
        .map(|(index, _)| index + 1)
        .collect();
    fences[n + 1] as u64
}

#[test]
fn untouched_tabs_verify_and_seeded_drift_is_flagged_at_its_block() {
    let dir = scratch("verify-drift");
    let clean = hfoptions(&[
        python("/v1/chat/completions", "", BODY_PY),
        fetch(BODY_JS),
        "```py\nimport os\nfrom huggingface_hub import InferenceClient\n\nclient = InferenceClient(api_key=os.environ[\"HF_TOKEN\"])\nfor chunk in client.chat_completion(\n    model=\"meta-llama/Llama-3.1-8B-Instruct\",\n    messages=[{\"role\": \"user\", \"content\": \"Hi\"}],\n    stream=True,\n):\n    print(chunk)\n```".to_owned(),
        "```js\nimport { InferenceClient } from \"@huggingface/inference\";\n\nconst client = new InferenceClient(process.env.HF_TOKEN);\nfor await (const chunk of client.chatCompletionStream({\n  model: \"meta-llama/Llama-3.1-8B-Instruct\",\n  messages: [{ role: \"user\", content: \"Hi\" }],\n})) {\n  console.log(chunk);\n}\n```".to_owned(),
    ]);
    std::fs::write(dir.join("clean.md"), &clean).expect("write");
    let (output, findings, summary) = verify(&dir, &["clean.md"]);
    assert_eq!(
        places(&findings),
        [],
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(summary["summary"]["verified"], 4, "{summary}");
    assert_eq!(output.status.code(), Some(0));

    let drifted = hfoptions(&[
        // A header.
        python("/v1/chat/completions", ", \"X-Old-Header\": \"1\"", BODY_PY),
        // A JSON value.
        fetch(&BODY_JS.replace("Hi", "Hello")),
        // A missing parameter.
        fetch(&BODY_JS.replace(", stream: true", "")),
        // A URL path.
        python("/v1/completions", "", BODY_PY),
        // A streaming flag.
        python(
            "/v1/chat/completions",
            "",
            &BODY_PY.replace("True", "False"),
        ),
    ]);
    std::fs::write(dir.join("drifted.md"), &drifted).expect("write");
    let (output, findings, summary) = verify(&dir, &["drifted.md"]);
    let found = places(&findings);
    let expected: [(usize, &str); 5] = [
        (
            0,
            "header X-Old-Header: this block sends \"1\", the curl block none",
        ),
        (
            1,
            "JSON body $.messages[0].content: the curl block sends \"Hi\", this block \"Hello\"",
        ),
        (
            2,
            "JSON body $.stream: the curl block sends true, this block leaves it out",
        ),
        (
            3,
            "URL path: the curl block sends \"/v1/chat/completions\", this block \"/v1/completions\"",
        ),
        (
            4,
            "JSON body $.stream: the curl block sends true, this block false",
        ),
    ];
    for (block, message) in expected {
        let line = line_of(&drifted, block);
        assert!(
            found.iter().any(|(at, code, text)| *at == line
                && code == "request-differs"
                && text.starts_with(message)),
            "block {block} at line {line}: {message:?} not in {found:#?}"
        );
    }
    assert_eq!(found.len(), 5, "one finding per seeded drift: {found:#?}");
    assert_eq!(summary["summary"]["different"], 5);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn regions_written_by_docs_write_verify_clean() {
    let dir = scratch("verify-regions");
    let page = format!(
        "# Chat\n\n{CHAT_CURL}\n\n<!-- snippet from=curl -->\n<!-- /snippet -->\n\n```json\n{{\"url\": \"https://router.huggingface.co/hf-inference/models/distilbert/distilbert-base-uncased-finetuned-sst-2-english\", \"json\": {{\"inputs\": \"I like you\"}}, \"token\": \"$HF_TOKEN\"}}\n```\n\n<!-- snippet from=spec task=text-classification -->\n<!-- /snippet -->\n"
    );
    std::fs::write(dir.join("page.md"), page).expect("write");
    let written = Command::new(env!("CARGO_BIN_EXE_snippet"))
        .args(["docs", "write", "page.md"])
        .current_dir(&dir)
        .output()
        .expect("docs write");
    assert!(
        written.status.success(),
        "{}",
        String::from_utf8_lossy(&written.stderr)
    );
    let (output, findings, summary) = verify(&dir, &["page.md"]);
    let errors: Vec<_> = places(&findings)
        .into_iter()
        .filter(|(_, code, _)| code != "not-verified")
        .collect();
    assert_eq!(errors, [], "{}", String::from_utf8_lossy(&output.stderr));
    // Every tab the tool writes runs, Rust's included.
    let languages = &summary["summary"]["languages"];
    assert_eq!(languages["rust"]["verified"], 2, "{summary}");
    assert_eq!(summary["summary"]["not_verified"], 0, "{summary}");
    assert!(
        summary["summary"]["verified"].as_u64().unwrap_or(0) >= 10,
        "{summary}"
    );
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn one_snippet_file_against_one_curl_file() {
    let dir = scratch("verify-pair");
    let curl = CHAT_CURL
        .lines()
        .skip(1)
        .take(4)
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(dir.join("chat.sh"), &curl).expect("write");
    let snippet = fetch(&BODY_JS.replace("meta-llama", "Meta-Llama"));
    let code: String = snippet
        .lines()
        .skip(1)
        .take_while(|l| *l != "```")
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(dir.join("chat.mjs"), code).expect("write");
    let (output, findings, _) = verify(&dir, &["--curl", "chat.sh", "chat.mjs"]);
    assert_eq!(
        places(&findings),
        [(
            1,
            "request-differs".to_owned(),
            "JSON body $.model: the curl block sends \"meta-llama/Llama-3.1-8B-Instruct\", this block \"Meta-Llama/Llama-3.1-8B-Instruct\"".to_owned()
        )]
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_block_that_ignores_the_proxy_does_not_reach_the_network() {
    let dir = scratch("verify-bypass");
    // A real server on this machine's loopback: the block tries it directly.
    let server = TcpListener::bind(("127.0.0.1", 0)).expect("listen");
    server.set_nonblocking(true).expect("nonblocking");
    let port = server.local_addr().expect("port").port();
    let page = format!(
        "{CHAT_CURL}\n```py\nimport requests\nsession = requests.Session()\nsession.trust_env = False\nsession.post(\"http://127.0.0.1:{port}/v1/chat/completions\", json={{}})\n```\n```js\nimport https from 'node:https';\nhttps.get('https://router.huggingface.co/v1/models').on('error', (e) => {{ console.error(e.message); process.exit(1); }});\n```\n"
    );
    std::fs::write(dir.join("page.md"), page).expect("write");
    let (output, findings, _) = verify(&dir, &["page.md"]);
    let found = places(&findings);
    assert_eq!(
        found.len(),
        2,
        "{found:#?}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for (_, code, message) in &found {
        assert_eq!(code, "bypasses-proxy", "{message}");
    }
    assert!(server.accept().is_err(), "the block reached the server");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn hostile_blocks_are_contained() {
    let dir = scratch("verify-hostile");
    let marker = 4242 + std::process::id() % 1000;
    let page = format!(
        "{CHAT_CURL}\n```py\n# processes: many, each outliving the deadline\nimport subprocess, time\nfor _ in range(600):\n    subprocess.Popen(['sleep', '{marker}'])\ntime.sleep(3600)\n```\n```py\n# sleep\nimport time\ntime.sleep(3600)\n```\n```py\n# the disk\nwith open('big', 'wb') as f:\n    while True:\n        f.write(b'0' * 1048576)\n```\n```js\n// 1 GB on stdout\nconst line = 'x'.repeat(1 << 20);\nfor (let i = 0; i < 1024; i++) process.stdout.write(line);\n```\n"
    );
    std::fs::write(dir.join("page.md"), page).expect("write");
    let started = Instant::now();
    let (output, findings, summary) = verify(&dir, &["page.md", "--timeout", "5"]);
    let elapsed = started.elapsed();
    let found = places(&findings);
    assert!(elapsed < Duration::from_secs(60), "took {elapsed:?}");
    assert_eq!(
        summary["summary"]["not_verified"],
        4,
        "{found:#?}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let lines: Vec<&str> = found.iter().map(|(_, _, m)| m.as_str()).collect();
    assert!(
        lines[1].starts_with("timed out before any request"),
        "{lines:#?}"
    );
    // No process of the run outlives it.
    let left = Command::new("pgrep")
        .args(["-f", &format!("sleep {marker}")])
        .output()
        .expect("pgrep");
    assert!(
        left.stdout.is_empty(),
        "left running: {}",
        String::from_utf8_lossy(&left.stdout)
    );
    // Nothing big stays behind in the cache.
    let size = Command::new("du")
        .args(["-sm", &cache().join("runs").display().to_string()])
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .split_whitespace()
                .next()
                .unwrap_or("0")
                .parse::<u64>()
                .unwrap_or(0)
        })
        .unwrap_or(0);
    assert!(size < 64, "{size} MB left in the runs folder");
}

#[test]
fn two_preparations_of_the_same_venv_at_once_both_get_it_whole() {
    use inference_snippets::verify::{runtime, silent};
    use std::sync::{Arc, Barrier};

    // A cache of its own, so that the venv is made, not found; no packages, so no
    // index is needed. The lock is a file lock: two threads exclude each other as
    // two processes do.
    let cache = scratch("verify-lock-cache");
    let path = std::env::var_os("PATH").unwrap_or_default();
    let start = Arc::new(Barrier::new(2));
    let preparations: Vec<_> = (0..2)
        .map(|_| {
            let (cache, path, start) = (cache.clone(), path.clone(), Arc::clone(&start));
            std::thread::spawn(move || {
                start.wait();
                runtime::python(&cache, &path, &[], silent)
            })
        })
        .collect();
    let pythons: Vec<PathBuf> = preparations
        .into_iter()
        .map(|thread| {
            thread
                .join()
                .expect("the thread ends")
                .expect("each preparation succeeds")
        })
        .collect();
    assert_eq!(pythons[0], pythons[1]);
    let runs = Command::new(&pythons[0])
        .args(["-c", "import sys; assert sys.prefix != sys.base_prefix"])
        .status()
        .expect("the venv's python runs");
    assert!(runs.success(), "a venv: {}", pythons[0].display());
    assert!(cache.join("python/none/.installed-from").is_file());
}

#[test]
fn setup_prepares_the_runtimes_and_verify_says_what_it_used() {
    let dir = scratch("verify-setup");
    let output = Command::new(env!("CARGO_BIN_EXE_snippet"))
        .args(["verify", "--setup", "--cache"])
        .arg(cache())
        .current_dir(&dir)
        .output()
        .expect("setup");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("python venv with huggingface_hub"),
        "{stdout}"
    );
    assert!(
        stdout.contains("node packages @huggingface/inference, openai"),
        "{stdout}"
    );
    assert!(
        stdout.contains("rust crates (reqwest, serde_json)"),
        "{stdout}"
    );
    std::fs::write(dir.join("empty.md"), "# Nothing to run\n").expect("write");
    let (_, _, summary) = verify(&dir, &["empty.md"]);
    let runtimes = summary["runtimes"].to_string();
    for program in ["bash", "curl", "python3", "node", "cargo"] {
        assert!(runtimes.contains(program), "{runtimes}");
    }
    assert!(
        summary["isolation"]
            .as_str()
            .is_some_and(|text| text.starts_with("network:"))
    );
}

#[test]
fn a_real_token_in_the_environment_never_reaches_a_block() {
    let dir = scratch("verify-token");
    // The curl block sends the token it reads in a header that is compared; the
    // Python block sends the caller's real token, as a leak would.
    std::fs::write(
        dir.join("token.sh"),
        "curl https://router.huggingface.co/v1/models -H \"X-Token: $HF_TOKEN\"\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("token.py"),
        "import urllib.request\nurllib.request.urlopen(urllib.request.Request('https://router.huggingface.co/v1/models', headers={'X-Token': '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'}))\n",
    )
    .expect("write");
    let (_, findings, _) = verify(&dir, &["--curl", "token.sh", "token.py"]);
    let found = places(&findings);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]
            .2
            .contains("the curl block sends \"hf_verifydummytoken\""),
        "{found:#?}"
    );
}

#[test]
fn a_page_s_python_files_never_run_while_verify_prepares_a_venv() {
    // A cache of its own, so the venv is made here; beside the page, a `token.py`
    // that the standard library's `tokenize` would import if the page's folder came
    // first on `sys.path` (`python3 -m venv` run there did: the file ran, unsandboxed).
    let dir = scratch("verify-shadow");
    let cache = dir.join("cache");
    let marker = dir.join("ran-outside-the-sandbox");
    std::fs::write(
        dir.join("token.py"),
        format!("open({:?}, 'w').close()\n", marker.display().to_string()),
    )
    .expect("write");
    std::fs::write(
        dir.join("models.sh"),
        "curl https://router.huggingface.co/v1/models\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("models.py"),
        "import urllib.request\nurllib.request.urlopen('https://router.huggingface.co/v1/models')\n",
    )
    .expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_snippet"))
        .args(["verify", "--curl", "models.sh", "models.py", "--cache"])
        .arg(&cache)
        .current_dir(&dir)
        .stdin(Stdio::null())
        .output()
        .expect("snippet runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!marker.exists(), "the page's token.py ran: {stdout}");
    assert!(output.status.success(), "{stdout}");
    assert!(
        stdout.contains("python               1          0             0"),
        "{stdout}"
    );
}

#[test]
fn a_block_not_verified_is_a_note_that_fails_only_under_strict() {
    let dir = scratch("verify-strict");
    let page = format!("{CHAT_CURL}\n```kotlin\nfun main() {{}}\n```\n");
    std::fs::write(dir.join("page.md"), page).expect("write");
    let (output, findings, summary) = verify(&dir, &["page.md"]);
    assert_eq!(
        places(&findings),
        [(
            7,
            "not-verified".to_owned(),
            "unknown language: verify has no runtime for `kotlin` blocks".to_owned()
        )]
    );
    assert_eq!(
        summary["summary"]["not_verified_reasons"]["unknown language"],
        1
    );
    assert_eq!(output.status.code(), Some(0));
    let (output, _, _) = verify(&dir, &["page.md", "--strict"]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_go_block_that_does_not_build_is_a_note_with_the_compilers_message() {
    let dir = scratch("verify-go-build");
    let page = format!("{CHAT_CURL}\n```go\npackage main\n\nfunc main() {{\n\tsend()\n}}\n```\n");
    std::fs::write(dir.join("page.md"), page).expect("write");
    let (output, findings, _) = verify(&dir, &["page.md"]);
    assert_eq!(
        places(&findings),
        [(
            7,
            "not-verified".to_owned(),
            "crash before any request: go build failed: # command-line-arguments | ./main.go:4:2: undefined: send"
                .to_owned()
        )],
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(output.status.code(), Some(0));
}

/// A curl command with a header each client writes in its own way.
const HEADER_CURL: &str = r#"curl https://router.huggingface.co/v1/chat/completions \
    -H "Authorization: Bearer $HF_TOKEN" \
    -H 'Content-Type: application/json' \
    -H 'X-Extra: one' \
    -d '{"model": "meta-llama/Llama-3.1-8B-Instruct", "messages": [{"role": "user", "content": "Hi"}]}'"#;

#[test]
fn the_clients_of_go_java_php_ruby_and_httpx_verify_and_a_changed_header_is_found() {
    let dir = scratch("verify-languages");
    // Each client's snippet as `snippet` writes it for the curl command, under a
    // fence verify reads as its language (`rb`: Ruby's alias).
    let clients = [
        ("httpx", "py"),
        ("httpx-async", "python"),
        ("go-net-http", "go"),
        ("java.net.http", "java"),
        ("guzzle", "php"),
        ("ruby-net-http", "rb"),
    ];
    let blocks: Vec<String> = clients
        .iter()
        .map(|(client, fence)| {
            let output = crate::run_snippet(&["--client", client], HEADER_CURL.as_bytes(), &dir);
            assert!(
                output.status.success(),
                "{client}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            let code = String::from_utf8_lossy(&output.stdout);
            format!("```{fence}\n{}\n```", code.trim_end())
        })
        .collect();
    let page = |blocks: &[String]| {
        let mut page = format!(
            "# Chat\n\n<hfoptions id=\"client\">\n<hfoption id=\"curl\">\n\n```sh\n{HEADER_CURL}\n```\n\n</hfoption>\n"
        );
        for (index, block) in blocks.iter().enumerate() {
            page.push_str(&format!(
                "<hfoption id=\"tab{index}\">\n\n{block}\n\n</hfoption>\n"
            ));
        }
        page + "</hfoptions>\n"
    };
    let clean = page(&blocks);
    std::fs::write(dir.join("clean.md"), &clean).expect("write");
    let (output, findings, summary) = verify(&dir, &["clean.md"]);
    assert_eq!(
        places(&findings),
        [],
        "{summary}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let languages = &summary["summary"]["languages"];
    for (language, count) in [
        ("python", 2),
        ("go", 1),
        ("java", 1),
        ("php", 1),
        ("ruby", 1),
    ] {
        assert_eq!(
            languages[language]["verified"], count,
            "{language}: {summary}"
        );
    }
    assert_eq!(summary["summary"]["verified"], 6, "{summary}");
    assert_eq!(output.status.code(), Some(0));

    // The header's value changed in every block, as each language quotes it.
    let drifted: Vec<String> = blocks
        .iter()
        .map(|block| {
            block
                .replace("\"one\"", "\"two\"")
                .replace("'one'", "'two'")
        })
        .collect();
    for (block, (client, _)) in drifted.iter().zip(clients) {
        assert!(
            block.contains("two"),
            "{client}: the seeded value is not in {block}"
        );
    }
    let drifted = page(&drifted);
    std::fs::write(dir.join("drifted.md"), &drifted).expect("write");
    let (output, findings, summary) = verify(&dir, &["drifted.md"]);
    let found = places(&findings);
    for (block, (client, _)) in clients.iter().enumerate() {
        let line = line_of(&drifted, block);
        assert!(
            found.iter().any(|(at, code, text)| *at == line
                && code == "request-differs"
                && text.starts_with(
                    "header X-Extra: the curl block sends \"one\", this block \"two\""
                )),
            "{client} at line {line}: not in {found:#?}"
        );
    }
    assert_eq!(
        found.len(),
        clients.len(),
        "one finding per block: {found:#?}"
    );
    assert_eq!(summary["summary"]["different"], 6);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_reqwest_block_verifies_and_a_changed_header_is_found() {
    // The first run compiles reqwest and its dependencies into
    // `target/verify-cache/rust/target` (minutes on two cores); then a block builds
    // in seconds.
    let dir = scratch("verify-rust");
    let output = crate::run_snippet(&["--client", "reqwest"], HEADER_CURL.as_bytes(), &dir);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let code = String::from_utf8_lossy(&output.stdout)
        .trim_end()
        .to_owned();
    let page = |blocks: &[String]| {
        let mut page = format!("# Chat\n\n```sh\n{HEADER_CURL}\n```\n");
        for block in blocks {
            page.push_str(&format!("\n```rust\n{block}\n```\n"));
        }
        page
    };
    let clean = page(std::slice::from_ref(&code));
    std::fs::write(dir.join("clean.md"), &clean).expect("write");
    let (output, findings, summary) = verify(&dir, &["clean.md"]);
    assert_eq!(
        places(&findings),
        [],
        "{summary}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        summary["summary"]["languages"]["rust"]["verified"], 1,
        "{summary}"
    );
    assert_eq!(output.status.code(), Some(0));

    // The header changed; a block that does not compile; one that reads the
    // caller's token at compile time (cargo never sees it); a crate not pinned.
    let drifted = page(&[
        code.replace("\"one\"", "\"two\""),
        "fn main() {\n    let n: u32 = \"one\";\n}".to_owned(),
        "fn main() {\n    println!(\"{}\", env!(\"HF_TOKEN\"));\n}".to_owned(),
        "use tokio::runtime::Runtime;\n\nfn main() {}".to_owned(),
    ]);
    std::fs::write(dir.join("drifted.md"), &drifted).expect("write");
    let (output, findings, summary) = verify(&dir, &["drifted.md"]);
    let found = places(&findings);
    let expected = [
        (
            "request-differs",
            "header X-Extra: the curl block sends \"one\", this block \"two\"",
        ),
        (
            "not-verified",
            "crash before any request: it does not compile: src/main.rs:2:18: error[E0308]: mismatched types",
        ),
        (
            "not-verified",
            "crash before any request: it does not compile: src/main.rs:2:20: error: environment variable `HF_TOKEN` not defined at compile time",
        ),
        (
            "not-verified",
            "a package verify does not install: src/main.rs:1:5: error[E0433]",
        ),
    ];
    for (block, (code, message)) in expected.iter().enumerate() {
        let line = line_of(&drifted, block);
        assert!(
            found.iter().any(|(at, found_code, text)| *at == line
                && found_code == code
                && text.starts_with(message)),
            "block {block} at line {line}: {message:?} not in {found:#?}"
        );
    }
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    assert_eq!(summary["summary"]["different"], 1, "{summary}");
    assert_eq!(summary["summary"]["not_verified"], 3, "{summary}");
    assert_eq!(output.status.code(), Some(1));
}
