//! Integration tests, compiled into one binary.

mod architecture;
mod cli;
mod conformance;
mod corpus;
mod curl;
mod diagnostics;
mod docs;
mod errors;
mod examples;
mod fuzz_regressions;
mod hf_generator;
mod hostile;
mod lint;
mod mdbook;
mod openapi;
mod openapi_render;
mod pre_commit;
mod proxy;
mod roundtrip;
mod snapshots;
mod syntax;
mod tools;
mod verify;

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

/// The `PATH` with the folder of the `snippet` under test first: what a user who ran
/// `cargo install` has, for the tools that run `snippet` by name.
fn path_with_snippet() -> std::ffi::OsString {
    let bin = Path::new(env!("CARGO_BIN_EXE_snippet"))
        .parent()
        .expect("the binary's folder");
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::join_paths(std::iter::once(bin.to_path_buf()).chain(std::env::split_paths(&path)))
        .expect("a PATH")
}

/// A folder under `target/` for generated test files, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = root().join("target").join("test-scratch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}
