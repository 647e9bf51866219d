//! Golden files: `snapshots/<case>/request.json` (or `command.sh`, a curl command)
//! rendered for every client must equal
//! the committed `<client file>`, or `<client id>.refused` holding the refusal.
//! `UPDATE_SNAPSHOTS=1 cargo test` rewrites them; review with `git diff`.

use std::fs;
use std::path::Path;

use inference_snippets::{Client, CurlOptions, Request, parse_curl, parse_spec, render};
use similar::TextDiff;

/// The request of a case: `request.json` (a spec) or `command.sh` (a curl command).
fn request(case: &Path) -> Request {
    let spec = case.join("request.json");
    let command = case.join("command.sh");
    let result = if spec.exists() {
        let text = fs::read_to_string(&spec).expect("request.json");
        parse_spec(&text, &spec.display().to_string())
    } else {
        let text = fs::read_to_string(&command).expect("request.json or command.sh");
        parse_curl(
            &text,
            &command.display().to_string(),
            &CurlOptions::default(),
        )
        .map(|parsed| parsed.request)
    };
    result.unwrap_or_else(|err| panic!("{}: {err}", case.display()))
}

/// What a case directory must hold for `client`: its file name and contents.
fn expected(case: &Path, client: Client) -> (String, String) {
    let request = request(case);
    match render(&request, client) {
        Ok(content) => (client.file_name(), content),
        Err(err) if err.is_refusal() => (format!("{}.refused", client.id()), format!("{err}\n")),
        Err(err) => panic!("{}: {client}: {err}", case.display()),
    }
}

#[test]
fn snapshots_match() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut failures = Vec::new();
    for case in super::cases() {
        for client in Client::ALL {
            let (name, content) = expected(&case, client);
            let path = case.join(&name);
            // A client renders or refuses: the other file must not linger.
            let other = if name.ends_with(".refused") {
                case.join(client.file_name())
            } else {
                case.join(format!("{}.refused", client.id()))
            };
            let actual = fs::read_to_string(&path).unwrap_or_default();
            if update {
                if actual != content {
                    fs::write(&path, &content).expect("write snapshot");
                }
                let _ = fs::remove_file(&other);
                continue;
            }
            if other.exists() {
                failures.push(format!("{} should not exist", other.display()));
            }
            if actual != content {
                let diff = TextDiff::from_lines(&actual, &content)
                    .unified_diff()
                    .header(&format!("{} (committed)", path.display()), "rendered now")
                    .to_string();
                failures.push(diff);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} snapshot(s) differ; run UPDATE_SNAPSHOTS=1 cargo test and review git diff\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}
