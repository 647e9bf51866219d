//! Every input under `fuzz/regressions/<target>/` (minimised fuzzer findings) run
//! through the checks of its fuzz target, so `cargo test` guards them without nightly.
//! The checks are written again here on purpose: only the input files are shared
//! with the fuzz crate.

use std::fs;
use std::path::{Path, PathBuf};

use inference_snippets::{
    Client, CurlOptions, OpenApiOptions, SampleOptions, docs, openapi_samples, parse_curl,
    parse_openapi, parse_spec, render_all,
};

use crate::root;

/// The files of `fuzz/regressions/<target>/`, sorted; none when it does not exist.
fn inputs(target: &str) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(root().join("fuzz/regressions").join(target)) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .map(|entry| entry.expect("readable regressions dir").path())
        .filter(|path| path.is_file())
        .collect();
    paths.sort();
    paths
}

/// Runs `check` on each input of `target` as UTF-8 text (the targets skip other bytes).
fn replay(target: &str, check: fn(&str)) {
    for path in inputs(target) {
        let bytes = fs::read(&path).expect("readable regression input");
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        eprintln!("replaying {}", path.display());
        check(text);
    }
}

fn curl(text: &str) {
    let Ok(parsed) = parse_curl(text, "fuzz", &CurlOptions::default()) else {
        return;
    };
    let Ok(snippets) = render_all(&parsed.request) else {
        return;
    };
    for snippet in snippets.iter().filter(|s| s.client == Client::Curl) {
        if let Err(err) = parse_curl(&snippet.content, "rendered", &CurlOptions::default()) {
            panic!(
                "{err}\n--- input\n{text}\n--- rendered\n{}",
                snippet.content
            );
        }
    }
}

fn spec(text: &str) {
    if let Ok(request) = parse_spec(text, "fuzz") {
        let _ = render_all(&request);
    }
}

fn openapi(text: &str) {
    if let Ok(read) = parse_openapi(text, "fuzz", &OpenApiOptions::default()) {
        for operation in &read.operations {
            let _ = render_all(&operation.request);
        }
    }
    if let Ok(samples) = openapi_samples(text, "fuzz", &SampleOptions::default()) {
        let _ = samples.written();
        let _ = samples.overlay(true);
    }
}

/// The text before, between and after the regions.
fn outside<'a>(text: &'a str, regions: &[docs::Region]) -> Vec<&'a str> {
    let mut pieces = Vec::new();
    let mut copied = 0;
    for region in regions {
        pieces.push(&text[copied..region.content.start]);
        copied = region.content.end;
    }
    pieces.push(&text[copied..]);
    pieces
}

fn docs_page(text: &str) {
    let scanned = docs::scan(text, "fuzz.md");
    let _ = docs::lint(text, "page.md");
    let base_dir = Path::new("/nonexistent-dir");
    let Ok(updated) = docs::update(text, "fuzz.md", base_dir) else {
        return;
    };
    let old_regions = scanned.expect("update succeeded, so scan does");
    let new_regions = docs::scan(&updated.text, "fuzz.md")
        .unwrap_or_else(|err| panic!("{err}\n--- updated\n{}", updated.text));
    assert_eq!(old_regions.len(), new_regions.len(), "{}", updated.text);
    assert_eq!(
        outside(text, &old_regions),
        outside(&updated.text, &new_regions),
        "bytes outside the regions changed"
    );
    let again = docs::update(&updated.text, "fuzz.md", base_dir)
        .unwrap_or_else(|err| panic!("{err}\n--- updated\n{}", updated.text));
    assert!(again.drifts.is_empty(), "{:?}", again.drifts);
    assert_eq!(again.text, updated.text);
}

#[test]
fn curl_regressions() {
    replay("curl", curl);
}

#[test]
fn spec_regressions() {
    replay("spec", spec);
}

#[test]
fn openapi_regressions() {
    replay("openapi", openapi);
}

#[test]
fn docs_regressions() {
    replay("docs", docs_page);
}
