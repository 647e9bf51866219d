//! `snippet openapi`'s output in real tools: its overlay applied by a published
//! Overlay 1.0 implementation (openapi-format) gives the document `--write` writes
//! and validates (@seriousme/openapi-schema-validator); the decorated document
//! rendered by Redoc in Debian's chromium shows every operation's samples, tab by
//! tab; `--check` catches a sample edited by hand.
//!
//! The harness is `tests/openapi/render/` (its `package-lock.json` installed once
//! with `npm ci` into `target/openapi-render/`, its scripts beside it). Outside CI
//! the browser test skips when chromium is not installed, and the install when the
//! registry cannot be reached; under `CI` both fail.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

use serde_json::Value;

use crate::conformance::run::{Outcome, run};
use crate::tools::{self, Missing};
use crate::{root, run_snippet, scratch};

/// The documents decorated: TGI's as published (3.0.3, with schema errors of its
/// own), TEI's (3.0.3, valid).
const SPECS: [&str; 2] = [
    "tests/openapi/tgi/openapi.json",
    "tests/openapi/tei/openapi.json",
];

/// An npm install, or a page with every operation rendered and clicked through.
const TIMEOUT: Duration = Duration::from_secs(300);

/// The screenshot README shows, rewritten by `UPDATE_SCREENSHOT=1`.
const SCREENSHOT: &str = "docs/images/openapi-redoc.png";

/// Folder of the harness: its scripts and the `node_modules` of its lock.
fn harness() -> Option<PathBuf> {
    static INSTALLED: OnceLock<Result<PathBuf, Missing>> = OnceLock::new();
    tools::available(
        "the npm packages of tests/openapi/render",
        INSTALLED.get_or_init(install),
    )
}

fn install() -> Result<PathBuf, Missing> {
    let source = root().join("tests/openapi/render");
    let dir = root().join("target/openapi-render");
    let failed =
        |what: &Path, err: std::io::Error| Missing::Failed(format!("{}: {err}", what.display()));
    fs::create_dir_all(&dir).map_err(|err| failed(&dir, err))?;
    let mut wanted = String::new();
    for entry in fs::read_dir(&source).map_err(|err| failed(&source, err))? {
        let path = entry.map_err(|err| failed(&source, err))?.path();
        let text = fs::read_to_string(&path).map_err(|err| failed(&path, err))?;
        let name = path.file_name().expect("a file name");
        fs::write(dir.join(name), &text).map_err(|err| failed(&dir, err))?;
        if name
            .to_str()
            .is_some_and(|name| name.starts_with("package"))
        {
            wanted.push_str(&text);
        }
    }
    let stamp = dir.join(".installed-from");
    if fs::read_to_string(&stamp).is_ok_and(|text| text == wanted)
        && dir.join("node_modules/playwright-core").is_dir()
    {
        return Ok(dir);
    }
    // Redoc's peers (React...) are inside its standalone bundle: not installed. No
    // package runs a script; playwright-core downloads no browser.
    eprintln!("openapi_render: npm ci in target/openapi-render (once)");
    let outcome = run(
        Command::new("npm").args([
            "ci",
            "--omit=peer",
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

/// Debian's chromium, or `None` after saying why the test skips; under CI its
/// absence fails.
fn chromium() -> Option<PathBuf> {
    let found = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .map(|dir| dir.join("chromium"))
        .find(|path| path.is_file());
    match found {
        Some(path) => Some(path),
        None if tools::ci() => panic!("chromium is not installed (.ci/run installs Debian's)"),
        None => {
            eprintln!("SKIPPED: chromium is not installed (apt-get install chromium)");
            None
        }
    }
}

/// `node SCRIPT ARGS` in the harness folder; its report is the last stdout line.
fn node(harness: &Path, script: &str, args: &[&Path], env: &[(&str, &Path)]) -> (Outcome, Value) {
    let mut command = Command::new("node");
    command.arg(script).args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    let outcome = run(&mut command, harness, script, TIMEOUT);
    let report = outcome
        .stdout
        .lines()
        .last()
        .and_then(|line| serde_json::from_str(line).ok())
        .unwrap_or_else(|| panic!("{script} printed no report: {}", outcome.failure(TIMEOUT)));
    (outcome, report)
}

/// `snippet openapi ARGS` in `dir`, which must succeed: its stdout.
fn openapi(args: &[&str], dir: &Path) -> String {
    let output = snippet_openapi(args, dir);
    assert!(
        output.status.success(),
        "snippet openapi {args:?}: {}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8 stdout")
}

fn snippet_openapi(args: &[&str], dir: &Path) -> std::process::Output {
    let mut all = vec!["openapi"];
    all.extend_from_slice(args);
    run_snippet(&all, b"", dir)
}

fn read_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// `spec` copied into `dir` as `name`, then decorated there by `--write`.
fn written(spec: &str, dir: &Path, name: &str) -> PathBuf {
    let copy = dir.join(name);
    fs::copy(root().join(spec), &copy).expect("copy the spec");
    openapi(&[name, "--write"], dir);
    copy
}

/// The number of operations holding `x-codeSamples`.
fn decorated(spec: &Value) -> usize {
    spec["paths"]
        .as_object()
        .into_iter()
        .flat_map(|paths| paths.values())
        .filter_map(Value::as_object)
        .flat_map(|item| item.values())
        .filter(|operation| operation.get("x-codeSamples").is_some())
        .count()
}

/// Applies `overlay` to `spec` with openapi-format, validates both, and checks that
/// the result is `expected` as JSON values; the tool's report.
fn apply(harness: &Path, spec: &Path, overlay: &Path, expected: &Path) -> Value {
    let out = overlay.with_extension("applied.json");
    let (outcome, report) = node(harness, "overlay.mjs", &[spec, overlay, &out], &[]);
    assert!(
        outcome.success(),
        "{} on {}: {report:#}",
        overlay.display(),
        spec.display()
    );
    assert_eq!(report["unused"], Value::Array(vec![]), "{report:#}");
    assert!(
        same(&read_json(&out), &read_json(expected)),
        "{} applied to {} is not what --write wrote ({}): compare {} with it",
        overlay.display(),
        spec.display(),
        expected.display(),
        out.display()
    );
    report
}

/// Equal as JSON values, numbers by value: JavaScript writes the `1.0` of a
/// document as `1`.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .all(|(key, a)| b.get(key).is_some_and(|b| same(a, b)))
        }
        _ => a == b,
    }
}

#[test]
fn the_overlay_applied_by_a_real_tool_is_what_write_writes_and_validates() {
    let Some(harness) = harness() else { return };
    let dir = scratch("openapi-render-overlay");
    // (name, document, whether it validates): TGI's as published fails the 3.0
    // schema (a numeric exclusiveMinimum), so there the overlay must leave the
    // validator's errors as they were; labelled 3.1.0 it is valid, which puts a
    // 3.1 document through the command and the validator's 3.1 schema.
    let mut tgi = read_json(&root().join(SPECS[0]));
    tgi["openapi"] = Value::from("3.1.0");
    let tgi_31 = dir.join("tgi-3.1.source.json");
    fs::write(&tgi_31, serde_json::to_string_pretty(&tgi).expect("json")).expect("write");
    let cases = [
        ("tgi", root().join(SPECS[0]), false),
        ("tei", root().join(SPECS[1]), true),
        ("tgi-3.1", tgi_31, true),
    ];
    for (name, spec, valid) in &cases {
        let overlay = dir.join(format!("{name}.overlay.json"));
        let spec_arg = spec.to_str().expect("a UTF-8 path");
        fs::write(&overlay, openapi(&[spec_arg], &dir)).expect("write the overlay");
        let copy = dir.join(format!("{name}.json"));
        fs::copy(spec, &copy).expect("copy");
        openapi(&[copy.to_str().expect("a UTF-8 path"), "--write"], &dir);
        let operations = decorated(&read_json(&copy));
        assert!(operations > 0, "{name}: --write decorated no operation");

        let report = apply(&harness, spec, &overlay, &copy);
        eprintln!(
            "openapi_render: {name}: {} actions on {operations} operations applied; valid: {} before, {} after",
            report["actions"], report["before"]["valid"], report["after"]["valid"]
        );
        assert_eq!(report["after"]["valid"], *valid, "{name}: {report:#}");
    }

    // The overlay as YAML (--overlay FILE.yaml) reads the same to the tool.
    let overlay = dir.join("tei.overlay.yaml");
    let spec_arg = cases[1].1.to_str().expect("a UTF-8 path");
    openapi(&[spec_arg, "--overlay", "tei.overlay.yaml"], &dir);
    assert!(
        !fs::read_to_string(&overlay)
            .expect("the YAML overlay")
            .starts_with('{'),
        "--overlay FILE.yaml wrote JSON"
    );
    apply(&harness, &cases[1].1, &overlay, &dir.join("tei.json"));

    // A document that already has samples, one of them edited by hand: the
    // overlay removes each operation's samples before it adds them, and applied
    // gives what --write gives there (the samples renewed).
    let decorated_tgi = dir.join("tgi.json");
    let edited = dir.join("edited.json");
    let text = fs::read_to_string(&decorated_tgi).expect("read");
    fs::write(&edited, edit_first_sample(&text, "\"/generate\":")).expect("write");
    let overlay = dir.join("edited.overlay.json");
    fs::write(&overlay, openapi(&["edited.json"], &dir)).expect("write the overlay");
    let removes = read_json(&overlay)["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .filter(|action| action["remove"] == true)
        .count();
    assert_eq!(
        removes,
        decorated(&read_json(&edited)),
        "a remove per decorated operation"
    );
    let renewed = dir.join("renewed.json");
    fs::copy(&edited, &renewed).expect("copy");
    openapi(&["renewed.json", "--write"], &dir);
    assert!(
        read_json(&renewed) == read_json(&decorated_tgi),
        "--write renews an edited sample"
    );
    apply(&harness, &edited, &overlay, &renewed);
}

/// The JSON text with a line put at the start of the first sample's source after
/// `anchor`: what a person editing the file by hand would do.
fn edit_first_sample(text: &str, anchor: &str) -> String {
    let mut at = text
        .find(anchor)
        .unwrap_or_else(|| panic!("no {anchor} in the file"));
    for next in ["\"source\"", ":", "\""] {
        at += text[at..].find(next).expect("a sample after the anchor") + next.len();
    }
    format!("{}# edited by hand\\n{}", &text[..at], &text[at..])
}

#[test]
fn redoc_in_chromium_shows_every_operations_samples() {
    let Some(chromium) = chromium() else { return };
    let Some(harness) = harness() else { return };
    let dir = scratch("openapi-render-redoc");
    let spec = written(SPECS[0], &dir, "openapi.json");
    let shot = dir.join("openapi-redoc.png");
    let (outcome, report) = node(
        &harness,
        "redoc.mjs",
        &[&spec, Path::new("generate"), &shot],
        &[("CHROMIUM", &chromium)],
    );
    assert!(
        outcome.success(),
        "Redoc did not show the samples: {report:#}"
    );
    // The harness compared each operation with the spec; here, what the command
    // wrote is what was shown, operation by operation.
    let document = read_json(&spec);
    let shown = report["operations"].as_array().expect("operations");
    assert_eq!(shown.len(), decorated(&document), "{report:#}");
    let generate = &document["paths"]["/generate"]["post"]["x-codeSamples"];
    let labels: Vec<&Value> = generate
        .as_array()
        .expect("POST /generate has samples")
        .iter()
        .map(|sample| &sample["label"])
        .collect();
    let tabs = shown
        .iter()
        .find(|each| each["operation"] == "generate")
        .expect("generate was shown");
    assert_eq!(
        tabs["tabs"]
            .as_array()
            .expect("tabs")
            .iter()
            .collect::<Vec<_>>(),
        labels
    );
    eprintln!(
        "openapi_render: Redoc showed {} operations; requests refused: {}",
        shown.len(),
        report["refused"]
    );

    let png = fs::read(&shot).expect("the screenshot");
    assert!(png.starts_with(b"\x89PNG"), "not a PNG");
    assert!(
        png.len() < 150_000,
        "the screenshot takes {} bytes",
        png.len()
    );
    if std::env::var_os("UPDATE_SCREENSHOT").is_some() {
        fs::write(root().join(SCREENSHOT), &png).expect("write the screenshot");
    }
}

#[test]
fn check_catches_a_sample_edited_by_hand() {
    let dir = scratch("openapi-render-check");
    written(SPECS[0], &dir, "openapi.json");
    openapi(&["openapi.json", "--check"], &dir);
    let text = fs::read_to_string(dir.join("openapi.json")).expect("read");
    fs::write(
        dir.join("openapi.json"),
        edit_first_sample(&text, "\"/generate\":"),
    )
    .expect("write");
    assert_drift(&snippet_openapi(&["openapi.json", "--check"], &dir));

    // The same through an overlay file.
    fs::copy(root().join(SPECS[0]), dir.join("spec.json")).expect("copy");
    openapi(&["spec.json", "--overlay", "overlay.json"], &dir);
    openapi(&["spec.json", "--overlay", "overlay.json", "--check"], &dir);
    let text = fs::read_to_string(dir.join("overlay.json")).expect("read");
    fs::write(
        dir.join("overlay.json"),
        edit_first_sample(&text, "'/generate']"),
    )
    .expect("write");
    assert_drift(&snippet_openapi(
        &["spec.json", "--overlay", "overlay.json", "--check"],
        &dir,
    ));
}

/// Exit 1 and a diff naming POST /generate and the line edited, and no other
/// operation.
fn assert_drift(output: &std::process::Output) {
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(
        said.contains("POST /generate"),
        "the operation is not named: {said}"
    );
    assert!(said.contains("-# edited by hand"), "no diff: {said}");
    assert!(
        !said.contains("/tokenize"),
        "an operation not edited is named: {said}"
    );
}
