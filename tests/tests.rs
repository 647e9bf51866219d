//! Integration tests, compiled into one binary.

mod architecture;
mod cli;
mod conformance;
mod corpus;
mod curl;
mod diagnostics;
mod docs;
mod errors;
mod fuzz_regressions;
mod hostile;
mod lint;
mod mdbook;
mod pre_commit;
mod roundtrip;
mod snapshots;
mod syntax;
mod tools;

use std::path::{Path, PathBuf};

/// The repository root.
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every case directory under `snapshots/`, sorted.
fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(root().join("snapshots"))
        .expect("snapshots/ exists")
        .map(|entry| entry.expect("readable snapshots/").path())
        .filter(|path| path.is_dir())
        .collect();
    cases.sort();
    cases
}

/// Runs the `snippet` binary in `dir` with `args`, feeding `stdin`; `HF_TOKEN` is
/// unset so that no test depends on the developer's environment.
fn run_snippet(args: &[&str], stdin: &[u8], dir: &Path) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_snippet"))
        .args(args)
        .current_dir(dir)
        .env_remove("HF_TOKEN")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("snippet runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("write stdin");
    child.wait_with_output().expect("snippet exits")
}

/// A folder under `target/` for generated test files, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = root().join("target").join("test-scratch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}
