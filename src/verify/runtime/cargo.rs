//! A Rust block built with cargo before it runs: a crate of its own in the run's
//! folder (the block as `src/main.rs`) with the manifest and lock the conformance
//! suite builds the Rust snippets with (`tests/rust-snippets`: reqwest 0.13 blocking,
//! multipart, native-tls; serde_json), and one target folder in the cache, so that the
//! dependencies are fetched once and compiled once (minutes on two cores), then each
//! block in seconds. Building runs none of the block's code (the manifest is ours: no
//! build script of the block's), sees none of the caller's variables but cargo's own
//! (`env!("HF_TOKEN")` does not compile), and is bounded in time.

use std::ffi::OsString;
use std::fs;
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::verify::sandbox;

/// The manifest and lock the snippets are checked with.
const MANIFEST: &str = include_str!("../../../tests/rust-snippets/Cargo.toml");
const LOCK: &str = include_str!("../../../tests/rust-snippets/Cargo.lock");

/// The first build compiles reqwest, OpenSSL's bindings and the rest.
pub const DEPENDENCIES_TIMEOUT: Duration = Duration::from_secs(30 * 60);

/// A program that uses what snippets use, built once to compile the dependencies.
const WARM: &str = "fn main() {\n    let client = reqwest::blocking::Client::new();\n    let form = reqwest::blocking::multipart::Form::new().text(\"a\", \"b\");\n    println!(\"{client:?} {form:?} {}\", serde_json::json!({}));\n}\n";

/// Why a block was not built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failed {
    /// The dependencies could not be fetched or built (not the block's fault).
    Setup(String),
    /// The block did not compile: the compiler's first error.
    Block(String),
    /// Its build outlasted the run's deadline.
    TimedOut(Duration),
}

/// Builds the block `src/main.rs` of `dir` into `dir/main`, bounded by `timeout`
/// once the dependencies are built (the first time, by [`DEPENDENCIES_TIMEOUT`]).
/// `env` is what cargo keeps of the caller's environment besides `path`.
pub fn build(
    cache: &Path,
    path: &OsString,
    env: &[(OsString, OsString)],
    dir: &Path,
    timeout: Duration,
) -> Result<(), Failed> {
    dependencies(cache, path, env)?;
    // Runs of several verify processes share the target folder (cargo locks it):
    // each binary is named for its run.
    let bin = format!(
        "run-{}-{}",
        std::process::id(),
        dir.file_name()
            .map(|name| name
                .to_string_lossy()
                .replace(|c: char| !c.is_ascii_alphanumeric(), "-"))
            .unwrap_or_default()
    );
    write_crate(dir, &bin).map_err(Failed::Setup)?;
    let target = cache.join("rust").join("target");
    let built = cargo(path, env, &target, dir, &["build"], timeout);
    let executable = target.join("debug").join(&bin);
    let result = match built {
        Ok(()) => fs::rename(&executable, dir.join("main"))
            .or_else(|_| fs::copy(&executable, dir.join("main")).map(drop))
            .map_err(|err| Failed::Setup(format!("{}: {err}", executable.display()))),
        Err(Ended::TimedOut) => Err(Failed::TimedOut(timeout)),
        // The compiler places the block's errors in `src/main.rs`; cargo's own
        // (a crate missing from an emptied registry) are not the block's.
        Err(Ended::Failed(stderr)) if !stderr.contains("src/main.rs") => Err(Failed::Setup(
            format!("cargo build failed: {}", first_error(&stderr)),
        )),
        Err(Ended::Failed(stderr)) => Err(Failed::Block(first_error(&stderr))),
        Err(Ended::NotStarted(err)) => Err(Failed::Setup(err)),
    };
    forget(&target, &bin);
    result
}

/// Removes the binary `bin` from the target folder (cargo keeps a copy in `deps/`)
/// and its fingerprint, so that the folder does not grow by a program per block.
fn forget(target: &Path, bin: &str) {
    let debug = target.join("debug");
    let _ = fs::remove_file(debug.join(bin));
    let _ = fs::remove_file(debug.join(format!("{bin}.d")));
    let prefix = format!("{}-", bin.replace('-', "_"));
    if let Ok(entries) = fs::read_dir(debug.join("deps")) {
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
    // Each run's crate is a package of its own path: `rust-snippets-HASH`, holding
    // `bin-NAME` (built) or `output-bin-NAME` (the compiler's errors).
    if let Ok(entries) = fs::read_dir(debug.join(".fingerprint")) {
        for entry in entries.flatten() {
            let path = entry.path();
            let ours = ["bin", "output-bin"]
                .iter()
                .any(|kind| path.join(format!("{kind}-{bin}")).exists());
            if ours {
                let _ = fs::remove_dir_all(&path);
            }
        }
    }
}

/// Fetches and compiles the dependencies into the cache's target folder, once: a
/// stamp holding the manifest and lock says it was done.
pub fn dependencies(
    cache: &Path,
    path: &OsString,
    env: &[(OsString, OsString)],
) -> Result<(), Failed> {
    let rust = cache.join("rust");
    let wanted = format!("{MANIFEST}{LOCK}");
    if super::stamped(&rust, &wanted) {
        return Ok(());
    }
    let warm = rust.join("warm");
    write_crate(&warm, "warm").map_err(Failed::Setup)?;
    fs::write(warm.join("src/main.rs"), WARM).map_err(|err| Failed::Setup(err.to_string()))?;
    let target = rust.join("target");
    // The one step that reaches the network: crates.io, or the caller's registry.
    cargo(path, env, &target, &warm, &["fetch"], DEPENDENCIES_TIMEOUT)
        .map_err(|ended| Failed::Setup(ended.describe("cargo fetch", DEPENDENCIES_TIMEOUT)))?;
    cargo(path, env, &target, &warm, &["build"], DEPENDENCIES_TIMEOUT).map_err(|ended| {
        Failed::Setup(ended.describe("cargo build (the dependencies)", DEPENDENCIES_TIMEOUT))
    })?;
    super::stamp(&rust, &wanted).map_err(Failed::Setup)
}

/// The crate in `dir`: the manifest with a binary named `bin` at `src/main.rs`, and
/// the lock.
fn write_crate(dir: &Path, bin: &str) -> Result<(), String> {
    let src = dir.join("src");
    fs::create_dir_all(&src).map_err(|err| format!("{}: {err}", src.display()))?;
    let manifest = format!("{MANIFEST}\n[[bin]]\nname = \"{bin}\"\npath = \"src/main.rs\"\n");
    for (name, text) in [("Cargo.toml", manifest.as_str()), ("Cargo.lock", LOCK)] {
        fs::write(dir.join(name), text).map_err(|err| format!("{name}: {err}"))?;
    }
    Ok(())
}

/// How a cargo command that did not succeed ended.
enum Ended {
    NotStarted(String),
    TimedOut,
    /// Its stderr.
    Failed(String),
}

impl Ended {
    fn describe(&self, what: &str, timeout: Duration) -> String {
        match self {
            Ended::NotStarted(err) => format!("{what}: {err}"),
            Ended::TimedOut => format!("{what} timed out after {} s", timeout.as_secs()),
            Ended::Failed(stderr) => format!("{what} failed: {}", first_error(stderr)),
        }
    }
}

/// `cargo SUBCOMMAND --locked` in `dir` (offline but for `fetch`), with only `PATH`
/// and `env` of the caller's environment, its process group killed at `timeout`.
fn cargo(
    path: &OsString,
    env: &[(OsString, OsString)],
    target: &Path,
    dir: &Path,
    subcommand: &[&str],
    timeout: Duration,
) -> Result<(), Ended> {
    let mut command = Command::new("cargo");
    command.args(subcommand).args(["--locked", "--quiet"]);
    if subcommand != ["fetch"] {
        command.args(["--offline", "--message-format", "short"]);
    }
    let mut child = command
        .current_dir(dir)
        .env_clear()
        .envs(env.iter().map(|(name, value)| (name, value)))
        .env("PATH", path)
        .env("CARGO_TARGET_DIR", target)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .map_err(|err| Ended::NotStarted(err.to_string()))?;
    let mut stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(stderr) = stderr.as_mut() {
            let _ = stderr.read_to_string(&mut text);
        }
        text
    });
    // Past the deadline, rustc goes with cargo: they share its process group.
    let status = sandbox::wait_or_end_group(&mut child, timeout);
    let stderr = reader.join().unwrap_or_default();
    match status {
        Some(status) if status.success() => Ok(()),
        Some(_) => Err(Ended::Failed(stderr)),
        None => Err(Ended::TimedOut),
    }
}

/// The compiler's first error (`src/main.rs:3:5: error[E0425]: ...`), else cargo's
/// last line.
pub fn first_error(stderr: &str) -> String {
    let lines: Vec<&str> = stderr
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    let first = lines
        .iter()
        .find(|line| line.contains("error[") || line.contains("error:"))
        .or(lines.last());
    first.map_or_else(
        || "(nothing on stderr)".to_owned(),
        |line| (*line).to_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_error_is_the_compilers() {
        let stderr = "warning: unused import\nsrc/main.rs:3:5: error[E0425]: cannot find value `x` in this scope\nsrc/main.rs:4:1: error[E0308]: mismatched types\nerror: could not compile `rust-snippets`\n";
        assert_eq!(
            first_error(stderr),
            "src/main.rs:3:5: error[E0425]: cannot find value `x` in this scope"
        );
        assert_eq!(first_error(""), "(nothing on stderr)");
        assert!(MANIFEST.contains("native-tls") && LOCK.contains("name = \"reqwest\""));
    }
}
