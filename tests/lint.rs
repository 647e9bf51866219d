//! `snippet docs lint` as a docs maintainer meets it: shell blocks only, the curl
//! command only, severities, suppression, MDX tabs, and the real pages of
//! `../shared/corpus` measured per severity and per code.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use inference_snippets::{Severity, docs};

use crate::{root, run_snippet, scratch};

/// The findings of `page` (named `name`) as `line:column severity[code]`.
fn findings(page: &str, name: &str) -> Vec<String> {
    docs::lint(page, name)
        .iter()
        .map(|finding| {
            let place = finding.place.expect("every finding has a place");
            format!("{place} {}[{}]", finding.severity.name(), finding.code)
        })
        .collect()
}

#[test]
fn only_the_curl_commands_of_shell_blocks_are_read() {
    let page = r#"# Setup

```dockerfile
RUN apt-get update && apt-get install -y curl
```

```yaml
- run: sudo apt-get install curl
```

```c
curl = curl_easy_init();
```

```bash
hf upload my-org/model . --private
ORG="${1:-org}"
for f in $(ls); do echo "$f"; done
curl https://x.cloud/generate \
  -H "Authorization: Bearer $HF_TOKEN" \
  --json '{"inputs": "hi"}'
echo "it's done
```

```console
$ curl https://x.cloud/generate --json '{"inputs": "hi"}'
{"generated_text": "it's a reply with a ' quote"}
```

```text
Run curl once the server is up.
```
"#;
    // Only the prompt of the console block, as a note.
    assert_eq!(findings(page, "page.md"), ["26:1 note[prompt]"]);
}

#[test]
fn severities_say_whether_the_command_works_as_pasted() {
    let page = r#"```sh
~ curl https://x.cloud/generate
```

```sh
curl https://x.cloud/generate \
  --json '{"inputs": "hi"}' \
```

```sh
curl -k 'https://x.cloud/generate' -H 'Authorization: Bearer $HF_TOKEN' -d '{"inputs": "hi"}'
```

```sh
curl localhost:8080/generate -X POST
```

```python
client = InferenceClient(token="hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789")
```
"#;
    assert_eq!(
        findings(page, "page.md"),
        [
            // A prompt the shell would run; a continuation onto nothing.
            "2:1 error[shell-prompt]",
            "7:29 error[dangling-continuation]",
            // -k, a variable in single quotes, JSON sent as a form.
            "11:6 warning[insecure]",
            "11:62 warning[literal-variable]",
            "11:73 warning[json-sent-as-form]",
            // host:port without a scheme works: curl adds http://.
            "15:6 note[missing-scheme]",
            // A token in any block.
            "19:33 error[published-token]",
        ]
    );
}

#[test]
fn mdx_tabs_are_code() {
    let page = r#"<Tabs>
  <Tab title="cURL">
    ```shell
    curl http://localhost:11434/api/chat -d '{
      "model": "qwen3",

      "stream": false
    }' --hedaer 'A: b'
    ```
  </Tab>
  <Tab title="Python">
    ```python
    from ollama import chat

    chat(model="qwen3", token="hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789")
    ```
  </Tab>
</Tabs>
"#;
    assert_eq!(
        findings(page, "tabs.mdx"),
        // The parse stops at the unknown option: no later warning about the command.
        ["8:8 error[unknown-option]", "15:32 error[published-token]"]
    );
}

#[test]
fn suppression_comments_leave_findings_out() {
    let page = r#"<!-- snippet-lint: ignore -->
```sh
curl -k https://x.cloud --dat 1
```

<!-- snippet-lint: ignore=insecure,json-sent-as-form -->

```sh
curl -k https://x.cloud -d '{"a": 1}' --dat 1
```

<!-- snippet-lint: ignore=insecur -->
```sh
curl -k https://x.cloud
```
"#;
    assert_eq!(
        findings(page, "page.md"),
        [
            "9:39 error[unknown-option]",
            // A code name that names nothing is said, with a suggestion.
            "12:27 warning[invalid-marker]",
            "14:6 warning[insecure]",
        ]
    );
    let findings = docs::lint(page, "page.md");
    assert_eq!(
        findings[1].to_string(),
        "page.md:12:27: snippet-lint: ignore= names no code \"insecur\"; did you mean insecure?"
    );
    // MDX has no HTML comments: the JSX comment says the same.
    let mdx = "{/* snippet-lint: ignore */}\n```sh\ncurl -k https://x.cloud\n```\n";
    assert!(docs::lint(mdx, "page.mdx").is_empty());
}

#[test]
fn default_paths_skip_what_a_repository_ignores() {
    let dir = scratch("lint-default-paths");
    let broken = "```sh\ncurl https://x.cloud --dat 1\n```\n";
    for path in [
        "docs/page.md",
        "node_modules/pkg/README.md",
        "target/doc/page.md",
        "build/page.md",
        ".git/page.md",
        ".github/page.mdx",
    ] {
        let path = dir.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, broken).unwrap();
    }
    fs::write(dir.join(".gitignore"), "build/\n").unwrap();
    let run = run_snippet(&["docs", "lint"], b"", &dir);
    let stdout = String::from_utf8(run.stdout).unwrap();
    let files: Vec<&str> = stdout
        .lines()
        .filter_map(|line| line.split_once(':').map(|(file, _)| file))
        .filter(|file| file.ends_with(".md") || file.ends_with(".mdx"))
        .collect();
    assert_eq!(files, ["./.github/page.mdx", "./docs/page.md"], "{stdout}");
    assert!(
        stdout.ends_with("2 errors, 0 warnings, 0 notes in 2 files\n"),
        "{stdout}"
    );
    assert_eq!(run.status.code(), Some(1));
    // check and write take the same default: no regions here, nothing to do.
    for action in ["check", "write"] {
        let run = run_snippet(&["docs", action], b"", &dir);
        assert_eq!(run.status.code(), Some(0), "{action}: {run:?}");
    }
}

#[test]
fn json_output_is_one_object_per_finding_and_a_summary() {
    let dir = scratch("lint-json");
    fs::write(
        dir.join("page.md"),
        "```sh\n$ curl https://x.cloud --dat 1\ncurl -k https://x.cloud\n```\n",
    )
    .unwrap();
    let run = run_snippet(
        &[
            "docs",
            "lint",
            "--message-format",
            "json",
            "--notes",
            "page.md",
        ],
        b"",
        &dir,
    );
    let stderr = String::from_utf8(run.stderr).unwrap();
    let codes: Vec<String> = stderr
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            format!(
                "{}[{}]",
                value["severity"].as_str().unwrap(),
                value["code"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        codes,
        ["note[prompt]", "error[unknown-option]", "warning[insecure]"]
    );
    assert_eq!(
        String::from_utf8(run.stdout).unwrap(),
        "{\"summary\":{\"errors\":1,\"warnings\":1,\"notes\":1,\"files\":1}}\n"
    );
    assert_eq!(run.status.code(), Some(1));
}

// ---- The corpora ----

/// Every error the corpora hold, each a real problem: `(page, line, code, why)`.
const REAL_ERRORS: &[(&str, usize, &str, &str)] = &[
    // hub-api.md writes its curl examples after a `~ ` prompt, which bash runs as a
    // command (`bash: /home/me: Is a directory`) before curl is ever reached.
    (
        "hub-docs__docs_inference-providers_hub-api.md",
        11,
        "shell-prompt",
        "`~ curl` runs ~",
    ),
    (
        "hub-docs__docs_inference-providers_hub-api.md",
        23,
        "shell-prompt",
        "`~ curl` runs ~",
    ),
    (
        "hub-docs__docs_inference-providers_hub-api.md",
        35,
        "shell-prompt",
        "`~ curl` runs ~",
    ),
    (
        "hub-docs__docs_inference-providers_hub-api.md",
        45,
        "shell-prompt",
        "`~ curl` runs ~",
    ),
    (
        "hub-docs__docs_inference-providers_hub-api.md",
        83,
        "shell-prompt",
        "`~ curl` runs ~",
    ),
    (
        "hub-docs__docs_inference-providers_hub-api.md",
        116,
        "shell-prompt",
        "`~ curl` runs ~",
    ),
    (
        "hub-docs__docs_inference-providers_hub-api.md",
        146,
        "shell-prompt",
        "`~ curl` runs ~",
    ),
    (
        "hub-docs__docs_inference-providers_hub-api.md",
        226,
        "shell-prompt",
        "`~ curl` runs ~",
    ),
    (
        "hub-docs__docs_inference-providers_hub-api.md",
        256,
        "shell-prompt",
        "`~ curl` runs ~",
    ),
];

/// The `.md` and `.mdx` pages under `dir`, sorted.
fn pages(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("a readable corpus folder") {
            let path = entry.expect("a readable corpus entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md" || e == "mdx") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

#[test]
fn corpus_findings_per_severity_and_code() {
    let corpora = ["hf-docs/markdown", "real-docs"];
    let mut errors = Vec::new();
    for corpus in corpora {
        let dir = root().join("../shared/corpus").join(corpus);
        if !dir.is_dir() {
            println!("corpus absent: {}, skipping", dir.display());
            continue;
        }
        let pages = pages(&dir);
        let mut counts: BTreeMap<(Severity, String), usize> = BTreeMap::new();
        let mut by_severity: BTreeMap<Severity, usize> = BTreeMap::new();
        for page in &pages {
            let text = fs::read_to_string(page).unwrap();
            let name = page.strip_prefix(&dir).unwrap().display().to_string();
            for finding in docs::lint(&text, &name) {
                *counts
                    .entry((finding.severity, finding.code.name().to_owned()))
                    .or_default() += 1;
                *by_severity.entry(finding.severity).or_default() += 1;
                if finding.severity == Severity::Error {
                    let line = finding.place.unwrap().line;
                    errors.push((name.clone(), line, finding.code.name().to_owned()));
                }
            }
        }
        println!("docs lint over {corpus} ({} pages):", pages.len());
        for (severity, count) in &by_severity {
            println!("  {count:4} {}", severity.name());
        }
        for ((severity, code), count) in &counts {
            println!("  {count:4} {}[{code}]", severity.name());
        }
        // The command agrees with the library, exits 1 only with an error, and
        // changes no byte.
        let before: Vec<Vec<u8>> = pages.iter().map(|page| fs::read(page).unwrap()).collect();
        let run = run_snippet(&["docs", "lint", "."], b"", &dir);
        let stdout = String::from_utf8(run.stdout).unwrap();
        let has_errors = by_severity.contains_key(&Severity::Error);
        assert_eq!(run.status.code(), Some(i32::from(has_errors)), "{stdout}");
        let summary = stdout.lines().last().unwrap();
        println!("  {summary}");
        assert!(
            summary.contains(&format!("in {} files", pages.len())),
            "{summary}"
        );
        for (page, bytes) in pages.iter().zip(&before) {
            assert_eq!(&fs::read(page).unwrap(), bytes, "{}", page.display());
        }
    }
    let expected: Vec<(String, usize, String)> = REAL_ERRORS
        .iter()
        .map(|(page, line, code, _)| ((*page).to_owned(), *line, (*code).to_owned()))
        .collect();
    if root().join("../shared/corpus/real-docs").is_dir() {
        assert_eq!(
            errors, expected,
            "every error in the corpora is a real problem"
        );
    }
}

/// `docs write` over the real pages, none of which has a region: nothing changes.
#[test]
fn write_on_pages_without_regions_changes_nothing() {
    let source = root().join("../shared/corpus/real-docs");
    if !source.is_dir() {
        println!("corpus absent: {}, skipping", source.display());
        return;
    }
    let dir = scratch("lint-real-docs-write");
    let pages = pages(&source);
    for page in &pages {
        let copy = dir.join(page.strip_prefix(&source).unwrap());
        fs::create_dir_all(copy.parent().unwrap()).unwrap();
        fs::copy(page, &copy).unwrap();
    }
    for action in ["write", "check"] {
        let run = run_snippet(&["docs", action, "."], b"", &dir);
        assert_eq!(run.status.code(), Some(0), "{action}: {run:?}");
        assert!(run.stdout.is_empty(), "{action}: {run:?}");
    }
    for page in &pages {
        let copy = dir.join(page.strip_prefix(&source).unwrap());
        assert_eq!(fs::read(page).unwrap(), fs::read(copy).unwrap());
    }
    println!(
        "docs write over {} real pages: nothing changed",
        pages.len()
    );
}
