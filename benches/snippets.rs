//! `cargo bench --bench snippets`: rendering, the curl corpus, `docs check`, and
//! `docs lint` over the real pages of `../shared/corpus/real-docs`.
//!
//! Filter with divan's arguments: `cargo bench --bench snippets -- render`.

mod common;

use std::path::Path;
use std::process::Command;
use std::sync::LazyLock;

use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use inference_snippets::{Client, Kind, Request, Task, docs, render, render_all};
use serde_json::json;

fn main() {
    if common::corpus_dir().is_none() {
        eprintln!("../shared/corpus is absent: the corpus bench is skipped");
    }
    divan::main();
}

/// A request every client but the OpenAI SDKs can send: the README's text
/// classification.
fn request() -> Request {
    Request::new("https://xyz.endpoints.huggingface.cloud/distilbert-sentiment")
        .json(json!({"inputs": "Deploying my first endpoint was an amazing experience."}))
        .task(Task::TextClassification)
}

/// What the OpenAI SDKs send: a chat completion on an OpenAI-compatible route.
fn chat_request() -> Request {
    Request::new("https://xyz.endpoints.huggingface.cloud/v1/chat/completions")
        .json(json!({
            "model": "tgi",
            "messages": [{"role": "user", "content": "What is deep learning?"}]
        }))
        .task(Task::ChatCompletion)
}

/// One request rendered for one client: the text classification, or the chat for
/// a client that only speaks OpenAI routes.
#[divan::bench(args = Client::ALL)]
fn render_one(bencher: Bencher, client: Client) {
    let request = match client.kind() {
        Kind::OpenAi => chat_request(),
        _ => request(),
    };
    bencher.bench(|| render(black_box(&request), client).expect("the client sends it"));
}

/// The text classification rendered for every client that can send it.
#[divan::bench]
fn render_every_client(bencher: Bencher) {
    let request = request();
    let senders = Client::ALL
        .iter()
        .filter(|client| client.kind() != Kind::OpenAi)
        .count();
    bencher.bench(|| {
        let snippets = render_all(black_box(&request)).expect("valid request");
        assert_eq!(snippets.len(), senders);
        snippets
    });
}

static CORPUS: LazyLock<Vec<String>> =
    LazyLock::new(|| common::corpus_dir().map_or_else(Vec::new, |dir| common::convertible(&dir)));

/// Parse + render curl → Python `requests` over every corpus command that parses;
/// divan's throughput line is commands per second.
#[divan::bench(ignore = common::corpus_dir().is_none())]
fn corpus_curl_to_python(bencher: Bencher) {
    let commands = &*CORPUS;
    bencher.counter(ItemsCount::new(commands.len())).bench(|| {
        for command in commands {
            black_box(common::curl_to_python(black_box(command)));
        }
    });
}

/// The real pages of `../shared/corpus/real-docs` (five repositories), read once.
static REAL_DOCS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let dir = common::root().join("../shared/corpus/real-docs");
    if !dir.is_dir() {
        return Vec::new();
    }
    common::markdown_files(&dir)
        .into_iter()
        .map(|file| {
            let text = std::fs::read_to_string(&file).expect("readable page");
            (file.display().to_string(), text)
        })
        .collect()
});

/// `docs lint` of the whole real-docs corpus, ten times over in each iteration:
/// the goal is under a second for the ten.
#[divan::bench(sample_count = 10, sample_size = 1, ignore = REAL_DOCS.is_empty())]
fn docs_lint_real_docs_x10(bencher: Bencher) {
    let pages = &*REAL_DOCS;
    bencher
        .counter(ItemsCount::new(pages.len() * 10))
        .bench(|| {
            for _ in 0..10 {
                for (name, text) in pages {
                    black_box(docs::lint(black_box(text), name));
                }
            }
        });
}

const TREES: [usize; 3] = [100, 1_000, 10_000];

/// `docs check` in process, as the CLI does it: find the files, read each, check it.
#[divan::bench(args = TREES, sample_count = 5, sample_size = 1)]
fn docs_check(bencher: Bencher, files: usize) {
    let dir = common::docs_tree(files);
    bencher
        .counter(ItemsCount::new(files))
        .bench(|| check_tree(&dir));
}

fn check_tree(dir: &Path) {
    for file in common::markdown_files(dir) {
        let text = std::fs::read_to_string(&file).expect("readable page");
        let base = file.parent().unwrap_or(dir);
        let drifts =
            docs::check(&text, &file.display().to_string(), base).expect("well-formed page");
        assert!(drifts.is_empty(), "{} drifted", file.display());
    }
}

/// The real binary: `snippet docs check DIR` as a process.
#[divan::bench(args = TREES, sample_count = 5, sample_size = 1)]
fn docs_check_process(bencher: Bencher, files: usize) {
    let dir = common::docs_tree(files);
    bencher.counter(ItemsCount::new(files)).bench(|| {
        let status = Command::new(env!("CARGO_BIN_EXE_snippet"))
            .args(["docs", "check"])
            .arg(&dir)
            .status()
            .expect("snippet runs");
        assert!(status.success(), "snippet docs check {}", dir.display());
    });
}
