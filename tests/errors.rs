//! Every kind of bad input, run through the `snippet` binary, and what it says: the table
//! in `ERRORS.md` is this test's output (`UPDATE_SNAPSHOTS=1` rewrites it).
//!
//! Besides the exact text, each message must hold to the rules of docs/cli.md: exit 2 (1
//! for drift and lint findings), nothing on standard output, one line starting with
//! `snippet: ` and the input's name, and the line and column when the input is text;
//! before it, only the warnings found before the error.

use std::fmt::Write as _;
use std::path::Path;

use inference_snippets::{Code, Severity};

use crate::{root, run_snippet, scratch};

/// One bad input.
struct Case {
    /// What is wrong, for the table.
    what: &'static str,
    /// The arguments after `snippet`.
    args: &'static [&'static str],
    /// Standard input.
    stdin: &'static [u8],
    /// `page.md`, made in the folder `snippet` runs in.
    page: Option<&'static [u8]>,
    /// The expected exit status.
    code: i32,
    /// Whether the message must give a line and column.
    located: bool,
}

const fn case(what: &'static str, args: &'static [&'static str], stdin: &'static str) -> Case {
    Case {
        what,
        args,
        stdin: stdin.as_bytes(),
        page: None,
        code: 2,
        located: true,
    }
}

const SPEC: &[&str] = &["--lang", "py", "--request", "-"];
const CURL: &[&str] = &["--lang", "py", "--curl", "-"];
const CURL_JS: &[&str] = &["--lang", "js", "--client", "huggingface.js", "--curl", "-"];

/// A page with one region whose marker is `marker`, after a curl block.
const fn page(what: &'static str, marker: &'static str, code: i32, located: bool) -> Case {
    Case {
        what,
        args: &["docs", "check", "page.md"],
        stdin: b"",
        page: Some(marker.as_bytes()),
        code,
        located,
    }
}

const CASES: &[Case] = &[
    // JSON request specs.
    case(
        "spec: not JSON",
        SPEC,
        "{\"url\": \"https://x.cloud\",\n \"json\": {\"inputs\": 1}",
    ),
    Case {
        located: false,
        ..case("spec: empty input", SPEC, "")
    },
    case(
        "spec: unknown key",
        SPEC,
        "{\"url\": \"https://x.cloud\",\n \"hedaers\": {}}",
    ),
    case(
        "spec: a key given twice",
        SPEC,
        "{\"url\": \"https://x.cloud\",\n \"url\": \"https://y.cloud\"}",
    ),
    case(
        "spec: wrong type",
        SPEC,
        "{\"url\": \"https://x.cloud\", \"headers\": [\"X-A: 1\"]}",
    ),
    case(
        "spec: base64_files pointer through a missing parent",
        SPEC,
        "{\"url\": \"https://x.cloud\", \"json\": {},\n \"base64_files\": {\"/inputs/image\": \"cat.png\"}}",
    ),
    case(
        "spec: base64_files without json",
        SPEC,
        "{\"url\": \"https://x.cloud\", \"base64_files\": {\"/image\": \"cat.png\"}}",
    ),
    case(
        "spec: two bodies",
        SPEC,
        "{\"url\": \"https://x.cloud\", \"json\": {}, \"data\": \"x\"}",
    ),
    case(
        "spec: unknown task",
        SPEC,
        "{\"url\": \"https://x.cloud\", \"task\": \"text-clasification\"}",
    ),
    case(
        "spec: URL with a space",
        SPEC,
        "{\"url\": \"https://x.cloud/a b\"}",
    ),
    case(
        "spec: URL without a scheme",
        SPEC,
        "{\"url\": \"x.cloud/a\"}",
    ),
    case(
        "spec: header injection (CR LF in a value)",
        SPEC,
        "{\"url\": \"https://x.cloud\",\n \"headers\": {\"X-A\": \"1\\r\\nX-Evil: 2\"}}",
    ),
    case(
        "spec: non-ASCII header value",
        SPEC,
        "{\"url\": \"https://x.cloud\", \"headers\": {\"X-A\": \"café\"}}",
    ),
    case(
        "spec: header the client sets itself",
        SPEC,
        "{\"url\": \"https://x.cloud\", \"headers\": {\"Content-Length\": \"3\"}}",
    ),
    case(
        "spec: bad token variable",
        SPEC,
        "{\"url\": \"https://x.cloud\", \"token\": \"$HF-TOKEN\"}",
    ),
    case(
        "spec: NUL byte",
        SPEC,
        "{\"url\": \"https://x.cloud\",\n \"data\": \"a\0b\"}",
    ),
    case(
        "spec: JSON nested too deep",
        SPEC,
        "{\"url\": \"https://x.cloud\", \"json\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    ),
    Case {
        stdin: b"{\"url\": \"https://x.cloud\", \"data\": \"caf\xe9\"}",
        ..case("spec: invalid UTF-8", SPEC, "")
    },
    case(
        "spec: a real token in the body",
        SPEC,
        "{\"url\": \"https://x.cloud\",\n \"json\": {\"inputs\": [\"hf_abcdefghijklmnopqrstuvwxyz0123456789\"]}}",
    ),
    // curl commands.
    case(
        "curl: unknown option",
        CURL,
        "curl https://x.cloud \\\n  --hedaer 'X-A: 1'",
    ),
    case(
        "curl: option without its value",
        CURL,
        "curl https://x.cloud -H",
    ),
    case(
        "curl: unterminated quote",
        CURL,
        "curl https://x.cloud \\\n  -d '{\"inputs\": 1}",
    ),
    case("curl: no curl command", CURL, "wget https://x.cloud"),
    case("curl: empty input", CURL, ""),
    case("curl: no URL", CURL, "curl -d 'x=1'"),
    case("curl: URL with a space", CURL, "curl 'https://x.cloud/a b'"),
    case(
        "curl: URL from a command substitution",
        CURL,
        "curl \"https://$(hostname)/a\"",
    ),
    case(
        "curl: header injection",
        CURL,
        "curl https://x.cloud -H $'X-A: 1\\r\\nX-Evil: 2'",
    ),
    case(
        "curl: header without a colon",
        CURL,
        "curl https://x.cloud -H 'X-A 1'",
    ),
    case(
        "curl: body from standard input",
        CURL,
        "curl https://x.cloud -d @-",
    ),
    case(
        "curl: body and form together",
        CURL,
        "curl https://x.cloud -d a=1 -F b=2",
    ),
    case("curl: NUL byte", CURL, "curl https://x.cloud -d 'a\0b'"),
    Case {
        stdin: b"curl https://x.cloud -d 'caf\xe9'",
        ..case("curl: invalid UTF-8", CURL, "")
    },
    Case {
        args: &["--lang", "py", "--strict", "--curl", "-"],
        ..case(
            "curl: a warning under --strict",
            CURL,
            "curl -k https://x.cloud",
        )
    },
    case(
        "curl: a client that cannot send it",
        CURL_JS,
        "curl https://x.cloud -H 'X-A: 1' -d '{\"inputs\": 1}'",
    ),
    case(
        "curl: a real token in a header",
        CURL,
        "curl https://x.cloud \\\n  -H 'X-Key: hf_abcdefghijklmnopqrstuvwxyz0123456789'",
    ),
    // Usage.
    Case {
        located: false,
        ..case(
            "usage: unknown language",
            &["--lang", "cobol", "https://x.cloud"],
            "",
        )
    },
    Case {
        located: false,
        ..case(
            "usage: unknown option",
            &["--lang", "py", "--fromat", "json", "https://x.cloud"],
            "",
        )
    },
    Case {
        located: false,
        ..case(
            "usage: misspelt format",
            &["--all", "--format", "jsn", "https://x.cloud"],
            "",
        )
    },
    Case {
        located: false,
        ..case(
            "usage: client of another language",
            &["--lang", "py", "--client", "fetch", "https://x.cloud"],
            "",
        )
    },
    Case {
        located: false,
        ..case(
            "usage: unknown task",
            &[
                "--lang",
                "py",
                "--task",
                "text-clasification",
                "https://x.cloud",
            ],
            "",
        )
    },
    Case {
        located: false,
        ..case(
            "usage: missing spec file",
            &["--lang", "py", "--request", "nope.json"],
            "",
        )
    },
    // Markdown pages.
    page(
        "docs: unknown marker key",
        "```sh\ncurl https://x.cloud\n```\n\n<!-- snippet from=curl clinets=curl -->\n<!-- /snippet -->\n",
        2,
        true,
    ),
    page(
        "docs: region never closed",
        "```sh\ncurl https://x.cloud\n```\n\n<!-- snippet from=curl -->\n",
        2,
        true,
    ),
    page(
        "docs: closing marker alone",
        "Text.\n\n<!-- /snippet -->\n",
        2,
        true,
    ),
    page(
        "docs: marker inside a list",
        "```sh\ncurl https://x.cloud\n```\n\n- <!-- snippet from=curl -->\n  <!-- /snippet -->\n",
        2,
        true,
    ),
    page(
        "docs: no curl block before from=curl",
        "Text.\n\n<!-- snippet from=curl -->\n<!-- /snippet -->\n",
        2,
        true,
    ),
    page(
        "docs: bad curl in the block",
        "```sh\ncurl https://x.cloud \\\n  --dat 'x'\n```\n\n<!-- snippet from=curl -->\n<!-- /snippet -->\n",
        2,
        true,
    ),
    page(
        "docs: request= leaves the page's folder",
        "<!-- snippet request=../spec.json -->\n<!-- /snippet -->\n",
        2,
        true,
    ),
    page(
        "docs: a region drifted",
        "```sh\ncurl https://x.cloud\n```\n\n<!-- snippet from=curl layout=fences clients=curl -->\nold\n<!-- /snippet -->\n",
        1,
        true,
    ),
    Case {
        args: &["docs", "lint", "page.md"],
        ..page(
            "docs lint: a real token in a page",
            "```sh\ncurl https://x.cloud -H 'Authorization: Bearer hf_abcdefghijklmnopqrstuvwxyz0123456789'\n```\n",
            1,
            true,
        )
    },
    Case {
        page: Some(b"# Title\n\nCaf\xe9 prose.\n"),
        ..page("docs: page not UTF-8", "", 2, true)
    },
    Case {
        what: "docs: no such page",
        args: &["docs", "check", "missing.md"],
        stdin: b"",
        page: None,
        code: 2,
        located: false,
    },
];

/// What `snippet` said for one case.
struct Said {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(case: &Case, args: &[&str], dir: &Path) -> Said {
    if let Some(page) = case.page {
        std::fs::write(dir.join("page.md"), page).expect("writable scratch dir");
    }
    let output = run_snippet(args, case.stdin, dir);
    Said {
        code: output.status.code().expect("an exit status"),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// `text` as a Markdown code span inside a table cell.
fn cell(text: &str) -> String {
    let text = text.replace('|', "\\|").replace('\n', "⏎");
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

/// `code` linked to its anchor in the list of every code.
fn code_link(code: &str) -> String {
    if code.is_empty() {
        return String::new();
    }
    format!("[`{code}`](#{code})")
}

/// The input as a reader would type it: the command line, then what goes in.
fn input(case: &Case) -> String {
    let mut shown = format!("snippet {}", case.args.join(" "));
    if let Some(page) = case.page {
        let page = String::from_utf8_lossy(page).replace('\u{fffd}', "\\xe9");
        let _ = write!(shown, "\npage.md:\n{page}");
    }
    if !case.stdin.is_empty() {
        let text = String::from_utf8_lossy(case.stdin).replace('\0', "\\0");
        let _ = write!(shown, "\nstdin: {}", text.replace('\u{fffd}', "\\xe9"));
    }
    shown
}

#[test]
fn error_messages() {
    let mut table = String::from(
        "# Error messages\n\n\
         What `snippet` says for each kind of bad input: the exact text, generated by\n\
         `tests/errors.rs` (`UPDATE_SNAPSHOTS=1 cargo test errors` rewrites this file, and\n\
         `cargo test` fails when a message changes without it). Line breaks of an input are\n\
         shown as ⏎. Exit status 2 is bad input or usage (the message is on standard error),\n\
         1 a drifted region or a lint finding (the report is on standard output; its first\n\
         line is shown). The code is the stable name of the problem, the `code` of the same\n\
         run with `--message-format json` (the list of every code closes this page; each\n\
         code's anchor there is its name, `ERRORS.md#unknown-key`, where the `url` of a\n\
         diagnostic points).\n\n\
         | what | input | exit | code | message |\n|---|---|---|---|---|\n",
    );
    let mut broken = Vec::new();
    for (index, case) in CASES.iter().enumerate() {
        let dir = scratch(&format!("errors/{index}"));
        let said = run(case, case.args, &dir);
        // Drift and lint findings are the report, on standard output.
        let report = if case.code == 1 {
            &said.stdout
        } else {
            &said.stderr
        };
        // An error comes last, after the warnings found before it.
        let first = if case.code == 2 {
            report.lines().last()
        } else {
            report.lines().next()
        };
        let first = first.unwrap_or_default();
        let mut problems = Vec::new();
        if said.code != case.code {
            problems.push(format!("exit {} (expected {})", said.code, case.code));
        }
        if said.stderr.contains("panicked") {
            problems.push("panicked".into());
        }
        if case.code == 2 {
            if !said.stdout.is_empty() {
                problems.push(format!("wrote to standard output: {:?}", said.stdout));
            }
            // clap's errors included: one style for every usage error.
            let lines: Vec<&str> = said.stderr.lines().collect();
            let warnings = &lines[..lines.len().saturating_sub(1)];
            if lines.is_empty()
                || !warnings
                    .iter()
                    .all(|line| line.starts_with("snippet: warning: "))
            {
                problems.push("not one error line after warnings".into());
            }
        }
        if !first.starts_with("snippet: ") && case.code == 2 {
            problems.push("does not start with `snippet: `".into());
        }
        if case.located && !located(first) {
            problems.push("no line and column".into());
        }
        let code = match json_diagnostic(case, &dir) {
            Ok(code) => code,
            Err(problem) => {
                problems.push(problem);
                String::new()
            }
        };
        if !problems.is_empty() {
            broken.push(format!(
                "{}: {}\n  {}",
                case.what,
                problems.join(", "),
                said.stderr
            ));
        }
        let _ = writeln!(
            table,
            "| {} | {} | {} | {} | {} |",
            case.what,
            cell(&input(case)),
            said.code,
            code_link(&code),
            cell(first)
        );
    }
    table.push_str(
        "\n## Every code\n\n\
         The lint column is the severity `snippet docs lint` gives a finding of the code in a\n\
         published command (`error`: it cannot work as pasted, `warning`: a likely mistake,\n\
         `note`: worth knowing). Two are given when it depends: first when reading the\n\
         command stops at the problem, then when the reading goes on.\n\n\
         | code | meaning | lint |\n|---|---|---|\n",
    );
    for code in Code::ALL {
        let fatal = code.lint_severity(Severity::Error);
        let warning = code.lint_severity(Severity::Warning);
        let lint = if fatal == warning {
            fatal.to_string()
        } else {
            format!("{fatal}, {warning}")
        };
        let name = code.name();
        let summary = code.summary();
        let _ = writeln!(
            table,
            "| <a id=\"{name}\"></a>`{name}` | {summary} | {lint} |"
        );
    }
    assert!(
        broken.is_empty(),
        "messages that break the rules:\n{}",
        broken.join("\n")
    );
    // Every code's `url` is its anchor in this page.
    for code in Code::ALL {
        let anchor = code.doc_url();
        let anchor = anchor.rsplit_once("ERRORS.md#").map(|(_, name)| name);
        assert!(
            anchor.is_some_and(|name| table.contains(&format!("<a id=\"{name}\"></a>"))),
            "{}: no anchor in ERRORS.md",
            code.name()
        );
    }
    let path = root().join("ERRORS.md");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &table).expect("writable ERRORS.md");
        return;
    }
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == table,
        "ERRORS.md differs from what snippet says now; rerun with UPDATE_SNAPSHOTS=1 and review the diff"
    );
}

/// The same case with `--message-format json`: standard error is one JSON object per
/// line with the documented keys, the same exit status, and the severity of the first
/// object (the last for an error, after the warnings found before it) says what the
/// exit status does. Gives that object's code.
fn json_diagnostic(case: &Case, dir: &Path) -> Result<String, String> {
    let mut args = vec!["--message-format", "json"];
    args.extend_from_slice(case.args);
    let said = run(case, &args, dir);
    if said.code != case.code {
        return Err(format!("json: exit {}", said.code));
    }
    let mut objects = Vec::new();
    for line in said.stderr.lines() {
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|err| format!("json: {err} in {line:?}"))?;
        let object = value.as_object().ok_or("json: not an object")?.clone();
        let known = [
            "severity", "code", "message", "file", "line", "column", "hint", "field", "hints",
            "url",
        ];
        if let Some(key) = object.keys().find(|key| !known.contains(&key.as_str())) {
            return Err(format!("json: unknown key {key}"));
        }
        for key in ["severity", "code", "message", "url"] {
            if !object.get(key).is_some_and(serde_json::Value::is_string) {
                return Err(format!("json: no {key} in {line}"));
            }
        }
        // Every hint, in a list; `hint` is them joined.
        let hints: Vec<&str> = object
            .get("hints")
            .and_then(serde_json::Value::as_array)
            .ok_or("json: no hints list")?
            .iter()
            .filter_map(serde_json::Value::as_str)
            .collect();
        if object.get("hint").and_then(serde_json::Value::as_str)
            != (!hints.is_empty()).then(|| hints.join("; ")).as_deref()
        {
            return Err(format!("json: hint is not the hints joined in {line}"));
        }
        // The documentation of the code: its anchor in ERRORS.md.
        let url = object["url"].as_str().unwrap_or_default();
        if !url.ends_with(&format!(
            "/ERRORS.md#{}",
            object["code"].as_str().unwrap_or_default()
        )) {
            return Err(format!(
                "json: url {url} is not the code's anchor in ERRORS.md"
            ));
        }
        objects.push(object);
    }
    let first = if case.code == 2 {
        let (last, before) = objects.split_last().ok_or("json: no diagnostic")?;
        if before.iter().any(|object| object["severity"] != "warning") {
            return Err("json: not only warnings before the error".into());
        }
        last
    } else {
        objects.first().ok_or("json: no diagnostic")?
    };
    if case.code != 0 && first["severity"] != "error" {
        return Err(format!(
            "json: severity {} for exit {}",
            first["severity"], case.code
        ));
    }
    if case.located
        && !(first
            .get("line")
            .is_some_and(|line| line.as_u64() >= Some(1))
            && first
                .get("column")
                .is_some_and(|column| column.as_u64() >= Some(1)))
    {
        return Err("json: no line and column".into());
    }
    if case.code == 2 && first.get("file").is_none() && first["code"] != "usage" {
        return Err("json: no file".into());
    }
    Ok(first["code"].as_str().unwrap_or_default().to_owned())
}

/// Whether a message gives its place as `file:LINE:COLUMN: `.
fn located(message: &str) -> bool {
    message.split(": ").next().is_some_and(|place| {
        let mut parts = place.rsplit(':');
        let column = parts.next().unwrap_or_default();
        let line = parts.next().unwrap_or_default();
        [line, column]
            .iter()
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
    }) || message
        .strip_prefix("snippet: ")
        .is_some_and(|rest| located(rest) || rest.strip_prefix("warning: ").is_some_and(located))
}
