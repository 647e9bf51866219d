//! `snippet docs`: regions of Markdown pages owned by the tool, checked, written and
//! linted, over the fixtures in `tests/docs/` and the Hugging Face docs corpus.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

use inference_snippets::docs;
use inference_snippets::{Client, CurlOptions, Request, Task, parse_curl, parse_spec, render};
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag};

use crate::{root, scratch};

/// What one run of `snippet` did.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `snippet` in `dir`, so file names in its output are the relative ones given.
fn snippet(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_snippet"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("snippet runs");
    let run = Run {
        code: output.status.code().expect("snippet exits with a status"),
        stdout: String::from_utf8(output.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("utf-8 stderr"),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "{args:?} panicked: {run:?}"
    );
    run
}

/// A fixture of `tests/docs/`.
fn fixture(name: &str) -> String {
    fs::read_to_string(root().join("tests/docs").join(name)).expect("fixture")
}

/// Copies fixture `name` into `dir` (as `as_name`), returning its path.
fn place(dir: &Path, name: &str, as_name: &str) -> PathBuf {
    let path = dir.join(as_name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("writable scratch dir");
    }
    fs::write(&path, fixture(name)).expect("writable scratch file");
    path
}

/// The pieces of `text` outside its regions (markers included), in order.
fn outside(text: &str) -> Vec<String> {
    let regions = docs::scan(text, "page").expect("regions scan");
    let mut pieces = Vec::new();
    let mut at = 0;
    for region in &regions {
        pieces.push(text[at..region.content.start].to_owned());
        at = region.content.end;
    }
    pieces.push(text[at..].to_owned());
    pieces
}

/// The content of every region of `text`.
fn contents(text: &str) -> Vec<String> {
    docs::scan(text, "page")
        .expect("regions scan")
        .into_iter()
        .map(|region| text[region.content].to_owned())
        .collect()
}

/// One snippet of a region: the label in front of it (tab id, bold label or
/// `<python>`-style tag), the fence's info string and the code.
#[derive(Debug, PartialEq, Eq)]
struct Shown {
    label: String,
    language: String,
    code: String,
}

/// The fenced blocks of a generated region, with the label in front of each.
fn shown(content: &str) -> Vec<Shown> {
    let mut found = Vec::new();
    let mut label = String::new();
    let mut lines = content.lines();
    while let Some(line) = lines.next() {
        if let Some(id) = line
            .strip_prefix("<hfoption id=\"")
            .and_then(|rest| rest.strip_suffix("\">"))
        {
            label = id.to_owned();
        } else if let Some(name) = line
            .strip_prefix("**")
            .and_then(|rest| rest.strip_suffix("**"))
        {
            label = name.to_owned();
        } else if matches!(line, "<python>" | "<js>" | "<curl>") {
            label = line.trim_matches(['<', '>']).to_owned();
        } else if line.starts_with("```") {
            let ticks: String = line.chars().take_while(|&c| c == '`').collect();
            let mut code = String::new();
            for line in lines.by_ref() {
                if line == ticks {
                    break;
                }
                code.push_str(line);
                code.push('\n');
            }
            found.push(Shown {
                label: label.clone(),
                language: line[ticks.len()..].to_owned(),
                code,
            });
        }
    }
    found
}

/// Blank lines around every tag, label and fence of a generated region.
fn assert_blank_lines_around(content: &str) {
    let lines: Vec<&str> = content.split('\n').collect();
    let blank = |index: Option<usize>| {
        index
            .and_then(|i| lines.get(i))
            .is_some_and(|l| l.is_empty())
    };
    let mut fence: Option<String> = None;
    for (index, line) in lines.iter().enumerate() {
        let before = index.checked_sub(1);
        let after = Some(index + 1);
        if let Some(ticks) = &fence {
            if line == ticks {
                assert!(
                    blank(after),
                    "no blank line after the fence at {index}:\n{content}"
                );
                fence = None;
            }
        } else if line.starts_with("```") {
            assert!(
                blank(before),
                "no blank line before the fence at {index}:\n{content}"
            );
            fence = Some(line.chars().take_while(|&c| c == '`').collect());
        } else if line.starts_with('<') || line.starts_with("**") {
            assert!(
                blank(before) && blank(after),
                "no blank lines around {line:?}:\n{content}"
            );
        }
    }
    assert!(fence.is_none(), "unclosed fence:\n{content}");
}

/// The info string of the fences of `client`'s language.
fn fence_language(client: Client) -> &'static str {
    client.language().fence()
}

/// Writes `page` in `dir` twice and checks it: the first write changes what it
/// reports, the second nothing, `check` then exits 0. Returns the written text and
/// what the first write reported.
fn write_until_stable(dir: &Path, page: &str) -> (String, String) {
    let path = dir.join(page);
    let before = fs::read(&path).expect("readable page");
    let first = snippet(dir, &["docs", "write", page]);
    assert_eq!(first.code, 0, "first write: {first:?}");
    let written = fs::read_to_string(&path).expect("readable page");
    assert_ne!(
        written.as_bytes(),
        before,
        "the first write changes the page"
    );
    assert_eq!(
        outside(&written),
        outside(std::str::from_utf8(&before).expect("utf-8 page")),
        "bytes outside the regions"
    );
    let (mtime, stable) = settle(&path);
    let second = snippet(dir, &["docs", "write", page]);
    assert_eq!(second.code, 0, "second write: {second:?}");
    assert_eq!(second.stdout, "", "the second write reports nothing");
    assert_eq!(
        fs::read(&path).expect("readable page"),
        stable,
        "the second write changes nothing"
    );
    assert_eq!(modified(&path), mtime);
    let check = snippet(dir, &["docs", "check", page]);
    assert_eq!(check.code, 0, "check after write: {check:?}");
    assert_eq!(check.stdout, "");
    (written, first.stdout)
}

/// The file's modification time.
fn modified(path: impl AsRef<Path>) -> SystemTime {
    fs::metadata(path)
        .and_then(|metadata| metadata.modified())
        .expect("mtime")
}

/// Sets the file's mtime to a fixed past time, so that any later write shows;
/// returns it with the file's bytes.
fn settle(path: &Path) -> (SystemTime, Vec<u8>) {
    let past = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    fs::File::options()
        .write(true)
        .open(path)
        .and_then(|file| file.set_modified(past))
        .expect("settable mtime");
    let mtime = modified(path);
    (mtime, fs::read(path).expect("readable page"))
}

/// The request of the curl command in `code`.
fn curl_request(code: &str) -> Request {
    parse_curl(code, "test", &CurlOptions::default())
        .expect("the curl block parses")
        .request
}

/// The code of the first fenced block of `text`.
fn first_fence_code(text: &str) -> String {
    let start = text.find("```").expect("a fenced block");
    let body = &text[text[start..].find('\n').expect("a fenced block") + start + 1..];
    body[..body.find("```").expect("a fenced block")].to_owned()
}

/// Asserts that the snippets shown are, label for label, what `render` writes.
fn assert_rendered(shown: &[Shown], expected: &[(&str, Client)], request: &Request) {
    let labels: Vec<&str> = shown.iter().map(|s| s.label.as_str()).collect();
    let wanted: Vec<&str> = expected.iter().map(|(label, _)| *label).collect();
    assert_eq!(labels, wanted, "tab order");
    for (snippet, (_, client)) in shown.iter().zip(expected) {
        assert_eq!(snippet.language, fence_language(*client), "{client}");
        assert_eq!(
            snippet.code,
            render(request, *client).expect("the client renders the request"),
            "{client} shows the request"
        );
    }
}

#[test]
fn hfoptions_from_curl() {
    let dir = scratch("docs-hfoptions");
    place(&dir, "hfoptions-from-curl.md", "page.md");
    let check = snippet(&dir, &["docs", "check", "page.md"]);
    assert_eq!(check.code, 1, "{check:?}");
    assert!(
        check
            .stdout
            .starts_with("page.md:12:1: region is out of date\n")
    );
    assert!(
        check
            .stdout
            .contains("--- page.md:12 (in the file)\n+++ generated\n@@")
    );

    let (written, report) = write_until_stable(&dir, "page.md");
    assert_eq!(report, "page.md:12:1: region updated\n");
    let content = &contents(&written)[0];
    assert!(
        content.starts_with("\n<hfoptions id=\"classify\">\n\n<hfoption id=\"curl\">\n\n```sh\n"),
        "{content}"
    );
    assert!(
        content.ends_with("</hfoption>\n\n</hfoptions>\n\n"),
        "{content}"
    );
    assert_blank_lines_around(content);
    // The author's block stays as it is.
    let original = fixture("hfoptions-from-curl.md");
    let code = first_fence_code(&original);
    assert!(written.starts_with(&original[..original.find("<!-- snippet").unwrap()]));
    let mut request = curl_request(&code);
    request.task = Some(Task::TextClassification);
    assert_rendered(
        &shown(content),
        &[
            ("curl", Client::Curl),
            ("huggingface_hub", Client::HuggingfaceHub),
            ("requests", Client::Requests),
            ("huggingface.js", Client::HuggingfaceJs),
            ("fetch", Client::Fetch),
            ("reqwest", Client::Reqwest),
        ],
        &request,
    );
}

#[test]
fn inferencesnippet_from_spec() {
    let dir = scratch("docs-inferencesnippet");
    place(&dir, "inferencesnippet-from-spec.md", "page.mdx");
    let (written, report) = write_until_stable(&dir, "page.mdx");
    assert_eq!(report, "page.mdx:12:1: region updated\n");
    let content = &contents(&written)[0];
    assert!(
        content.starts_with("\n<inferencesnippet>\n\n<python>\n\n**huggingface_hub**\n\n```py\n"),
        "{content}"
    );
    assert!(
        content.ends_with("</curl>\n\n</inferencesnippet>\n\n"),
        "{content}"
    );
    assert_blank_lines_around(content);
    let tags: Vec<&str> = content
        .lines()
        .filter(|line| line.starts_with('<'))
        .collect();
    assert_eq!(
        tags,
        [
            "<inferencesnippet>",
            "<python>",
            "</python>",
            "<js>",
            "</js>",
            "<curl>",
            "</curl>",
            "</inferencesnippet>"
        ]
    );
    let spec = first_fence_code(&fixture("inferencesnippet-from-spec.md"));
    let mut request = parse_spec(&spec, "spec").unwrap();
    request.token = inference_snippets::Token::parse("hf_***").unwrap();
    assert_rendered(
        &shown(content),
        // Each block of a child under its client's label.
        &[
            ("huggingface_hub", Client::HuggingfaceHub),
            ("requests", Client::Requests),
            ("huggingface.js", Client::HuggingfaceJs),
            ("fetch", Client::Fetch),
            ("curl", Client::Curl),
        ],
        &request,
    );
    assert!(content.contains("hf_***") && !content.contains("HF_TOKEN"));
}

/// The default clients are every client that can send the request; with
/// `layout=inferencesnippet` that means those the layout has a child for.
#[test]
fn inferencesnippet_with_default_clients() {
    let dir = scratch("docs-inferencesnippet-default");
    let page = "```sh\ncurl https://xyz.endpoints.huggingface.cloud/m -H 'Authorization: Bearer hf_***' -H 'Content-Type: application/json' -d '{\"inputs\": \"hi\"}'\n```\n\n<!-- snippet from=curl layout=inferencesnippet task=text-classification -->\n<!-- /snippet -->\n";
    fs::write(dir.join("page.md"), page).unwrap();
    let (written, _) = write_until_stable(&dir, "page.md");
    let content = &contents(&written)[0];
    for tag in ["<curl>", "<python>", "<js>"] {
        assert!(content.contains(tag), "{tag}:\n{content}");
    }
    // Rust, Go, Java, PHP and Ruby are left out, and the docs commands say so.
    let run = snippet(&dir, &["docs", "check", "page.md"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stderr,
        "snippet: note: page.md:5:1: left out openai-python, openai-js: the URL is not an OpenAI route (it posts to a base URL + /chat/completions, /completions or /embeddings); reqwest: layout=inferencesnippet has no child for Rust; go-net-http: layout=inferencesnippet has no child for Go; java-net-http: layout=inferencesnippet has no child for Java; guzzle: layout=inferencesnippet has no child for PHP; ruby-net-http: layout=inferencesnippet has no child for Ruby\n"
    );
}

/// A region without `clients=` shows every client that can send the request, and
/// notes those it leaves out in one line, with the marker key that would bring them
/// back.
#[test]
fn default_regions_say_which_clients_they_leave_out() {
    let dir = scratch("docs-left-out");
    let page = "```sh\ncurl https://xyz.endpoints.huggingface.cloud/m -H 'Content-Type: application/json' -d '{\"inputs\": \"hi\"}'\n```\n\n<!-- snippet from=curl -->\n<!-- /snippet -->\n";
    fs::write(dir.join("page.md"), page).unwrap();
    let run = snippet(&dir, &["docs", "write", "page.md"]);
    assert_eq!(run.code, 0, "{run:?}");
    let notes: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        notes,
        [
            "snippet: note: page.md:5:1: left out huggingface_hub, huggingface.js: it calls a typed method per task and the request names none; openai-python, openai-js: the URL is not an OpenAI route (it posts to a base URL + /chat/completions, /completions or /embeddings); add task=TASK to the marker",
        ]
    );
    // With clients= naming it, the same refusal is an error in the marker's words.
    let page = page.replace(
        "from=curl -->",
        "from=curl clients=curl,huggingface_hub -->",
    );
    fs::write(dir.join("page.md"), page).unwrap();
    let run = snippet(&dir, &["docs", "check", "page.md"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("add task=TASK to the marker; list requests in clients= instead"),
        "{run:?}"
    );
}

/// `install=false` leaves the install lines out, for pages that document
/// installation elsewhere.
#[test]
fn install_false_leaves_the_install_lines_out() {
    let dir = scratch("docs-install-false");
    let page = "```sh\ncurl https://xyz.endpoints.huggingface.cloud/m -d x=1\n```\n\n<!-- snippet from=curl clients=requests layout=fences -->\n<!-- /snippet -->\n";
    fs::write(dir.join("page.md"), page).unwrap();
    let (written, _) = write_until_stable(&dir, "page.md");
    assert!(contents(&written)[0].contains("```py\n# pip install requests\n\nimport"));
    fs::write(
        dir.join("page.md"),
        page.replace("layout=fences", "layout=fences install=false"),
    )
    .unwrap();
    let (written, _) = write_until_stable(&dir, "page.md");
    let content = &contents(&written)[0];
    assert!(content.contains("```py\nimport"), "{content}");
    assert!(!content.contains("pip install"), "{content}");
}

/// `layout=languages`: one tab per language, each client's block in it under its
/// label; `labels=` gives the tab ids and labels the page already uses.
#[test]
fn languages_layout_with_the_pages_labels() {
    let dir = scratch("docs-languages");
    let page = "```sh\ncurl https://xyz.endpoints.huggingface.cloud/m -H 'Authorization: Bearer hf_***' -H 'Content-Type: application/json' -d '{\"inputs\": \"hi\"}'\n```\n\n<!-- snippet from=curl layout=languages task=text-classification labels=\"curl:cURL,huggingface_hub:InferenceClient,js:JavaScript\" -->\n<!-- /snippet -->\n";
    fs::write(dir.join("page.md"), page).unwrap();
    let (written, _) = write_until_stable(&dir, "page.md");
    let content = &contents(&written)[0];
    let structure: Vec<&str> = content
        .lines()
        .filter(|line| line.starts_with('<') || line.starts_with("**"))
        .collect();
    assert_eq!(
        structure,
        [
            "<hfoptions id=\"language\">",
            "<hfoption id=\"cURL\">",
            "**cURL**",
            "</hfoption>",
            "<hfoption id=\"python\">",
            "**InferenceClient**",
            "**requests**",
            "**httpx**",
            "**httpx-async**",
            "</hfoption>",
            "<hfoption id=\"JavaScript\">",
            "**huggingface.js**",
            "**fetch**",
            "</hfoption>",
            "<hfoption id=\"rust\">",
            "**reqwest**",
            "</hfoption>",
            "<hfoption id=\"go\">",
            "**go-net-http**",
            "</hfoption>",
            "<hfoption id=\"java\">",
            "**java-net-http**",
            "</hfoption>",
            "<hfoption id=\"php\">",
            "**guzzle**",
            // The first line of the PHP snippet, in its fence.
            "<?php",
            "</hfoption>",
            "<hfoption id=\"ruby\">",
            "**ruby-net-http**",
            "</hfoption>",
            "</hfoptions>",
        ]
    );
    assert_blank_lines_around(content);
    // Labels rename the tabs of layout=hfoptions too; two tabs with one id are an error.
    let page = page
        .replace(
            "layout=languages",
            "layout=hfoptions clients=requests,fetch",
        )
        .replace(
            "curl:cURL,huggingface_hub:InferenceClient,js:JavaScript",
            "requests:Python,fetch:Python",
        );
    fs::write(dir.join("page.md"), page).unwrap();
    let run = snippet(&dir, &["docs", "check", "page.md"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(
        run.stderr,
        "snippet: page.md:5:1: two tabs of the region would have the id \"Python\"; give each client or language its own label in labels=\n"
    );
}

/// The two openai clients share a name: a default region gives each its own tab
/// (its id), and `clients=openai` / `labels=openai:...` name both.
#[test]
fn openai_clients_of_both_languages_in_a_region() {
    let dir = scratch("docs-openai");
    let page = "```sh\ncurl https://router.huggingface.co/v1/chat/completions -H 'Authorization: Bearer hf_***' -H 'Content-Type: application/json' -d '{\"model\": \"tgi\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}'\n```\n\n<!-- snippet from=curl task=chat-completion -->\n<!-- /snippet -->\n";
    fs::write(dir.join("page.md"), page).unwrap();
    let (written, _) = write_until_stable(&dir, "page.md");
    let request = curl_request(&first_fence_code(page)).task(Task::ChatCompletion);
    assert_rendered(
        &shown(&contents(&written)[0]),
        &[
            ("curl", Client::Curl),
            ("huggingface_hub", Client::HuggingfaceHub),
            ("openai-python", Client::OpenaiPython),
            ("requests", Client::Requests),
            ("httpx", Client::Httpx),
            ("httpx-async", Client::HttpxAsync),
            ("huggingface.js", Client::HuggingfaceJs),
            ("openai-js", Client::OpenaiJs),
            ("fetch", Client::Fetch),
            ("reqwest", Client::Reqwest),
            ("go-net-http", Client::GoNetHttp),
            ("java-net-http", Client::JavaNetHttp),
            ("guzzle", Client::Guzzle),
            ("ruby-net-http", Client::RubyNetHttp),
        ],
        &request,
    );
    let page = page.replace(
        "task=chat-completion",
        "layout=languages clients=openai,curl labels=\"openai:OpenAI\"",
    );
    fs::write(dir.join("page.md"), page).unwrap();
    let (written, _) = write_until_stable(&dir, "page.md");
    assert_rendered(
        &shown(&contents(&written)[0]),
        &[
            ("OpenAI", Client::OpenaiPython),
            ("OpenAI", Client::OpenaiJs),
            ("curl", Client::Curl),
        ],
        &request,
    );
}

#[test]
fn layout_without_a_child_for_a_client_is_a_located_error() {
    let dir = scratch("docs-inferencesnippet-rust");
    let page = "Intro\n\n```sh\ncurl https://xyz.endpoints.huggingface.cloud/m -d x=1\n```\n\n<!-- snippet from=curl layout=inferencesnippet clients=requests,reqwest -->\n<!-- /snippet -->\n";
    fs::write(dir.join("page.md"), page).unwrap();
    for action in ["check", "write"] {
        let run = snippet(&dir, &["docs", action, "page.md"]);
        assert_eq!(run.code, 2, "{action}: {run:?}");
        assert!(
            run.stderr
                .contains("page.md:7:1: layout=inferencesnippet has no child for Rust"),
            "{action}: {run:?}"
        );
        assert_eq!(fs::read_to_string(dir.join("page.md")).unwrap(), page);
    }
}

#[test]
fn fences_from_a_request_file_next_to_the_page() {
    let dir = scratch("docs-fences-request");
    let spec = r#"{"url": "https://xyz.endpoints.huggingface.cloud/wav2vec-asr",
 "file": "sample1.flac", "content_type": "audio/x-flac",
 "task": "automatic-speech-recognition", "token": "hf_***"}"#;
    fs::create_dir_all(dir.join("guide/specs")).unwrap();
    fs::write(dir.join("guide/specs/asr.json"), spec).unwrap();
    place(&dir, "fences-request.md", "guide/asr.md");
    // Run from the parent: the path is relative to the page, not to the directory.
    let (written, report) = write_until_stable(&dir, "guide/asr.md");
    assert_eq!(report, "guide/asr.md:5:1: region updated\n");
    let content = &contents(&written)[0];
    assert_blank_lines_around(content);
    let labels: Vec<&str> = content
        .lines()
        .filter(|line| line.starts_with("**"))
        .collect();
    assert_eq!(
        labels,
        ["**curl**", "**requests**", "**fetch**", "**reqwest**"]
    );
    let request = parse_spec(spec, "spec").unwrap();
    assert_rendered(
        &shown(content),
        &[
            ("curl", Client::Curl),
            ("requests", Client::Requests),
            ("fetch", Client::Fetch),
            ("reqwest", Client::Reqwest),
        ],
        &request,
    );
}

#[test]
fn missing_request_file_is_a_located_error() {
    let dir = scratch("docs-request-missing");
    place(&dir, "fences-request.md", "page.md");
    let run = snippet(&dir, &["docs", "check", "page.md"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("page.md:5:1: cannot read"), "{run:?}");
    assert_eq!(run.stdout, "");
}

#[test]
fn drift_is_a_diff_per_region_and_write_reports_each_region() {
    let dir = scratch("docs-drift");
    let path = place(&dir, "outdated.md", "outdated.md");
    let (mtime, bytes) = settle(&path);
    let check = snippet(&dir, &["docs", "check", "outdated.md"]);
    assert_eq!(check.code, 1, "{check:?}");
    let headers: Vec<&str> = check
        .stdout
        .lines()
        .filter(|line| line.ends_with("region is out of date"))
        .collect();
    assert_eq!(
        headers,
        [
            "outdated.md:19:1: region is out of date",
            "outdated.md:37:1: region is out of date"
        ]
    );
    assert!(
        check
            .stdout
            .contains("--- outdated.md:19 (in the file)\n+++ generated\n")
    );
    assert!(
        check
            .stdout
            .contains("--- outdated.md:37 (in the file)\n+++ generated\n")
    );
    assert!(
        check
            .stdout
            .contains("\n-print(\"written by hand, long ago\")\n")
    );
    assert!(check.stdout.contains("\n+<hfoption id=\"fetch\">\n"));
    assert_eq!(fs::read(&path).unwrap(), bytes, "check writes nothing");
    assert_eq!(modified(&path), mtime);

    let write = snippet(&dir, &["docs", "write", "outdated.md"]);
    assert_eq!(write.code, 0, "{write:?}");
    let written = fs::read_to_string(&path).unwrap();
    // Each region is named where its marker stands in the written file.
    let lines: Vec<usize> = docs::scan(&written, "outdated.md")
        .unwrap()
        .iter()
        .map(|region| region.at.line)
        .collect();
    assert_eq!(lines[0], 19);
    assert!(lines[1] > 37, "the first region grew: {lines:?}");
    assert_eq!(
        write.stdout,
        format!(
            "outdated.md:19:1: region updated\noutdated.md:{}:1: region updated\n",
            lines[1]
        )
    );
    assert_eq!(outside(&written), outside(&fixture("outdated.md")));
    let regions = contents(&written);
    assert!(!regions[0].contains("long ago"));
    assert_eq!(
        shown(&regions[1])
            .iter()
            .map(|s| s.label.as_str())
            .collect::<Vec<_>>(),
        ["fetch", "curl"]
    );
    assert!(regions[1].starts_with("\n<hfoptions id=\"generate\">\n"));

    // Only one region drifted: only that one is reported, the other is kept byte for byte.
    let stale = written.replace("    method: \"POST\",\n", "    method: \"PUT\",\n");
    assert_ne!(stale, written);
    fs::write(&path, &stale).unwrap();
    let write = snippet(&dir, &["docs", "write", "outdated.md"]);
    assert_eq!(
        write.stdout,
        format!("outdated.md:{}:1: region updated\n", lines[1])
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), written);
    let second = snippet(&dir, &["docs", "write", "outdated.md"]);
    assert_eq!((second.code, second.stdout.as_str()), (0, ""));
}

#[test]
fn crlf_pages_keep_their_line_endings() {
    for name in [
        "hfoptions-from-curl.md",
        "inferencesnippet-from-spec.md",
        "outdated.md",
    ] {
        let dir = scratch(&format!("docs-crlf-{name}"));
        let lf = fixture(name);
        let crlf = lf.replace('\n', "\r\n");
        fs::write(dir.join("lf.md"), &lf).unwrap();
        fs::write(dir.join("crlf.md"), &crlf).unwrap();
        let (written_lf, _) = write_until_stable(&dir, "lf.md");
        let (written, report) = write_until_stable(&dir, "crlf.md");
        assert!(report.starts_with("crlf.md:"), "{name}: {report}");
        assert_eq!(
            written.matches('\n').count(),
            written.matches("\r\n").count(),
            "{name}: a bare LF in the written CRLF page"
        );
        assert_eq!(outside(&written), outside(&crlf), "{name}");
        assert_eq!(written, written_lf.replace('\n', "\r\n"), "{name}");
    }
}

#[test]
fn markers_in_code_and_paragraphs_are_text() {
    let dir = scratch("docs-not-markers");
    let path = place(&dir, "not-markers.md", "page.md");
    let text = fixture("not-markers.md");
    assert_eq!(docs::scan(&text, "page.md").unwrap().len(), 0);
    let (mtime, bytes) = settle(&path);
    for action in ["check", "write"] {
        let run = snippet(&dir, &["docs", action, "page.md"]);
        assert_eq!(
            (run.code, run.stdout.as_str()),
            (0, ""),
            "{action}: {run:?}"
        );
        assert_eq!(fs::read(&path).unwrap(), bytes, "{action}");
        assert_eq!(modified(&path), mtime);
    }
}

/// A one-line curl block and the blank line after it, for a marker to follow.
const BLOCK: &str = "```sh\ncurl https://xyz.endpoints.huggingface.cloud/m -d x=1\n```\n\n";

#[test]
fn malformed_pages_are_located_errors() {
    let cases: &[(&str, String, (usize, usize), &str)] = &[
        (
            "begin without end",
            format!("# T\n\n{BLOCK}<!-- snippet from=curl -->\n\ntext\n"),
            (7, 1),
            "region never ends; add <!-- /snippet -->",
        ),
        (
            "end without begin",
            "# T\n\ntext\n\n<!-- /snippet -->\n".into(),
            (5, 1),
            "<!-- /snippet --> without a region to end",
        ),
        (
            "nested begin",
            format!("{BLOCK}<!-- snippet from=curl -->\n\n{BLOCK}<!-- snippet from=curl -->\n<!-- /snippet -->\n"),
            (11, 1),
            "a region begins inside the region of line 5",
        ),
        (
            "unknown key",
            format!("{BLOCK}<!-- snippet form=curl -->\n<!-- /snippet -->\n"),
            (5, 1),
            "unknown marker key \"form\"; did you mean from=?",
        ),
        (
            "unknown key, far from any",
            format!("{BLOCK}<!-- snippet from=curl colour=red -->\n<!-- /snippet -->\n"),
            (5, 1),
            "unknown marker key \"colour\"; known keys: from, request, layout, clients, id, task, token",
        ),
        (
            "missing source",
            format!("{BLOCK}<!-- snippet layout=fences -->\n<!-- /snippet -->\n"),
            (5, 1),
            "the marker needs a source: from=curl, from=spec or request=PATH",
        ),
        (
            "two sources",
            format!("{BLOCK}<!-- snippet from=curl request=a.json -->\n<!-- /snippet -->\n"),
            (5, 1),
            "give from= or request=, not both",
        ),
        (
            "unknown layout",
            format!("{BLOCK}<!-- snippet from=curl layout=tabs -->\n<!-- /snippet -->\n"),
            (5, 1),
            "unknown layout \"tabs\"",
        ),
        (
            "unknown client",
            format!("{BLOCK}<!-- snippet from=curl clients=curl,cobol -->\n<!-- /snippet -->\n"),
            (5, 1),
            "unknown client \"cobol\"",
        ),
        (
            "not key=value",
            format!("{BLOCK}<!-- snippet from=curl hfoptions -->\n<!-- /snippet -->\n"),
            (5, 1),
            "\"hfoptions\" is not key=value",
        ),
        (
            "from=curl without a block",
            "# T\n\ntext\n\n<!-- snippet from=curl -->\n<!-- /snippet -->\n".into(),
            (5, 1),
            "from=curl needs the fenced curl block right before the marker",
        ),
        (
            "from=curl with prose between",
            format!("{BLOCK}Prose.\n\n<!-- snippet from=curl -->\n<!-- /snippet -->\n"),
            (7, 1),
            "from=curl needs the fenced curl block right before the marker",
        ),
        (
            "from=spec after a sh block",
            format!("{BLOCK}<!-- snippet from=spec -->\n<!-- /snippet -->\n"),
            (5, 1),
            "from=spec needs a ```json block before the marker, not ```sh",
        ),
        (
            "a curl block that does not parse",
            "```sh\ncurl https://x.cloud/m --dat x\n```\n\n<!-- snippet from=curl -->\n<!-- /snippet -->\n".into(),
            (2, 24),
            "unknown option --dat (in the curl block of the region at line 5); did you mean --data?",
        ),
        (
            "a spec block with an unknown key",
            "```json\n{\"url\": \"https://x.cloud\",\n \"jsn\": {}}\n```\n\n<!-- snippet from=spec -->\n<!-- /snippet -->\n".into(),
            (3, 2),
            "unknown key \"jsn\" (in the spec block of the region at line 6); did you mean \"json\"?",
        ),
        (
            "in a list, indented",
            "# T\n\n- item\n\n  ```sh\n  curl https://x.cloud/m -d x=1\n  ```\n\n  <!-- snippet from=curl -->\n  <!-- /snippet -->\n".into(),
            (9, 3),
            "snippet markers must stand at the top level, not in a list or quote",
        ),
        (
            "in a blockquote",
            "# T\n\n> ```sh\n> curl https://x.cloud/m -d x=1\n> ```\n>\n> <!-- snippet from=curl -->\n> <!-- /snippet -->\n".into(),
            (7, 3),
            "snippet markers must stand at the top level, not in a list or quote",
        ),
    ];
    assert_located_errors("docs-malformed", cases);
}

/// A marker that is a list item's first line is in a list all the same.
#[test]
fn markers_as_list_items_are_located_errors() {
    let cases: &[(&str, String, (usize, usize), &str)] = &[
        (
            "as a list item",
            format!("# T\n\n{BLOCK}- <!-- snippet from=curl -->\n- <!-- /snippet -->\n"),
            (7, 3),
            "snippet markers must stand at the top level, not in a list or quote",
        ),
        (
            "as a numbered list item, end at the top level",
            format!("# T\n\n{BLOCK}1. <!-- snippet from=curl -->\n\n<!-- /snippet -->\n"),
            (7, 4),
            "snippet markers must stand at the top level, not in a list or quote",
        ),
        (
            "as a list item in a quote",
            format!("# T\n\n{BLOCK}> - <!-- snippet from=curl -->\n> - <!-- /snippet -->\n"),
            (7, 5),
            "snippet markers must stand at the top level, not in a list or quote",
        ),
    ];
    assert_located_errors("docs-list-items", cases);
}

/// Each page of `cases` is an error `page.md:LINE:COLUMN: MESSAGE` for the library and for
/// `check` and `write` (exit 2, nothing on stdout, the file untouched).
fn assert_located_errors(scratch_name: &str, cases: &[(&str, String, (usize, usize), &str)]) {
    let dir = scratch(scratch_name);
    let mut failures = Vec::new();
    for (what, text, (line, column), message) in cases {
        let expected = format!("page.md:{line}:{column}: {message}");
        match docs::scan(text, "page.md").and_then(|_| docs::update(text, "page.md", &dir)) {
            Err(err) if err.to_string().starts_with(&expected) => {}
            other => failures.push(format!(
                "{what}: library: expected {expected:?}, got {other:?}\n{text}"
            )),
        }
        let path = dir.join("page.md");
        fs::write(&path, text).expect("writable scratch file");
        let (mtime, bytes) = settle(&path);
        for action in ["check", "write"] {
            let run = snippet(&dir, &["docs", action, "page.md"]);
            let ok = run.code == 2
                && run.stdout.is_empty()
                && run.stderr.contains(&format!("snippet: {expected}"))
                && fs::read(&path).expect("readable page") == bytes
                && modified(&path) == mtime;
            if !ok {
                failures.push(format!(
                    "{what}: {action}: expected exit 2 and {expected:?}, file untouched; got {run:?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Pages at the edges of the syntax: each has one region, written once and then stable.
#[test]
fn edge_cases_write_once_and_stay_stable() {
    let pages = [
        (
            "no newline at the end of the file",
            format!("{BLOCK}<!-- snippet from=curl clients=curl -->\n<!-- /snippet -->"),
        ),
        (
            "a tilde fence",
            "~~~bash\ncurl https://x.cloud/m -d x=1\n~~~\n\n<!-- snippet from=curl clients=curl -->\n<!-- /snippet -->\n".into(),
        ),
        (
            "a four-backtick fence with a longer info string",
            "````sh title=\"run it\"\ncurl https://x.cloud/m -d x=1\n````\n\n<!-- snippet from=curl clients=curl -->\n<!-- /snippet -->\n".into(),
        ),
        (
            "spacing inside the markers, indented by three spaces",
            format!("{BLOCK}   <!--   snippet   from=curl   clients=curl   -->\n<!--/snippet-->\n"),
        ),
        (
            "several blank lines between the block and the marker",
            format!("{BLOCK}\n\n\n<!-- snippet from=curl clients=curl -->\n<!-- /snippet -->\n"),
        ),
        (
            "stale text, a heading and a table inside the region",
            format!("{BLOCK}<!-- snippet from=curl clients=curl -->\n## Old\n\n| a | b |\n|---|---|\n| 1 | 2 |\n<!-- /snippet -->\nafter\n"),
        ),
        (
            "a code block in the region holding a fake end marker",
            format!("{BLOCK}<!-- snippet from=curl clients=curl -->\n```md\n<!-- /snippet -->\n```\n<!-- /snippet -->\n"),
        ),
        (
            "unicode around the region",
            format!("é ✓ 日本\n\n{BLOCK}<!-- snippet from=curl clients=curl -->\n<!-- /snippet -->\n🚀 fin\n"),
        ),
    ];
    for (what, page) in pages {
        let regions = docs::scan(&page, "page.md").unwrap_or_else(|err| panic!("{what}: {err}"));
        assert_eq!(regions.len(), 1, "{what}");
        let updated = docs::update(&page, "page.md", Path::new("."))
            .unwrap_or_else(|err| panic!("{what}: {err}"));
        assert_eq!(updated.drifts.len(), 1, "{what}");
        assert_eq!(outside(&updated.text), outside(&page), "{what}");
        let content = &contents(&updated.text)[0];
        assert!(content.contains("curl 'https://x"), "{what}:\n{content}");
        assert_blank_lines_around(content);
        let again = docs::update(&updated.text, "page.md", Path::new(".")).unwrap();
        assert!(again.drifts.is_empty(), "{what}: {:?}", again.drifts);
        assert_eq!(again.text, updated.text, "{what}");
    }
}

#[test]
fn marker_keys_task_token_and_quoted_id() {
    let block = "```sh\ncurl https://xyz.endpoints.huggingface.cloud/m -H 'Content-Type: application/json' -d '{\"inputs\": \"hi\"}'\n```\n\n";
    let page = format!(
        "{block}<!-- snippet from=curl clients=huggingface_hub,requests task=text-classification token=$MY_TOKEN id=\"two tabs\" -->\n<!-- /snippet -->\n"
    );
    let updated = docs::update(&page, "page.md", Path::new(".")).unwrap();
    assert_eq!(updated.drifts.len(), 1);
    assert_eq!(updated.drifts[0].at.line, 5);
    let content = &contents(&updated.text)[0];
    assert!(
        content.starts_with("\n<hfoptions id=\"two tabs\">\n"),
        "{content}"
    );
    assert!(content.contains("client.text_classification("), "{content}");
    assert!(
        content.contains("MY_TOKEN") && !content.contains("HF_TOKEN"),
        "{content}"
    );
    assert!(
        docs::check(&updated.text, "page.md", Path::new("."))
            .unwrap()
            .is_empty()
    );
    // Without clients=, every client that can send the request, in the usual order.
    let page =
        format!("{block}<!-- snippet from=curl task=text-classification -->\n<!-- /snippet -->\n");
    let updated = docs::update(&page, "page.md", Path::new(".")).unwrap();
    let labels: Vec<String> = shown(&contents(&updated.text)[0])
        .into_iter()
        .map(|s| s.label)
        .collect();
    let expected: Vec<String> = inference_snippets::render_all(&{
        let mut request = curl_request(&first_fence_code(block));
        request.task = Some(Task::TextClassification);
        request
    })
    .unwrap()
    .into_iter()
    .map(|s| s.client.to_string())
    .collect();
    assert_eq!(labels, expected);
}

#[test]
fn exit_codes() {
    let dir = scratch("docs-exit-codes");
    place(&dir, "hfoptions-from-curl.md", "drift.md");
    place(&dir, "not-markers.md", "none.md");
    place(&dir, "lint.md", "lint.md");
    fs::write(dir.join("bad.md"), "<!-- /snippet -->\n").unwrap();
    fs::write(dir.join("binary.md"), b"\xff\xfe not utf-8").unwrap();
    fs::write(
        dir.join("warning.md"),
        "```sh\ncurl -k https://x.cloud\n```\n",
    )
    .unwrap();
    fs::write(dir.join("note.md"), "```sh\n$ curl https://x.cloud\n```\n").unwrap();
    let cases: &[(&[&str], i32)] = &[
        (&["check", "none.md"], 0),
        (&["check", "drift.md"], 1),
        (&["check", "none.md", "drift.md"], 1),
        (&["check", "bad.md"], 2),
        (&["check", "drift.md", "bad.md"], 2),
        (&["check", "binary.md"], 2),
        (&["check", "missing.md"], 2),
        (&["lint", "none.md"], 0),
        // Only errors fail a lint; warnings too under --strict; notes never.
        (&["lint", "warning.md"], 0),
        (&["lint", "--strict", "warning.md"], 1),
        (&["lint", "--strict", "note.md"], 0),
        (&["lint", "--notes", "note.md"], 0),
        (&["lint", "lint.md"], 1),
        (&["lint", "binary.md"], 2),
        (&["lint", "missing.md"], 2),
        (&["write", "bad.md"], 2),
        (&["write", "none.md"], 0),
        (&["write", "drift.md"], 0),
        (&["write", "drift.md"], 0),
        (&["check", "drift.md"], 0),
    ];
    for (args, code) in cases {
        let mut full = vec!["docs"];
        full.extend_from_slice(args);
        let run = snippet(&dir, &full);
        assert_eq!(run.code, *code, "{args:?}: {run:?}");
        if *code == 2 {
            assert!(run.stderr.starts_with("snippet: "), "{args:?}: {run:?}");
        }
    }
    // Usage errors exit 2 as well.
    assert_eq!(snippet(&dir, &["docs", "check", "--bogus"]).code, 2);
    assert_eq!(snippet(&dir, &["docs", "fix", "none.md"]).code, 2);
}

#[test]
fn check_never_writes() {
    let dir = scratch("docs-check-readonly");
    let names = [
        ("hfoptions-from-curl.md", "drift.md"),
        ("outdated.md", "outdated.md"),
        ("not-markers.md", "none.md"),
        ("lint.md", "lint.md"),
    ];
    let mut before = Vec::new();
    for (fixture_name, name) in names {
        let path = place(&dir, fixture_name, name);
        before.push((path.clone(), settle(&path)));
    }
    fs::write(dir.join("bad.md"), "<!-- snippet from=curl -->\n").unwrap();
    let listing = |dir: &Path| {
        let mut names: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        names
    };
    let files = listing(&dir);
    for args in [
        vec!["docs", "check", "."],
        vec!["docs", "check", "drift.md", "outdated.md"],
        vec!["docs", "lint", "."],
    ] {
        let run = snippet(&dir, &args);
        assert_ne!(run.code, 0, "{args:?}");
        for (path, (mtime, bytes)) in &before {
            assert_eq!(
                &fs::read(path).unwrap(),
                bytes,
                "{args:?} {}",
                path.display()
            );
            assert_eq!(&modified(path), mtime);
        }
        assert_eq!(listing(&dir), files, "{args:?} left a file behind");
    }
}

#[test]
fn write_is_atomic_and_keeps_permissions() {
    let dir = scratch("docs-atomic");
    let path = place(&dir, "outdated.md", "page.md");
    #[cfg(unix)]
    let inode = {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        fs::metadata(&path).unwrap().ino()
    };
    let run = snippet(&dir, &["docs", "write", "page.md"]);
    assert_eq!(run.code, 0, "{run:?}");
    let entries: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(entries, ["page.md"], "no temporary file is left");
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let metadata = fs::metadata(&path).unwrap();
        assert_ne!(metadata.ino(), inode, "a new file renamed over the old one");
        assert_eq!(metadata.permissions().mode() & 0o777, 0o640);
    }
}

#[test]
fn directories_are_walked_for_md_and_mdx_only() {
    let dir = scratch("docs-walk");
    let drifted = [
        "docs/a.md",
        "docs/b.mdx",
        "docs/nested/deeper/c.md",
        "docs/.hidden/d.md",
    ];
    let ignored = [
        "docs/notes.txt",
        "docs/page.markdown",
        "docs/md",
        "docs/nested/e.md.bak",
        "docs/nested/f.rst",
    ];
    for name in drifted.iter().chain(&ignored) {
        place(&dir, "hfoptions-from-curl.md", name);
    }
    let check = snippet(&dir, &["docs", "check", "docs"]);
    assert_eq!(check.code, 1, "{check:?}");
    let reported = |stdout: &str, suffix: &str| -> Vec<String> {
        let mut files: Vec<String> = stdout
            .lines()
            .filter_map(|line| line.strip_suffix(suffix))
            .map(str::to_owned)
            .collect();
        files.sort();
        files
    };
    let mut expected: Vec<String> = drifted.iter().map(|name| format!("{name}:12:1")).collect();
    expected.sort();
    assert_eq!(reported(&check.stdout, ": region is out of date"), expected);
    let write = snippet(&dir, &["docs", "write", "docs"]);
    assert_eq!(write.code, 0, "{write:?}");
    assert_eq!(reported(&write.stdout, ": region updated"), expected);
    for name in ignored {
        assert_eq!(
            fs::read_to_string(dir.join(name)).unwrap(),
            fixture("hfoptions-from-curl.md"),
            "{name} is not walked"
        );
    }
    for name in drifted {
        assert_ne!(
            fs::read_to_string(dir.join(name)).unwrap(),
            fixture("hfoptions-from-curl.md"),
            "{name} is written"
        );
    }
    let check = snippet(&dir, &["docs", "check", "docs"]);
    assert_eq!((check.code, check.stdout.as_str()), (0, ""));
}

#[test]
fn lint_reports_each_problem_with_its_place() {
    let dir = scratch("docs-lint");
    place(&dir, "lint.md", "lint.md");
    let run = snippet(&dir, &["docs", "lint", "--notes", "lint.md"]);
    assert_eq!(run.code, 1, "{run:?}");
    let form = "the body looks like JSON, and without a Content-Type curl sends it as form data (application/x-www-form-urlencoded); add -H 'Content-Type: application/json' or use --json";
    let expected = [
        "lint.md:15:3: error[unknown-option]: unknown option --dat; did you mean --data?".to_owned(),
        "lint.md:22:29: error[published-token]: a real-looking token (hf_aBcD...) is in the page; use $HF_TOKEN".into(),
        format!("lint.md:23:3: warning[json-sent-as-form]: {form}"),
        format!("lint.md:30:3: warning[json-sent-as-form]: {form}"),
        "lint.md:30:24: error[dangling-continuation]: backslash at the end of the command continues it onto a line that is not there: pasted, the shell waits for more; remove the last backslash".into(),
        "lint.md:36:6: warning[insecure]: -k (--insecure) turns off TLS certificate checks for everyone who copies the command; remove it unless the page is about a self-signed server".into(),
        format!("lint.md:36:41: warning[json-sent-as-form]: {form}"),
        "lint.md:42:67: error[unterminated]: unterminated single quote opened at line 42, column 51".into(),
        "lint.md:52:10: error[published-token]: a real-looking token (hf_aBcD...) is in the page; use $HF_TOKEN".into(),
        "lint.md:60:51: error[unknown-option]: unknown option --hedaer; did you mean --header?".into(),
        "lint.md:72:48: note[unsupported-option]: --retry: the snippets send the request once, without retrying".into(),
        format!("lint.md:80:48: warning[json-sent-as-form]: {form}"),
        "lint.md:80:63: error[published-token]: a real-looking token (hf_ZyXw...) is in the page; use $HF_TOKEN".into(),
        "lint.md:86:59: warning[literal-variable]: $API_KEY inside single quotes is sent literally; use double quotes to read the variable".into(),
        "lint.md:86:69: warning[get-with-body]: -X GET sends the body with a GET, which servers often ignore; drop -X GET to send it with POST, or use -G to put the data in the query".into(),
        "7 errors, 7 warnings, 1 note in 1 file".into(),
    ];
    assert_eq!(run.stdout, expected.join("\n") + "\n");
    // Without --notes, the note is counted but not shown.
    let run = snippet(&dir, &["docs", "lint", "lint.md"]);
    assert!(!run.stdout.contains("note["), "{run:?}");
    assert!(
        run.stdout
            .ends_with("7 errors, 7 warnings, 1 note in 1 file (--notes shows the notes)\n"),
        "{run:?}"
    );
    let run = snippet(&dir, &["docs", "lint", "--notes", "lint.md"]);
    let lines: Vec<usize> = run
        .stdout
        .lines()
        .filter(|line| line.starts_with("lint.md:"))
        .map(|line| line.split(':').nth(1).unwrap().parse().unwrap())
        .collect();
    // Nothing about the clean blocks or the 29-character hf_ word.
    for clean in [6, 7, 8, 48, 66] {
        assert!(!lines.contains(&clean), "line {clean}:\n{}", run.stdout);
    }
    // The token is never printed whole.
    for token in [
        "hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
        "hf_ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210",
    ] {
        assert!(!run.stdout.contains(token), "{}", run.stdout);
    }
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(lines, sorted, "findings in page order");

    // The library agrees with the command.
    let findings = docs::lint(&fixture("lint.md"), "lint.md");
    assert_eq!(findings.len(), run.stdout.lines().count() - 1);
}

/// doc-builder reads a fence right after `<curl>` as a code block (CommonMark keeps
/// it in the HTML block); the Hugging Face pages are written that way, and lint
/// must parse every fenced curl command a reader sees.
#[test]
fn lint_sees_fences_glued_to_html_tags() {
    let dir = scratch("docs-lint-legacy");
    place(&dir, "legacy-inferencesnippet.md", "legacy.md");
    let run = snippet(&dir, &["docs", "lint", "legacy.md"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stdout,
        "legacy.md:11:3: error[unknown-option]: unknown option --dat; did you mean --data?\n\
         1 error, 0 warnings, 0 notes in 1 file\n"
    );
}

// ---- The Hugging Face docs corpus ----

/// The pages of the corpus, from its index; `None` when the corpus is absent.
fn corpus() -> Option<Vec<PathBuf>> {
    let dir = root().join("../shared/corpus/hf-docs/markdown");
    let Ok(index) = fs::read_to_string(dir.join("index.tsv")) else {
        println!("corpus absent: {}, skipping", dir.display());
        return None;
    };
    let pages: Vec<PathBuf> = index
        .lines()
        .skip(1)
        .filter_map(|line| line.split('\t').next())
        .filter(|name| !name.is_empty())
        .map(|name| dir.join(name))
        .collect();
    for page in &pages {
        assert!(page.is_file(), "{} is in the index", page.display());
    }
    Some(pages)
}

/// The code of every fenced block read line by line, as doc-builder reads them (a
/// fence right after an HTML tag counts, CommonMark keeps it in the HTML block).
fn fenced_blocks_by_lines(text: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, String)> = None;
    for line in text.lines() {
        let trimmed = line.trim();
        match &mut open {
            Some((fence, code)) => {
                if trimmed.starts_with(fence.as_str())
                    && trimmed.trim_matches(['`', '~']).is_empty()
                {
                    blocks.push(std::mem::take(code));
                    open = None;
                } else {
                    code.push_str(line);
                    code.push('\n');
                }
            }
            None if trimmed.starts_with("```") || trimmed.starts_with("~~~") => {
                let fence: String = trimmed
                    .chars()
                    .take_while(|&c| c == trimmed.as_bytes()[0] as char)
                    .collect();
                open = Some((fence, String::new()));
            }
            None => {}
        }
    }
    blocks
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn corpus_pages_check_clean_and_stay_identical() {
    let Some(pages) = corpus() else { return };
    let dir = scratch("docs-corpus-check");
    for page in &pages {
        let name = file_name(page);
        let bytes = fs::read(page).unwrap();
        fs::write(dir.join(&name), &bytes).unwrap();
        let run = snippet(&dir, &["docs", "check", &name]);
        assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{name}: {run:?}");
        assert_eq!(fs::read(dir.join(&name)).unwrap(), bytes, "{name}");
    }
    // The whole directory at once as well.
    let run = snippet(&dir, &["docs", "check", "."]);
    assert_eq!(run.code, 0, "{run:?}");
    println!(
        "docs check: {} corpus pages, all up to date and untouched",
        pages.len()
    );
}

/// Whether a block's code runs an inference request: a line starting with curl
/// (after an optional `$ ` prompt) and a URL of an inference server.
fn is_inference_curl(code: &str) -> bool {
    const HOSTS: [&str; 5] = [
        "huggingface.cloud",
        "router.huggingface.co",
        "api-inference",
        "localhost",
        "127.0.0.1",
    ];
    let runs_curl = code.lines().any(|line| {
        let line = line.trim_start();
        let line = line.strip_prefix("$ ").unwrap_or(line);
        line.starts_with("curl ") || line.starts_with("curl.exe ")
    });
    runs_curl && HOSTS.iter().any(|host| code.contains(host))
}

/// The offset just after the closing fence line of the first top-level fenced block
/// that holds an inference curl command.
fn after_first_inference_block(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut block: Option<String> = None;
    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) if depth == 0 => {
                block = Some(String::new());
                depth += 1;
            }
            Event::Start(_) => depth += 1,
            Event::Text(code) => {
                if let Some(block) = &mut block {
                    block.push_str(&code);
                }
            }
            Event::End(_) => {
                depth -= 1;
                if let Some(code) = block.take_if(|_| depth == 0)
                    && is_inference_curl(&code)
                {
                    let end = range.end;
                    return Some(if text[..end].ends_with('\n') {
                        end
                    } else {
                        text[end..].find('\n').map_or(text.len(), |at| end + at + 1)
                    });
                }
            }
            _ => {}
        }
    }
    None
}

/// `page` with an empty region inserted after its first inference curl block.
fn with_empty_region(page: &str) -> Option<(String, usize)> {
    let at = after_first_inference_block(page)?;
    let newline = if page[..at].ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let mut text = page[..at].to_owned();
    if !text.ends_with('\n') {
        text.push_str(newline);
    }
    let line = text.matches('\n').count() + 2;
    text.push_str(&format!(
        "{newline}<!-- snippet from=curl -->{newline}<!-- /snippet -->{newline}"
    ));
    text.push_str(&page[at..]);
    Some((text, line))
}

/// Writes `text` as `name` in `dir` and brings its one region up to date; `Err` with
/// the tool's message when the write fails.
fn write_region(dir: &Path, name: &str, text: &str, line: usize) -> Result<String, String> {
    let path = dir.join(name);
    fs::write(&path, text).expect("writable scratch file");
    let write = snippet(dir, &["docs", "write", name]);
    if write.code != 0 {
        assert_eq!(write.code, 2, "{name}: {write:?}");
        assert_eq!(
            fs::read_to_string(&path).expect("readable page"),
            text,
            "{name} untouched"
        );
        assert!(
            write.stderr.contains(&format!("{name}:{line}: ")),
            "{name}: the error names the region: {write:?}"
        );
        return Err(write.stderr.trim_end().to_owned());
    }
    assert_eq!(
        write.stdout,
        format!("{name}:{line}:1: region updated\n"),
        "{name}"
    );
    let written = fs::read_to_string(&path).expect("readable page");
    assert_eq!(
        outside(&written),
        outside(text),
        "{name}: bytes outside the region"
    );
    let regions = docs::scan(&written, name).expect("the written page scans");
    assert_eq!(regions.len(), 1, "{name}");
    assert_eq!(regions[0].at.line, line, "{name}");
    assert!(
        !written[regions[0].content.clone()].trim().is_empty(),
        "{name}"
    );
    assert_blank_lines_around(&written[regions[0].content.clone()].replace("\r\n", "\n"));
    let check = snippet(dir, &["docs", "check", name]);
    assert_eq!(
        (check.code, check.stdout.as_str()),
        (0, ""),
        "{name}: {check:?}"
    );
    let (mtime, bytes) = settle(&path);
    let again = snippet(dir, &["docs", "write", name]);
    assert_eq!(
        (again.code, again.stdout.as_str()),
        (0, ""),
        "{name}: {again:?}"
    );
    assert_eq!(
        fs::read(&path).expect("readable page"),
        bytes,
        "{name}: second write"
    );
    assert_eq!(modified(&path), mtime);
    Ok(written)
}

#[test]
fn corpus_pages_with_a_region_write_cleanly() {
    let Some(pages) = corpus() else { return };
    let dir = scratch("docs-corpus-write");
    let (mut clean, mut with_block, mut crlf_clean) = (0, 0, 0);
    let mut skipped = Vec::new();
    let mut findings = Vec::new();
    for page in &pages {
        let name = file_name(page);
        let original = fs::read_to_string(page).unwrap();
        let Some((text, line)) = with_empty_region(&original) else {
            let reason = if fenced_blocks_by_lines(&original)
                .iter()
                .any(|code| is_inference_curl(code))
            {
                "its inference curl blocks are not top-level CommonMark fences"
            } else {
                "no inference curl block"
            };
            skipped.push(format!("{name} ({reason})"));
            continue;
        };
        with_block += 1;
        match write_region(&dir, &name, &text, line) {
            Ok(written) => {
                clean += 1;
                // The same page with CRLF line endings writes the same region, in CRLF.
                if !text.contains('\r') {
                    let crlf_name = format!("crlf-{name}");
                    let crlf = text.replace('\n', "\r\n");
                    let written_crlf = write_region(&dir, &crlf_name, &crlf, line)
                        .unwrap_or_else(|err| panic!("{crlf_name}: {err}"));
                    assert_eq!(
                        written_crlf.matches('\n').count(),
                        written_crlf.matches("\r\n").count(),
                        "{crlf_name}: a bare LF"
                    );
                    assert_eq!(written_crlf, written.replace('\n', "\r\n"), "{crlf_name}");
                    crlf_clean += 1;
                }
            }
            Err(message) => findings.push(message),
        }
    }
    println!("docs write over {} corpus pages:", pages.len());
    for message in &findings {
        println!("  write failed: {message}");
    }
    for name in &skipped {
        println!("  skipped: {name}");
    }
    println!(
        "docs write: {clean} of {with_block} pages with an inference curl block got their region written ({} failed, {} skipped); {crlf_clean} CRLF copies written identically",
        findings.len(),
        skipped.len()
    );
    assert!(with_block > 0, "no page with an inference curl block");
    assert!(
        clean * 5 >= with_block * 4,
        "only {clean} of {with_block} pages write cleanly"
    );
}

#[test]
fn request_paths_stay_inside_the_page_folder() {
    for path in ["/etc/passwd", "../secret.json", "a/../../b.json"] {
        let page = format!("<!-- snippet request={path} -->\n<!-- /snippet -->\n");
        let error = inference_snippets::docs::update(&page, "page.md", std::path::Path::new("."))
            .expect_err(path)
            .to_string();
        assert!(
            error.contains("must be a path inside the page's folder"),
            "{path}: {error}"
        );
    }
}

/// A region whose curl block stops the reading: the warnings found before the error
/// are printed first, at the page's lines, as the converter prints them.
#[test]
fn a_region_error_comes_after_the_warnings_found_before_it() {
    let dir = scratch("docs-error-warnings");
    let page = "# T\n\n```sh\ncurl --retry 2 https://x.cloud/m --hedaer a\n```\n\n\
                <!-- snippet from=curl clients=requests -->\n<!-- /snippet -->\n";
    fs::write(dir.join("page.md"), page).expect("write the page");
    let run = snippet(&dir, &["docs", "check", "page.md"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "snippet: warning: page.md:4:6: --retry: the snippets send the request once, without retrying\n\
         snippet: page.md:4:34: unknown option --hedaer (in the curl block of the region at line 7); did you mean --header?\n"
    );
}
