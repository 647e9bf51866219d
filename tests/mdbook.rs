//! `snippet mdbook`, the mdBook preprocessor: the protocol fed by hand (JSON on
//! stdin, the book on stdout), then real books built by a pinned `mdbook`.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use inference_snippets::docs;
use serde_json::{Value, json};

use crate::conformance::run::run;
use crate::examples::{Note, blocks};
use crate::{path_with_snippet, root, run_snippet, scratch, tools};

/// A chapter whose region is empty in the source: the build fills it.
const CURL_PAGE: &str = "# Introduction\n\n```sh\ncurl https://xyz.endpoints.huggingface.cloud/gpt2 \\\n  -H 'Content-Type: application/json' -d '{\"inputs\": \"Hi\"}'\n```\n\n<!-- snippet from=curl layout=fences clients=requests,fetch -->\n<!-- /snippet -->\n";

/// A chapter reading a spec file beside it.
const SPEC_PAGE: &str = "# From a spec\n\n<!-- snippet request=spec.json layout=fences clients=curl -->\n<!-- /snippet -->\n";

const SPEC: &str =
    r#"{"url": "https://xyz.endpoints.huggingface.cloud/from-spec", "json": {"inputs": "x"}}"#;

/// Line 3 names a client that does not exist.
const BROKEN_PAGE: &str =
    "# Broken\n\n<!-- snippet from=curl clients=nope -->\n<!-- /snippet -->\n";

/// An mdBook 0.5 chapter (0.4 has the same keys).
fn chapter(name: &str, path: Option<&str>, content: &str, sub_items: Vec<Value>) -> Value {
    json!({"Chapter": {
        "name": name,
        "content": content,
        "number": [1],
        "sub_items": sub_items,
        "path": path,
        "source_path": path,
        "parent_names": [],
    }})
}

fn context(root: &Path, config: Value) -> Value {
    json!({"root": root, "config": config, "renderer": "html", "mdbook_version": "0.5.4"})
}

/// `snippet mdbook` fed `[context, book]`: (exit code, stdout, stderr).
fn preprocess(context: &Value, book: &Value) -> (i32, String, String) {
    let input = Value::Array(vec![context.clone(), book.clone()]).to_string();
    let output = run_snippet(&["mdbook"], input.as_bytes(), Path::new("."));
    (
        output.status.code().expect("snippet exits with a status"),
        String::from_utf8(output.stdout).expect("utf-8 stdout"),
        String::from_utf8(output.stderr).expect("utf-8 stderr"),
    )
}

/// What `docs write` would put in the page: the text the book must carry.
fn rendered(page: &str, origin: &str, base: &Path) -> String {
    docs::update(page, origin, base)
        .expect("the page renders")
        .text
}

#[test]
fn every_renderer_is_supported() {
    for renderer in ["html", "markdown", "epub"] {
        let output = run_snippet(&["mdbook", "supports", renderer], b"", Path::new("."));
        assert_eq!(output.status.code(), Some(0), "supports {renderer}");
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn chapters_come_back_rendered_and_everything_else_as_it_was() {
    let dir = scratch("mdbook-protocol");
    let src = dir.join("src");
    fs::create_dir_all(src.join("guide")).expect("src/guide");
    fs::write(src.join("guide/spec.json"), SPEC).expect("spec");
    let book = json!({"items": [
        chapter("Introduction", Some("intro.md"), CURL_PAGE, vec![
            chapter("From a spec", Some("guide/spec.md"), SPEC_PAGE, vec![]),
        ]),
        "Separator",
        {"PartTitle": "Reference"},
        chapter("Draft", None, "", vec![]),
        // A shape this tool does not know is not a chapter, whatever it holds.
        {"Appendix": {"content": BROKEN_PAGE}},
    ]});
    let (code, stdout, stderr) = preprocess(&context(&dir, json!({"book": {"title": "t"}})), &book);
    assert_eq!((code, stderr.as_str()), (0, ""), "{stdout}");
    let intro = rendered(CURL_PAGE, "src/intro.md", &src);
    let spec = rendered(SPEC_PAGE, "src/guide/spec.md", &src.join("guide"));
    assert!(intro.contains("import requests") && intro.contains("await fetch("));
    assert!(spec.contains("curl 'https://xyz.endpoints.huggingface.cloud/from-spec'"));
    let mut expected = book;
    expected["items"][0]["Chapter"]["content"] = intro.into();
    expected["items"][0]["Chapter"]["sub_items"][0]["Chapter"]["content"] = spec.into();
    let got: Value = serde_json::from_str(&stdout).expect("stdout is the book as JSON");
    assert_eq!(got, expected);
}

#[test]
fn an_mdbook_0_4_book_with_its_own_src_folder() {
    let dir = scratch("mdbook-protocol-0.4");
    let pages = dir.join("pages");
    fs::create_dir_all(&pages).expect("pages");
    fs::write(pages.join("spec.json"), SPEC).expect("spec");
    let book = json!({
        "sections": [chapter("Spec", Some("spec.md"), SPEC_PAGE, vec![])],
        "__non_exhaustive": null,
    });
    let config = json!({"book": {"src": "pages", "title": "t"}});
    let (code, stdout, stderr) = preprocess(&context(&dir, config), &book);
    assert_eq!((code, stderr.as_str()), (0, ""), "{stdout}");
    let got: Value = serde_json::from_str(&stdout).expect("the book as JSON");
    let mut expected = book;
    expected["sections"][0]["Chapter"]["content"] =
        rendered(SPEC_PAGE, "pages/spec.md", &pages).into();
    assert_eq!(got, expected);
}

#[test]
fn every_broken_chapter_is_named_and_nothing_goes_to_stdout() {
    let dir = scratch("mdbook-protocol-broken");
    let book = json!({"items": [
        chapter("Broken", Some("broken.md"), BROKEN_PAGE, vec![
            chapter("Also", Some("nested/also.md"), "\n<!-- /snippet -->\n", vec![]),
        ]),
        chapter("Fine", Some("intro.md"), CURL_PAGE, vec![]),
    ]});
    let (code, stdout, stderr) = preprocess(&context(&dir, json!({})), &book);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(stdout, "");
    assert!(
        stderr.contains("snippet: src/broken.md:3:1: unknown client \"nope\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("snippet: src/nested/also.md:2:1: <!-- /snippet --> without a region"),
        "{stderr}"
    );
}

#[test]
fn warnings_go_to_stderr_and_the_book_still_builds() {
    let dir = scratch("mdbook-protocol-warning");
    let page = CURL_PAGE.replace("curl https://", "curl --retry 3 https://");
    let book = json!({"items": [chapter("Intro", Some("intro.md"), &page, vec![])]});
    let (code, stdout, stderr) = preprocess(&context(&dir, json!({})), &book);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.starts_with("snippet: warning: src/intro.md:4:6: --retry"),
        "{stderr}"
    );
    let got: Value = serde_json::from_str(&stdout).expect("the book as JSON");
    let content = got["items"][0]["Chapter"]["content"]
        .as_str()
        .expect("content");
    assert!(content.contains("import requests"), "{content}");
}

#[test]
fn input_that_is_not_from_mdbook_is_refused() {
    for input in ["", "{}", "[{}, {}, {}]", "not json"] {
        let output = run_snippet(&["mdbook"], input.as_bytes(), Path::new("."));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{input:?}: {stderr}");
        assert!(output.stdout.is_empty());
        assert!(stderr.starts_with("snippet: <stdin>: "), "{stderr}");
        assert!(stderr.contains("mdBook sends"), "{stderr}");
    }
}

/// The lines docs/ci.md tells a book's `book.toml` to hold (`<!-- example: file
/// book.toml -->`).
fn documented_book_toml() -> String {
    let page = fs::read_to_string(root().join("docs/ci.md")).expect("docs/ci.md");
    blocks(&page)
        .into_iter()
        .find(|block| block.note == Note::File("book.toml".into()))
        .expect("docs/ci.md shows book.toml")
        .text
}

/// A book with the `snippet` preprocessor as docs/ci.md configures it (`mdbook_build`
/// puts the binary under test first on the PATH), and the html and markdown renderers
/// (the markdown one writes the chapters as preprocessed).
fn book(name: &str, pages: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = scratch(name);
    let toml = format!(
        "[book]\ntitle = \"Snippets\"\n\n{}\n[output.html]\n\n[output.markdown]\n",
        documented_book_toml()
    );
    fs::write(dir.join("book.toml"), toml).expect("book.toml");
    for (path, text) in pages {
        let path = dir.join("src").join(path);
        fs::create_dir_all(path.parent().expect("a folder")).expect("src folder");
        fs::write(path, text).expect("page");
    }
    dir
}

/// `mdbook build` in `dir`: (exit code, stderr).
fn mdbook_build(mdbook: &Path, dir: &Path) -> (Option<i32>, String) {
    let timeout = Duration::from_secs(120);
    let outcome = run(
        Command::new(mdbook)
            .arg("build")
            .env("PATH", path_with_snippet())
            .env_remove("HF_TOKEN"),
        dir,
        "mdbook-build",
        timeout,
    );
    assert!(
        !outcome.timed_out,
        "mdbook build: {}",
        outcome.failure(timeout)
    );
    (outcome.code, outcome.stderr)
}

#[test]
fn mdbook_build_renders_the_regions_and_leaves_the_sources_alone() {
    let Some(mdbook) = tools::mdbook() else {
        return;
    };
    let summary = "# Summary\n\n[Introduction](intro.md)\n\n---\n\n# Guide\n\n\
                   - [Guide](guide/index.md)\n  - [From a spec](guide/spec.md)\n";
    let pages = [
        ("SUMMARY.md", summary),
        ("intro.md", CURL_PAGE),
        ("guide/index.md", "# Guide\n"),
        ("guide/spec.md", SPEC_PAGE),
        ("guide/spec.json", SPEC),
    ];
    let dir = book("mdbook-build", &pages);
    let (code, stderr) = mdbook_build(&mdbook, &dir);
    assert_eq!(code, Some(0), "mdbook build: {stderr}");
    assert!(!stderr.contains("snippet:"), "{stderr}");
    for (path, text) in pages {
        let now = fs::read_to_string(dir.join("src").join(path)).expect("source page");
        assert_eq!(now, text, "{path} changed");
    }
    let src = dir.join("src");
    let markdown = |page: &str| {
        fs::read_to_string(dir.join("book/markdown").join(page)).expect("rendered markdown")
    };
    assert_eq!(
        markdown("intro.md"),
        rendered(CURL_PAGE, "src/intro.md", &src)
    );
    assert_eq!(
        markdown("guide/spec.md"),
        rendered(SPEC_PAGE, "src/guide/spec.md", &src.join("guide"))
    );
    let html = fs::read_to_string(dir.join("book/html/intro.html")).expect("intro.html");
    assert!(html.contains("import requests"), "{html}");
    assert!(html.contains("await fetch("), "{html}");
    let html = fs::read_to_string(dir.join("book/html/guide/spec.html")).expect("spec.html");
    assert!(
        html.contains("https://xyz.endpoints.huggingface.cloud/from-spec"),
        "{html}"
    );
}

#[test]
fn mdbook_build_fails_naming_the_page_and_line_of_a_broken_marker() {
    let Some(mdbook) = tools::mdbook() else {
        return;
    };
    let pages = [
        (
            "SUMMARY.md",
            "# Summary\n\n- [Fine](intro.md)\n- [Broken](broken.md)\n",
        ),
        ("intro.md", CURL_PAGE),
        ("broken.md", BROKEN_PAGE),
    ];
    let dir = book("mdbook-build-broken", &pages);
    let (code, stderr) = mdbook_build(&mdbook, &dir);
    assert_ne!(code, Some(0), "mdbook build succeeded: {stderr}");
    assert!(
        stderr.contains("snippet: src/broken.md:3:1: unknown client \"nope\""),
        "{stderr}"
    );
    assert!(!dir.join("book/html/broken.html").exists());
}
