//! `.pre-commit-hooks.yaml`, run by a pinned pre-commit as a user's repository would:
//! `pre-commit try-repo <this checkout> --files PAGES` (every hook of the file, one
//! build of `snippet` per run: two runs, not one per hook and page) in a scratch git
//! repository; `snippet-docs-verify` runs its blocks with the runtimes cached under
//! `target/verify-cache`, as `tests/verify.rs` does, never the user's cache;
//! and each `.pre-commit-config.yaml` that docs/ci.md shows, run as written with
//! `pre-commit run --files PAGE` (the remote one from this checkout, at its `rev`).
//!
//! try-repo builds `snippet` with `cargo install --path` (release) in a temporary
//! store every time, whatever `PRE_COMMIT_HOME` says; `CARGO_TARGET_DIR` under
//! `target/tools/pre-commit` keeps the compiled dependencies between runs, so a run
//! after the first rebuilds only this crate (about 20 s instead of 45 s on two cores).
//! With uncommitted changes in the checkout, try-repo tests a shadow commit of the
//! tracked files: a new file is seen once it is `git add`ed.
//!
//! That build takes minutes on two cores, so an outcome is kept under
//! `target/tools/pre-commit/outcomes/` with the key of what try-repo builds from
//! (the tracked files and their uncommitted changes, this test, the pinned
//! pre-commit, cargo's version); a run with the same key reuses it. CI and
//! `PRE_COMMIT_FRESH=1` always run try-repo.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

use inference_snippets::docs;

use crate::conformance::reuse::Key;
use crate::conformance::run::run;
use crate::examples::{Note, blocks};
use crate::{path_with_snippet, root, scratch, tools};

/// A cold build of the crate with its dependencies, and the run.
const TRY_REPO_TIMEOUT: Duration = Duration::from_secs(900);

/// A page whose region is out of date (empty).
const DRIFTED: &str = "# Page\n\n```sh\ncurl https://xyz.endpoints.huggingface.cloud/gpt2 -H 'Content-Type: application/json' -d '{\"inputs\": \"Hi\"}'\n```\n\n<!-- snippet from=curl layout=fences clients=requests -->\n<!-- /snippet -->\n";

/// A page with an option curl does not have.
const LINT_ERROR: &str = "# Page\n\n```bash\ncurl https://x.cloud --dat '{}'\n```\n";

/// A tab group whose Python `requests` tab sends its curl block's request.
const TABS: &str = r#"# Classify

<hfoptions id="client">
<hfoption id="curl">

```sh
curl https://router.huggingface.co/hf-inference/models/distilbert/distilbert-base-uncased-finetuned-sst-2-english \
    -H "Authorization: Bearer $HF_TOKEN" \
    -H 'Content-Type: application/json' \
    -H 'X-Use-Cache: false' \
    -d '{"inputs": "I like you"}'
```

</hfoption>
<hfoption id="python">

```py
import os
import requests

response = requests.post(
    "https://router.huggingface.co/hf-inference/models/distilbert/distilbert-base-uncased-finetuned-sst-2-english",
    headers={"Authorization": f"Bearer {os.environ['HF_TOKEN']}", "X-Use-Cache": "false"},
    json={"inputs": "I like you"},
)
print(response.json())
```

</hfoption>
</hfoptions>
"#;

/// [`TABS`] with a header of the Python tab changed.
fn header_drifted() -> String {
    TABS.replace("\"X-Use-Cache\": \"false\"", "\"X-Use-Cache\": \"true\"")
}

/// The scratch git repository with the pages, made once for every test here.
fn repository() -> &'static Path {
    static REPOSITORY: OnceLock<PathBuf> = OnceLock::new();
    REPOSITORY.get_or_init(|| pages_repository("pre-commit", None))
}

/// A scratch git repository holding the pages and, when given, `config` as its
/// `.pre-commit-config.yaml`, staged (pre-commit refuses an unstaged one).
fn pages_repository(name: &str, config: Option<&str>) -> PathBuf {
    let dir = scratch(name);
    let fresh = docs::update(DRIFTED, "fresh.md", &dir)
        .expect("the page renders")
        .text;
    fs::write(dir.join("fresh.md"), fresh).expect("fresh.md");
    fs::write(dir.join("drifted.md"), DRIFTED).expect("drifted.md");
    fs::write(dir.join("lint.md"), LINT_ERROR).expect("lint.md");
    fs::write(dir.join("tabs.md"), TABS).expect("tabs.md");
    fs::write(dir.join("header.md"), header_drifted()).expect("header.md");
    // TGI's document with its samples written, and a copy with one edited by hand.
    let written = inference_snippets::openapi_samples(
        &fs::read_to_string(root().join("tests/openapi/tgi/openapi.json")).expect("TGI's"),
        "openapi.json",
        &inference_snippets::SampleOptions::default(),
    )
    .and_then(|samples| samples.written())
    .expect("the samples write");
    fs::write(dir.join("openapi.json"), &written).expect("openapi.json");
    let edited = written.replacen("My name is Olivier and I", "Hello", 1);
    fs::write(dir.join("openapi.edited.json"), edited).expect("openapi.edited.json");
    let mut steps = vec![&["init", "--quiet"][..]];
    if let Some(config) = config {
        fs::write(dir.join(".pre-commit-config.yaml"), config).expect("the configuration");
        steps.push(&["add", "."]);
    }
    for args in steps {
        let git = Command::new("git")
            .args(args)
            .current_dir(&dir)
            .status()
            .expect("git runs");
        assert!(git.success(), "git {args:?}");
    }
    dir
}

/// `pre-commit try-repo <checkout> --files PAGES`, every hook: (exit code, what it
/// printed), or the outcome of an earlier run with the same inputs.
fn try_repo(pre_commit: &Path, pages: &[&str]) -> (Option<i32>, String) {
    // A file per set of pages: the tests run in parallel.
    let store = tools::base()
        .join("pre-commit/outcomes")
        .join(format!("{}.json", pages.join("+")));
    let key = inputs().hex();
    let fresh = tools::ci() || std::env::var("PRE_COMMIT_FRESH").is_ok_and(|v| v == "1");
    let saved: Option<(String, i32, String)> = fs::read_to_string(&store)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok());
    if !fresh && let Some((_, code, printed)) = saved.filter(|(known, ..)| *known == key) {
        eprintln!(
            "pre-commit: try-repo {pages:?}: the outcome of an earlier run with the same inputs (PRE_COMMIT_FRESH=1 runs it again)"
        );
        return (Some(code), printed);
    }
    let (code, printed) = run_try_repo(pre_commit, pages);
    if let Some(code) = code
        && let Ok(text) = serde_json::to_string(&(key, code, &printed))
    {
        let _ = fs::create_dir_all(store.parent().unwrap_or(&store));
        let _ = fs::write(&store, text);
    }
    (code, printed)
}

/// The hooks' names, as pre-commit prints them on their status lines.
const HOOKS: [&str; 4] = [
    "snippet docs check",
    "snippet docs lint",
    "snippet verify",
    "snippet openapi check",
];

/// What pre-commit printed for `hook` (its name, as in `snippet docs check.....Passed`):
/// from its status line to the next hook's.
fn hook_output<'a>(printed: &'a str, hook: &str) -> &'a str {
    let Some(start) = printed.find(&format!("{hook}.")) else {
        return "";
    };
    let rest = &printed[start..];
    let end = HOOKS
        .iter()
        .filter_map(|next| rest[1..].find(&format!("\n{next}.")))
        .min()
        .map_or(rest.len(), |index| index + 1);
    &rest[..end]
}

/// What try-repo builds `snippet` from, and what it runs it with.
fn inputs() -> Key {
    static INPUTS: OnceLock<Key> = OnceLock::new();
    *INPUTS.get_or_init(|| {
        let git = |args: &[&str]| {
            Command::new("git")
                .args(args)
                .current_dir(root())
                .output()
                .map(|output| output.stdout)
                .unwrap_or_default()
        };
        let cargo = Command::new(env!("CARGO"))
            .arg("--version")
            .output()
            .map(|output| output.stdout)
            .unwrap_or_default();
        Key::new()
            .add(git(&["ls-files", "--stage"]))
            .add(git(&["diff", "HEAD"]))
            .add(cargo)
            .add(fs::read(root().join("tests/pre_commit.rs")).unwrap_or_default())
            .add(
                fs::read(root().join("tests/tools/pre-commit-requirements.txt"))
                    .unwrap_or_default(),
            )
    })
}

fn run_try_repo(pre_commit: &Path, pages: &[&str]) -> (Option<i32>, String) {
    let tools = tools::base().join("pre-commit");
    let name = format!("try-repo-{}", pages.join("+"));
    let outcome = run(
        tools::quick_release(&mut Command::new(pre_commit))
            .args(["try-repo"])
            .arg(root())
            .arg("--files")
            .args(pages)
            .args(["--color", "never", "--verbose"])
            // Nothing of the developer's: pre-commit's own store, and no token.
            .env("PRE_COMMIT_HOME", tools.join("home"))
            .env("CARGO_TARGET_DIR", tools.join("cargo-target"))
            // verify's venvs and npm packages: the ones tests/verify.rs makes.
            .env("SNIPPET_CACHE_DIR", root().join("target/verify-cache"))
            .env_remove("RUSTFLAGS")
            .env_remove("HF_TOKEN"),
        repository(),
        &name,
        TRY_REPO_TIMEOUT,
    );
    let printed = format!("{}{}", outcome.stdout, outcome.stderr);
    if outcome.code != Some(0) && !printed.contains("- hook id: snippet-docs-") {
        // No hook ran: installing them failed.
        let why = format!(
            "try-repo {pages:?}: {}\n{printed}",
            outcome.failure(TRY_REPO_TIMEOUT)
        );
        assert!(
            tools::unreachable(&printed) && !tools::ci(),
            "pre-commit could not install the hook: {why}"
        );
        eprintln!("SKIPPED: crates.io is unreachable, so pre-commit cannot build the hook: {why}");
        return (None, printed);
    }
    (outcome.code, printed)
}

#[test]
fn every_hook_passes_an_up_to_date_page_and_tabs_that_send_their_curl_request() {
    let Some(pre_commit) = tools::pre_commit() else {
        return;
    };
    let (code, printed) = try_repo(&pre_commit, &["fresh.md", "tabs.md", "openapi.json"]);
    if code.is_none() {
        return;
    }
    assert_eq!(code, Some(0), "{printed}");
    for hook in HOOKS {
        let output = hook_output(&printed, hook);
        assert!(output.contains("Passed"), "{hook}:\n{printed}");
    }
    // verify ran the region's `requests` tab and the hand-written one: pre-commit may
    // split the pages between two runs, each with its summary's `total` row.
    let verify = hook_output(&printed, "snippet verify");
    let verified: u32 = verify
        .lines()
        .filter_map(|line| line.strip_prefix("total "))
        .filter_map(|counts| counts.split_whitespace().next()?.parse::<u32>().ok())
        .sum();
    assert_eq!(verified, 2, "{printed}");
    assert!(!verify.contains("error["), "{printed}");
}

#[test]
fn each_hook_fails_on_its_page_a_drifted_region_an_unknown_curl_option_a_changed_header() {
    let Some(pre_commit) = tools::pre_commit() else {
        return;
    };
    let (code, printed) = try_repo(
        &pre_commit,
        &["drifted.md", "lint.md", "header.md", "openapi.edited.json"],
    );
    if code.is_none() {
        return;
    }
    assert_eq!(code, Some(1), "{printed}");
    let check = hook_output(&printed, "snippet docs check");
    assert!(check.contains("Failed"), "{printed}");
    assert!(
        check.contains("drifted.md:7:1: region is out of date"),
        "{printed}"
    );
    assert!(check.contains("+import requests"), "{printed}");
    assert!(
        !check.contains("lint.md"),
        "lint.md has no region: {printed}"
    );
    let page = fs::read_to_string(repository().join("drifted.md")).expect("drifted.md");
    assert_eq!(page, DRIFTED, "check never writes");

    let lint = hook_output(&printed, "snippet docs lint");
    assert!(lint.contains("Failed"), "{printed}");
    // How lint words its findings may change; that it names the page may not.
    assert!(lint.contains("lint.md"), "{printed}");
    assert!(!lint.contains("header.md"), "{printed}");

    // The hook exits 1 (pre-commit prints each failed hook's code) for the Python tab
    // whose header changed, at its opening fence; the two other pages have no tab
    // group to run.
    let verify = hook_output(&printed, "snippet verify");
    assert!(
        verify.contains("Failed") && verify.contains("- exit code: 1"),
        "{printed}"
    );
    let line = header_drifted()
        .lines()
        .position(|line| line == "```py")
        .expect("the Python tab")
        + 1;
    assert!(
        verify.contains(&format!(
            "header.md:{line}:1: error[request-differs]: header X-Use-Cache: the curl block sends \"false\", this block \"true\""
        )),
        "{printed}"
    );
    assert_eq!(verify.matches("error[").count(), 1, "{printed}");

    // The samples of the document's first operation were edited by hand.
    let openapi = hook_output(&printed, "snippet openapi check");
    assert!(openapi.contains("Failed"), "{printed}");
    assert!(
        openapi.contains(
            "openapi.edited.json:17:7: the code samples of POST / (compat_generate) are out of date"
        ),
        "{printed}"
    );
    assert!(
        openapi.contains("+        \"inputs\": \"My name is Olivier and I\""),
        "{printed}"
    );
    assert!(!openapi.contains(".md"), "{printed}");
}

/// Where docs/ci.md tells users to get the hooks from, which the test replaces by
/// this checkout: the tests have no network.
const HOOK_REPOSITORY: &str = "https://github.com/huggingface/inference-snippets";

/// The `.pre-commit-config.yaml` files docs/ci.md shows (`<!-- example: file ... -->`).
fn documented_configurations() -> Vec<String> {
    let page = fs::read_to_string(root().join("docs/ci.md")).expect("docs/ci.md");
    blocks(&page)
        .into_iter()
        .filter(|block| block.note == Note::File(".pre-commit-config.yaml".into()))
        .map(|block| block.text)
        .collect()
}

/// The commit a configuration's `rev:` names, checked to be one of this branch's.
fn documented_rev(config: &str) -> Option<String> {
    let rev = config
        .lines()
        .find_map(|line| line.trim().strip_prefix("rev:"))?
        .trim()
        .to_owned();
    let ancestor = Command::new("git")
        .args(["merge-base", "--is-ancestor", &rev, "HEAD"])
        .current_dir(root())
        .status()
        .expect("git runs");
    assert!(
        ancestor.success(),
        "docs/ci.md: rev {rev} is not a commit of this branch's history: name one of main's"
    );
    Some(rev)
}

/// `pre-commit run --files PAGE` in `repository`: (exit code, what it printed).
fn run_hooks(pre_commit: &Path, repository: &Path, page: &str) -> (Option<i32>, String) {
    let tools = tools::base().join("pre-commit");
    let outcome = run(
        tools::quick_release(&mut Command::new(pre_commit))
            .args(["run", "--files", page, "--color", "never", "--verbose"])
            // A `language: system` hook runs the `snippet` this test built; a remote
            // one is built once per rev into pre-commit's store, kept between runs.
            .env("PATH", path_with_snippet())
            .env("PRE_COMMIT_HOME", tools.join("home"))
            .env("CARGO_TARGET_DIR", tools.join("cargo-target"))
            .env_remove("RUSTFLAGS")
            .env_remove("HF_TOKEN"),
        repository,
        &format!("run-{page}"),
        TRY_REPO_TIMEOUT,
    );
    assert!(
        !outcome.timed_out,
        "pre-commit run: {}",
        outcome.failure(TRY_REPO_TIMEOUT)
    );
    (
        outcome.code,
        format!("{}{}", outcome.stdout, outcome.stderr),
    )
}

#[test]
fn the_configurations_the_docs_show_work_as_written() {
    let configs = documented_configurations();
    assert!(
        configs.iter().any(|config| config.contains("repo: local"))
            && configs
                .iter()
                .any(|config| config.contains(HOOK_REPOSITORY)),
        "docs/ci.md shows a local and a remote configuration: {configs:?}"
    );
    let Some(pre_commit) = tools::pre_commit() else {
        return;
    };
    let checkout = root().to_str().expect("a UTF-8 path");
    for (index, config) in configs.iter().enumerate() {
        let rev = documented_rev(config);
        let config = config.replace(HOOK_REPOSITORY, checkout);
        let dir = pages_repository(&format!("pre-commit-config-{index}"), Some(&config));
        let what = format!("docs/ci.md's configuration (rev {rev:?}):\n{config}");

        let (code, printed) = run_hooks(&pre_commit, &dir, "fresh.md");
        if code != Some(0)
            && !printed.contains("- hook id:")
            && tools::unreachable(&printed)
            && !tools::ci()
        {
            eprintln!(
                "SKIPPED: crates.io is unreachable, so pre-commit cannot build the hook: {printed}"
            );
            continue;
        }
        assert_eq!(code, Some(0), "{what}\n{printed}");
        for hook in ["snippet docs check", "snippet docs lint"] {
            assert!(printed.contains(&format!("{hook}...")), "{what}\n{printed}");
        }

        let (code, printed) = run_hooks(&pre_commit, &dir, "drifted.md");
        assert_eq!(code, Some(1), "{what}\n{printed}");
        assert!(
            printed.contains("drifted.md:7:1: region is out of date"),
            "{what}\n{printed}"
        );

        let (code, printed) = run_hooks(&pre_commit, &dir, "lint.md");
        assert_eq!(code, Some(1), "{what}\n{printed}");
        assert!(printed.contains("lint.md:4:"), "{what}\n{printed}");
    }
}
