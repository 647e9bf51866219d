//! Side by side with Hugging Face's own snippet generator: for each router request
//! both generators write (every `hf-inference` task whose `huggingface_hub` or
//! `huggingface.js` snippet `getInferenceSnippets` writes, and chat with a
//! `:provider` and without), their snippets and ours for the same request are read
//! call by call (the client's constructor, the method and its arguments: Python with
//! its `ast` module, JavaScript with acorn) and run through `snippet verify` beside
//! the request's curl, to say which sends curl's exact request. The report is
//! `tests/hf_generator/differences.md`: a new difference fails the test,
//! `UPDATE_SNAPSHOTS=1` rewrites it (review with `git diff`).
//!
//! Ours are written from their curl command, or from a JSON spec of the same request
//! when their generator writes no curl for the task, or when their curl sends other
//! inputs than their clients pass (the text tasks: their curl JSON-encodes the text a
//! second time; text-classification keeps their curl once to show it, and the report
//! says how each such curl differs); the spec's curl, written by us, is then the
//! reference. So the calls are compared for the same inputs. The harness is
//! `tests/hf_generator/` (its `package-lock.json`, the `@huggingface/inference` the
//! conformance suite pins and acorn, installed once with `npm ci` into
//! `target/hf-generator/`). Outside CI the test skips when the registry cannot be
//! reached; under `CI` it fails.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use serde_json::{Map, Value, json};

use crate::conformance::run::run;
use crate::tools::{self, Missing};
use crate::{root, run_snippet, scratch};

/// An npm install, or one run of their generator, of a parser or of verify.
const TIMEOUT: Duration = Duration::from_secs(900);

/// The report, rewritten by `UPDATE_SNAPSHOTS=1`.
const REPORT: &str = "tests/hf_generator/differences.md";

/// One request both generators write snippets for: what `getInferenceSnippets` is
/// given (the model, its pipeline tag and tags, the provider and its mapping), and
/// the spec of the request when their generator writes no curl for it.
struct Case {
    name: &'static str,
    model: &'static str,
    pipeline_tag: &'static str,
    conversational: bool,
    provider: &'static str,
    /// The provider's own id of the model (its mapping's `providerId`).
    provider_id: &'static str,
    /// The mapping's task, which is also our `--task`.
    task: &'static str,
    spec: Option<&'static str>,
    /// Their generator writes a curl too, sending other inputs than their clients
    /// pass: the request is `spec`, their clients' inputs, and the report says how
    /// their curl differs.
    curl_differs: bool,
    /// `getInferenceSnippets`' options, as JSON: `billTo`, `streaming`.
    options: &'static str,
}

/// A case of an `hf-inference` task whose request their curl writes.
const fn hf(task: &'static str, model: &'static str) -> Case {
    Case {
        name: task,
        model,
        pipeline_tag: task,
        conversational: false,
        provider: "hf-inference",
        provider_id: model,
        task,
        spec: None,
        curl_differs: false,
        options: "{}",
    }
}

/// A chat case: the `conversational` mapping of a `text-generation` model.
const fn chat(
    name: &'static str,
    model: &'static str,
    provider: &'static str,
    provider_id: &'static str,
) -> Case {
    Case {
        name,
        model,
        pipeline_tag: "text-generation",
        conversational: true,
        provider,
        provider_id,
        task: "conversational",
        spec: None,
        curl_differs: false,
        options: "{}",
    }
}

/// An `hf-inference` case whose request is `spec` (their generator writes no curl).
const fn spec(task: &'static str, model: &'static str, spec: &'static str) -> Case {
    Case {
        spec: Some(spec),
        ..hf(task, model)
    }
}

/// An `hf-inference` case whose request is `spec`, the inputs their clients pass,
/// while their curl sends others (the text JSON-encoded a second time).
const fn inputs(task: &'static str, model: &'static str, spec: &'static str) -> Case {
    Case {
        curl_differs: true,
        ..self::spec(task, model, spec)
    }
}

/// Every task both generators cover with `hf-inference` (theirs writes neither typed
/// client for zero-shot classification nor for visual question answering; document
/// question answering needs a file's base64 in the spec), then chat.
const CASES: &[Case] = &[
    hf(
        "text-classification",
        "distilbert/distilbert-base-uncased-finetuned-sst-2-english",
    ),
    Case {
        name: "text-classification, with the inputs their clients pass, billed to an organization",
        options: r#"{"billTo": "my-org"}"#,
        ..inputs(
            "text-classification",
            "distilbert/distilbert-base-uncased-finetuned-sst-2-english",
            r#"{"url": "https://router.huggingface.co/hf-inference/models/distilbert/distilbert-base-uncased-finetuned-sst-2-english",
                "token": "$HF_TOKEN", "task": "text-classification", "headers": {"X-HF-Bill-To": "my-org"},
                "json": {"inputs": "I like you. I love you"}}"#,
        )
    },
    inputs(
        "token-classification",
        "dslim/bert-base-NER",
        r#"{"url": "https://router.huggingface.co/hf-inference/models/dslim/bert-base-NER",
            "token": "$HF_TOKEN", "task": "token-classification",
            "json": {"inputs": "My name is Sarah Jessica Parker but you can call me Jessica"}}"#,
    ),
    inputs(
        "fill-mask",
        "google-bert/bert-base-uncased",
        r#"{"url": "https://router.huggingface.co/hf-inference/models/google-bert/bert-base-uncased",
            "token": "$HF_TOKEN", "task": "fill-mask",
            "json": {"inputs": "The answer to the universe is undefined."}}"#,
    ),
    inputs(
        "summarization",
        "facebook/bart-large-cnn",
        r#"{"url": "https://router.huggingface.co/hf-inference/models/facebook/bart-large-cnn",
            "token": "$HF_TOKEN", "task": "summarization",
            "json": {"inputs": "The tower is 324 metres (1,063 ft) tall, about the same height as an 81-storey building, and the tallest structure in Paris. Its base is square, measuring 125 metres (410 ft) on each side. During its construction, the Eiffel Tower surpassed the Washington Monument to become the tallest man-made structure in the world, a title it held for 41 years until the Chrysler Building in New York City was finished in 1930. It was the first structure to reach a height of 300 metres. Due to the addition of a broadcasting aerial at the top of the tower in 1957, it is now taller than the Chrysler Building by 5.2 metres (17 ft). Excluding transmitters, the Eiffel Tower is the second tallest free-standing structure in France after the Millau Viaduct."}}"#,
    ),
    inputs(
        "translation",
        "google-t5/t5-small",
        r#"{"url": "https://router.huggingface.co/hf-inference/models/google-t5/t5-small",
            "token": "$HF_TOKEN", "task": "translation",
            "json": {"inputs": "Меня зовут Вольфганг и я живу в Берлине"}}"#,
    ),
    inputs(
        "sentence-similarity",
        "sentence-transformers/all-MiniLM-L6-v2",
        r#"{"url": "https://router.huggingface.co/hf-inference/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/sentence-similarity",
            "token": "$HF_TOKEN", "task": "sentence-similarity",
            "json": {"inputs": {"source_sentence": "That is a happy person",
              "sentences": ["That is a happy dog", "That is a very happy person", "Today is a sunny day"]}}}"#,
    ),
    inputs(
        "feature-extraction",
        "intfloat/multilingual-e5-large",
        r#"{"url": "https://router.huggingface.co/hf-inference/models/intfloat/multilingual-e5-large/pipeline/feature-extraction",
            "token": "$HF_TOKEN", "task": "feature-extraction",
            "json": {"inputs": "Today is a sunny day and I will get some ice cream."}}"#,
    ),
    hf("automatic-speech-recognition", "openai/whisper-large-v3"),
    hf("image-classification", "google/vit-base-patch16-224"),
    hf(
        "audio-classification",
        "ehcalabres/wav2vec2-lg-xlsr-en-speech-emotion-recognition",
    ),
    hf("object-detection", "facebook/detr-resnet-50"),
    hf(
        "image-segmentation",
        "nvidia/segformer-b0-finetuned-ade-512-512",
    ),
    hf("image-to-text", "Salesforce/blip-image-captioning-base"),
    spec(
        "question-answering",
        "deepset/roberta-base-squad2",
        r#"{"url": "https://router.huggingface.co/hf-inference/models/deepset/roberta-base-squad2",
            "token": "$HF_TOKEN", "task": "question-answering",
            "json": {"inputs": {"question": "What is my name?", "context": "My name is Clara and I live in Berkeley."}}}"#,
    ),
    spec(
        "table-question-answering",
        "google/tapas-base-finetuned-wtq",
        r#"{"url": "https://router.huggingface.co/hf-inference/models/google/tapas-base-finetuned-wtq",
            "token": "$HF_TOKEN", "task": "table-question-answering",
            "json": {"inputs": {"query": "How many stars does the transformers repository have?",
              "table": {"Repository": ["Transformers", "Datasets", "Tokenizers"], "Stars": ["36542", "4512", "3934"],
                "Contributors": ["651", "77", "34"], "Programming language": ["Python", "Python", "Rust, Python and NodeJS"]}}}}"#,
    ),
    spec(
        "text-to-image",
        "black-forest-labs/FLUX.1-schnell",
        r#"{"url": "https://router.huggingface.co/hf-inference/models/black-forest-labs/FLUX.1-schnell",
            "token": "$HF_TOKEN", "task": "text-to-image", "json": {"inputs": "Astronaut riding a horse"}}"#,
    ),
    spec(
        "text-to-speech",
        "facebook/mms-tts-eng",
        r#"{"url": "https://router.huggingface.co/hf-inference/models/facebook/mms-tts-eng",
            "token": "$HF_TOKEN", "task": "text-to-speech", "json": {"inputs": "The answer to the universe is 42"}}"#,
    ),
    Case {
        name: "text-generation",
        conversational: false,
        ..chat(
            "",
            "meta-llama/Llama-3.2-1B-Instruct",
            "hf-inference",
            "meta-llama/Llama-3.2-1B-Instruct",
        )
    },
    chat(
        "chat, provider novita",
        "meta-llama/Llama-3.1-8B-Instruct",
        "novita",
        "meta-llama/llama-3.1-8b-instruct",
    ),
    Case {
        options: r#"{"streaming": true, "billTo": "my-org"}"#,
        ..chat(
            "chat, provider novita, streaming, billed to an organization",
            "meta-llama/Llama-3.1-8B-Instruct",
            "novita",
            "meta-llama/llama-3.1-8b-instruct",
        )
    },
    chat(
        "chat, provider together",
        "meta-llama/Llama-3.3-70B-Instruct",
        "together",
        "meta-llama/Llama-3.3-70B-Instruct-Turbo",
    ),
    chat(
        "chat, no provider (auto)",
        "meta-llama/Llama-3.1-8B-Instruct",
        "auto",
        "meta-llama/Llama-3.1-8B-Instruct",
    ),
];

/// The typed clients compared: their name in both generators, the file extension,
/// the fence of a page.
const CLIENTS: [(&str, &str, &str); 2] = [
    ("huggingface_hub", "py", "py"),
    ("huggingface.js", "js", "js"),
];

impl Case {
    fn json(&self) -> Value {
        let tags: &[&str] = if self.conversational {
            &["conversational"]
        } else {
            &[]
        };
        json!({
            "name": self.name, "id": self.model, "pipeline_tag": self.pipeline_tag,
            "tags": tags, "provider": self.provider, "providerId": self.provider_id,
            "task": self.task,
            "options": serde_json::from_str::<Value>(self.options).expect("options as JSON"),
        })
    }

    /// A folder name: the name's letters and digits.
    fn slug(&self) -> String {
        let slug: String = self
            .name
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        slug.split('-')
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("-")
    }
}

/// Folder of the harness: its scripts and the `node_modules` of its lock.
fn harness() -> Option<PathBuf> {
    static INSTALLED: OnceLock<Result<PathBuf, Missing>> = OnceLock::new();
    tools::available(
        "the npm packages of tests/hf_generator",
        INSTALLED.get_or_init(install),
    )
}

fn install() -> Result<PathBuf, Missing> {
    let source = root().join("tests/hf_generator");
    let dir = root().join("target/hf-generator");
    let failed =
        |what: &Path, err: std::io::Error| Missing::Failed(format!("{}: {err}", what.display()));
    fs::create_dir_all(&dir).map_err(|err| failed(&dir, err))?;
    let mut wanted = String::new();
    for name in [
        "package.json",
        "package-lock.json",
        "generate.mjs",
        "calls.mjs",
        "calls.py",
    ] {
        let path = source.join(name);
        let text = fs::read_to_string(&path).map_err(|err| failed(&path, err))?;
        fs::write(dir.join(name), &text).map_err(|err| failed(&dir, err))?;
        if name.starts_with("package") {
            wanted.push_str(&text);
        }
    }
    let stamp = dir.join(".installed-from");
    if fs::read_to_string(&stamp).is_ok_and(|text| text == wanted)
        && dir.join("node_modules/@huggingface/inference").is_dir()
        && dir.join("node_modules/acorn").is_dir()
    {
        return Ok(dir);
    }
    eprintln!("hf_generator: npm ci in target/hf-generator (once)");
    let outcome = run(
        Command::new("npm").args([
            "ci",
            "--ignore-scripts",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
        ]),
        &dir,
        "install",
        TIMEOUT,
    );
    if !outcome.success() {
        let why = format!("npm ci: {}", outcome.failure(TIMEOUT));
        return Err(if tools::unreachable(&outcome.stderr) {
            Missing::Unreachable(why)
        } else {
            Missing::Failed(why)
        });
    }
    fs::write(&stamp, wanted).map_err(|err| failed(&stamp, err))?;
    Ok(dir)
}

/// `program ARGS` in `dir`, `input` on its standard input: its standard output as JSON.
fn json_of(program: &str, args: &[&str], dir: &Path, input: &Value) -> Value {
    use std::io::Write;
    let mut child = Command::new(program)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|err| panic!("{program} runs: {err}"));
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all(input.to_string().as_bytes())
        .expect("write stdin");
    drop(stdin);
    let output = child.wait_with_output().expect("it exits");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{program} {args:?}: {}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_str(&stdout)
        .unwrap_or_else(|err| panic!("{program} {args:?}: {err}: {stdout}"))
}

/// One client's pair of snippets in a case: theirs, and ours or why we wrote none.
struct Pair {
    client: &'static str,
    theirs: PathBuf,
    ours: Result<PathBuf, String>,
}

/// A case's request and snippets, written under its folder.
struct Written {
    /// Where the request came from, for the report.
    from: &'static str,
    /// How their curl's request differs from the case's, when it does.
    their_curl: Vec<String>,
    curl: PathBuf,
    pairs: Vec<Pair>,
}

fn write_case(case: &Case, theirs: &Value, dir: &Path) -> Written {
    fs::create_dir_all(dir).expect("case folder");
    let curl = dir.join("curl.sh");
    let mut their_curl = Vec::new();
    // Our arguments besides the client, and what goes on our standard input.
    let (from, source, stdin): (&str, Vec<String>, Vec<u8>) =
        match (case.spec, theirs["curl"].as_str()) {
            (None, Some(command)) => {
                fs::write(&curl, command).expect("write curl");
                let args = ["--task", case.task, "--curl", "-"];
                let args = args.into_iter().map(str::to_owned).collect();
                ("their curl", args, command.as_bytes().to_vec())
            }
            (Some(spec), None) => {
                let path = dir.join("spec.json");
                fs::write(&path, spec).expect("write spec");
                let path = path.display().to_string();
                let output = run_snippet(&["--client", "curl", "-r", &path], b"", dir);
                assert!(
                    output.status.success(),
                    "{}: our curl of the spec",
                    case.name
                );
                fs::write(&curl, &output.stdout).expect("write curl");
                let from = "a JSON spec of the same request, as their generator writes no curl \
                            for the task; our curl of it is the reference";
                (from, vec!["-r".to_owned(), path], Vec::new())
            }
            (Some(spec), Some(command)) if case.curl_differs => {
                let path = dir.join("spec.json");
                fs::write(&path, spec).expect("write spec");
                let path = path.display().to_string();
                let output = run_snippet(&["--client", "curl", "-r", &path], b"", dir);
                assert!(
                    output.status.success(),
                    "{}: our curl of the spec",
                    case.name
                );
                fs::write(&curl, &output.stdout).expect("write curl");
                their_curl = body_differences(spec, command);
                assert!(
                    !their_curl.is_empty(),
                    "{}: their curl sends their clients' inputs now: use hf()",
                    case.name
                );
                let from = "a JSON spec of the inputs their clients pass, which their curl \
                            does not send; our curl of it is the reference";
                (from, vec!["-r".to_owned(), path], Vec::new())
            }
            (None, None) => panic!(
                "{}: no curl from their generator: give it a spec",
                case.name
            ),
            (Some(_), Some(_)) => panic!("{}: their generator writes a curl now", case.name),
        };
    let mut pairs = Vec::new();
    for (client, extension, _) in CLIENTS {
        let Some(content) = theirs[client].as_str() else {
            continue;
        };
        let theirs = dir.join(format!("theirs.{extension}"));
        fs::write(&theirs, content).expect("write theirs");
        let mut args = vec!["--client", client];
        args.extend(source.iter().map(String::as_str));
        let output = run_snippet(&args, &stdin, dir);
        let ours = if output.status.success() {
            let path = dir.join(format!("ours.{extension}"));
            fs::write(&path, &output.stdout).expect("write ours");
            Ok(path)
        } else {
            Err(String::from_utf8_lossy(&output.stderr).trim().to_owned())
        };
        pairs.push(Pair {
            client,
            theirs,
            ours,
        });
    }
    Written {
        from,
        their_curl,
        curl,
        pairs,
    }
}

/// Where the JSON body of their curl `command` differs from the one of `spec`: one
/// line per JSON path.
fn body_differences(spec: &str, command: &str) -> Vec<String> {
    let body = |request: inference_snippets::Request| match request.payload {
        inference_snippets::Payload::Json(value) => value,
        other => panic!("a JSON body, not {other:?}"),
    };
    let expected = body(inference_snippets::parse_spec(spec, "spec.json").expect("the spec"));
    let options = inference_snippets::CurlOptions::default();
    let parsed = inference_snippets::parse_curl(command, "their curl", &options);
    let sent = body(parsed.expect("their curl").request);
    let mut lines = Vec::new();
    json_differences("$", &expected, &sent, &mut lines);
    lines
}

fn json_differences(path: &str, expected: &Value, sent: &Value, lines: &mut Vec<String>) {
    match (expected, sent) {
        (Value::Object(a), Value::Object(b)) => {
            let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            for key in keys {
                let inner = format!("{path}.{key}");
                match (a.get(key), b.get(key)) {
                    (Some(a), Some(b)) => json_differences(&inner, a, b, lines),
                    (a, b) => lines.push(format!(
                        "`{inner}`: their clients {}, their curl {}",
                        shown(a),
                        shown(b)
                    )),
                }
            }
        }
        _ if expected != sent => lines.push(format!(
            "`{path}`: their clients {expected}, their curl {sent}"
        )),
        _ => {}
    }
}

/// What a call's argument is, for the report: its JSON, or `absent`.
fn shown(value: Option<&Value>) -> String {
    value.map_or_else(|| "absent".to_owned(), Value::to_string)
}

/// The differences of two snippets' calls, one line each: the constructor's name and
/// arguments, the method's name and arguments.
fn call_differences(ours: &Value, theirs: &Value) -> Vec<String> {
    let mut lines = Vec::new();
    for side in [ours, theirs] {
        if let Some(error) = side.get("error") {
            lines.push(format!("unreadable: {error}"));
        }
    }
    for (part, what) in [("constructor", "the client"), ("method", "the call")] {
        let (o, t) = (&ours[part], &theirs[part]);
        if o.is_null() || t.is_null() {
            if o != t {
                lines.push(format!(
                    "{what}: ours {}, theirs {}",
                    shown(o.get("name")),
                    shown(t.get("name"))
                ));
            }
            continue;
        }
        if o["name"] != t["name"] {
            lines.push(format!("{what}: ours {}, theirs {}", o["name"], t["name"]));
        }
        let empty = Map::new();
        let (oa, ta) = (
            o["arguments"].as_object().unwrap_or(&empty),
            t["arguments"].as_object().unwrap_or(&empty),
        );
        let keys: BTreeSet<&String> = oa.keys().chain(ta.keys()).collect();
        for key in keys {
            if oa.get(key) != ta.get(key) {
                lines.push(format!(
                    "{what}'s `{key}`: ours {}, theirs {}",
                    shown(oa.get(key)),
                    shown(ta.get(key))
                ));
            }
        }
    }
    lines
}

/// A page of one tab group per case: the curl block, then each pair's blocks. The
/// line of each block's opening fence, by file.
fn page(written: &[Written]) -> (String, Vec<(u64, PathBuf)>) {
    let mut text = String::from("# Side by side\n");
    let mut lines = Vec::new();
    let block = |text: &mut String, fence: &str, path: &Path, lines: &mut Vec<(u64, PathBuf)>| {
        let code = fs::read_to_string(path).expect("a snippet");
        text.push_str("\n<hfoption id=\"");
        text.push_str(&path.file_name().expect("a file").to_string_lossy());
        text.push_str("\">\n\n");
        let line = text.lines().count() as u64 + 1;
        lines.push((line, path.to_path_buf()));
        let _ = writeln!(text, "```{fence}\n{}\n```\n\n</hfoption>", code.trim_end());
    };
    for (index, case) in written.iter().enumerate() {
        let _ = write!(text, "\n<hfoptions id=\"case-{index}\">\n");
        block(&mut text, "sh", &case.curl, &mut lines);
        for pair in &case.pairs {
            let fence = CLIENTS
                .iter()
                .find(|(client, ..)| *client == pair.client)
                .map_or("", |(.., fence)| fence);
            block(&mut text, fence, &pair.theirs, &mut lines);
            if let Ok(ours) = &pair.ours {
                block(&mut text, fence, ours, &mut lines);
            }
        }
        text.push_str("\n</hfoptions>\n");
    }
    (text, lines)
}

/// What verify says of each block: sends curl's exact request, does not (with the
/// differences), or could not tell (with the reason).
fn verdicts(dir: &Path, page: &Path, blocks: &[(u64, PathBuf)]) -> Vec<(PathBuf, String)> {
    let output = Command::new(env!("CARGO_BIN_EXE_snippet"))
        .args(["verify", "--message-format", "json", "--timeout", "120"])
        .arg(page)
        .env("SNIPPET_CACHE_DIR", root().join("target/verify-cache"))
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("snippet verify runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "snippet verify: {}\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let findings: Vec<Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|err| panic!("{err}: {line}")))
        .filter(|finding: &Value| finding.get("code").is_some())
        .collect();
    blocks
        .iter()
        .map(|(line, path)| {
            let at: Vec<&Value> = findings
                .iter()
                .filter(|finding| finding["line"].as_u64() == Some(*line))
                .collect();
            let messages = |severity: &str| -> Vec<String> {
                at.iter()
                    .filter(|finding| finding["severity"] == severity)
                    .map(|finding| {
                        let code = finding["code"].as_str().unwrap_or("");
                        let message = finding["message"].as_str().unwrap_or("");
                        format!("{code}: {}", steady(message))
                    })
                    .collect()
            };
            let (errors, notes) = (messages("error"), messages("note"));
            let verdict = if !errors.is_empty() {
                format!("does not send curl's request ({})", errors.join("; "))
            } else if !notes.is_empty() {
                format!("was not verified ({})", notes.join("; "))
            } else {
                "sends curl's exact request".to_owned()
            };
            (path.clone(), verdict)
        })
        .collect()
}

/// A finding's message without what changes with the machine: a crash is said by
/// its exception (`TypeError: ...`), not by the runtime's last lines of stack and
/// version.
fn steady(message: &str) -> String {
    let Some((reason, output)) = message.split_once(": exit status") else {
        return message.to_owned();
    };
    let exception = output
        .split(" | ")
        .find(|line| line.contains("Error: "))
        .map(str::trim);
    match exception {
        Some(exception) => format!("{reason}: {exception}"),
        None => reason.to_owned(),
    }
}

/// The report: per case, where the request came from, and per client the calls'
/// differences with the reason, what each snippet sends on the wire.
fn report(
    written: &[Written],
    calls: &Value,
    verdicts: &[(PathBuf, String)],
    dir: &Path,
) -> String {
    let verdict = |path: &Path| -> &str {
        verdicts
            .iter()
            .find(|(block, _)| block == path)
            .map_or("was not run", |(_, verdict)| verdict.as_str())
    };
    let mut text = String::from(
        "# Our snippets beside Hugging Face's generator\n\n\
         Written by `tests/hf_generator.rs` (`UPDATE_SNAPSHOTS=1 cargo test --test tests hf_generator`\n\
         rewrites it; review with `git diff`). For each router request below, the\n\
         `huggingface_hub` and `huggingface.js` snippets of `getInferenceSnippets`\n\
         (`@huggingface/inference` 4.13.30) beside ours for the same request, read call by\n\
         call: the client's constructor and the method called on it, each argument as data\n\
         (`#0` is the first positional one; an object argument's keys are arguments,\n\
         `#1.key` a key of the second one;\n\
         `{\"env\": NAME}` reads an environment variable; `{\"code\": ...}` is code that is\n\
         not a value). The reason of each difference is the last line of its client: what\n\
         `snippet verify` saw each snippet send, beside the request's curl, through the\n\
         recording proxy at the real host names. A client both write the same way says\n\
         `same calls`.\n",
    );
    for (case, written) in CASES.iter().zip(written) {
        let _ = write!(
            text,
            "\n## {} (`{}`, provider `{}`)\n\nThe request: {}.\n",
            case.name, case.model, case.provider, written.from
        );
        for line in &written.their_curl {
            let _ = writeln!(text, "Their curl sends another body: {line}.");
        }
        for pair in &written.pairs {
            let _ = write!(text, "\n{}:\n", pair.client);
            let theirs_calls = &calls[pair.theirs.display().to_string()];
            match &pair.ours {
                Err(why) => {
                    let why = why.replace(&dir.display().to_string(), "…");
                    let _ = writeln!(text, "- ours refused: {why}");
                    let _ = writeln!(text, "- on the wire: theirs {}", verdict(&pair.theirs));
                }
                Ok(ours) => {
                    let differences =
                        call_differences(&calls[ours.display().to_string()], theirs_calls);
                    if differences.is_empty() {
                        text.push_str("- same calls\n");
                    }
                    for line in differences {
                        let _ = writeln!(text, "- {line}");
                    }
                    let _ = writeln!(
                        text,
                        "- on the wire: ours {}; theirs {}",
                        verdict(ours),
                        verdict(&pair.theirs)
                    );
                }
            }
        }
    }
    text
}

#[test]
fn ours_beside_hugging_faces_generator() {
    let Some(harness) = harness() else {
        return;
    };
    let cases: Vec<Value> = CASES.iter().map(Case::json).collect();
    let theirs = json_of("node", &["generate.mjs"], &harness, &Value::Array(cases));
    let dir = scratch("hf_generator");
    let written: Vec<Written> = CASES
        .iter()
        .map(|case| write_case(case, &theirs[case.name], &dir.join(case.slug())))
        .collect();
    let files = |extension: &str| -> Value {
        let mut paths = Vec::new();
        for pair in written.iter().flat_map(|case| &case.pairs) {
            for path in [Some(&pair.theirs), pair.ours.as_ref().ok()]
                .into_iter()
                .flatten()
            {
                if path.extension().is_some_and(|e| e == extension) {
                    paths.push(Value::from(path.display().to_string()));
                }
            }
        }
        Value::Array(paths)
    };
    let mut calls = json_of("python3", &["calls.py"], &harness, &files("py"));
    let js = json_of("node", &["calls.mjs"], &harness, &files("js"));
    if let (Value::Object(calls), Value::Object(js)) = (&mut calls, js) {
        calls.extend(js);
    }
    let (text, blocks) = page(&written);
    let page = dir.join("page.md");
    fs::write(&page, text).expect("write the page");
    let verdicts = verdicts(&dir, &page, &blocks);
    let report = report(&written, &calls, &verdicts, &dir);
    let path = root().join(REPORT);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        fs::write(&path, &report).expect("writable report");
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_default();
    if expected != report {
        let diff = similar::TextDiff::from_lines(expected.as_str(), report.as_str())
            .unified_diff()
            .header(REPORT, "now")
            .to_string();
        panic!(
            "the differences with Hugging Face's generator changed; rerun with UPDATE_SNAPSHOTS=1 and review the diff:\n{diff}"
        );
    }
}
