//! The tools the integration tests drive for real, installed once under
//! `target/tools/` at pinned versions from their registries: mdBook (the prebuilt
//! executable of `mdbook-requirements.txt` from PyPI where its hash matches, else
//! `cargo install` from crates.io) and pre-commit (a venv from PyPI,
//! `pre-commit-requirements.txt`).
//! A stamp file holding what was installed skips the install next time.
//!
//! Under `CI` a failed install fails the test. Elsewhere a test skips, saying why,
//! only when the registry cannot be reached; any other failure fails it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

use crate::conformance::run::{Outcome, run};
use crate::root;

/// The mdBook the tests build books with: the newest release when pinned. Where no
/// prebuilt one fits, it is built without default features (no `serve`, `watch`,
/// `search`), in about 80 s on two cores.
pub(crate) const MDBOOK_VERSION: &str = "0.5.4";

/// An install (cargo building mdBook, pip) may take minutes, not forever.
pub(crate) const INSTALL_TIMEOUT: Duration = Duration::from_secs(900);

/// Why a tool is not there.
#[derive(Clone, Debug)]
pub(crate) enum Missing {
    /// The registry could not be reached: a skip, outside CI.
    Unreachable(String),
    /// Anything else: always a failure.
    Failed(String),
}

/// Whether this is a CI run, where nothing may be skipped.
pub(crate) fn ci() -> bool {
    std::env::var("CI").is_ok_and(|value| value == "true" || value == "1")
}

/// `target/tools`.
pub(crate) fn base() -> PathBuf {
    root().join("target/tools")
}

/// A release build for a test to run, not to measure: `cargo install` (of mdBook,
/// and pre-commit's of this crate) with the release profile's LTO, single codegen
/// unit and optimisation turned off through cargo's environment. Each took minutes
/// of CI's 2 cores for speed no test looks at (mdBook: 173 s at opt-level 1, 78 s
/// at 0); the code built is the same.
pub(crate) fn quick_release(command: &mut Command) -> &mut Command {
    command
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
        .env("CARGO_PROFILE_RELEASE_LTO", "off")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
        .env("CARGO_INCREMENTAL", "0")
}

/// The `mdbook` executable, or `None` (having said why) when the test should skip.
pub(crate) fn mdbook() -> Option<PathBuf> {
    static INSTALLED: OnceLock<Result<PathBuf, Missing>> = OnceLock::new();
    available("mdbook", INSTALLED.get_or_init(install_mdbook))
}

/// The venv's `pre-commit`, or `None` (having said why) when the test should skip.
pub(crate) fn pre_commit() -> Option<PathBuf> {
    static INSTALLED: OnceLock<Result<PathBuf, Missing>> = OnceLock::new();
    available("pre-commit", INSTALLED.get_or_init(install_pre_commit))
}

/// The tool, or `None` after printing why it is skipped; panics when it may not be.
pub(crate) fn available(tool: &str, installed: &Result<PathBuf, Missing>) -> Option<PathBuf> {
    match installed {
        Ok(path) => Some(path.clone()),
        Err(Missing::Unreachable(why)) if !ci() => {
            eprintln!("SKIPPED: {tool} cannot be installed, its registry is unreachable: {why}");
            None
        }
        Err(Missing::Unreachable(why) | Missing::Failed(why)) => {
            panic!("{tool} could not be installed: {why}")
        }
    }
}

/// Whether a failed command's output says the network, not the command, failed
/// (cargo's, pip's and npm's words for it).
pub(crate) fn unreachable(output: &str) -> bool {
    [
        "Could not resolve host",
        "Couldn't resolve host",
        "failed to query replaced source registry",
        "network failure seems to have happened",
        "spurious network error",
        "Temporary failure in name resolution",
        "NewConnectionError",
        "Network is unreachable",
        // npm's
        "ENOTFOUND",
        "EAI_AGAIN",
    ]
    .iter()
    .any(|words| output.contains(words))
}

fn install_mdbook() -> Result<PathBuf, Missing> {
    let dir = base().join("mdbook");
    let requirements = root().join("tests/tools/mdbook-requirements.txt");
    let pinned = fs::read_to_string(&requirements)
        .map_err(|err| Missing::Failed(format!("{}: {err}", requirements.display())))?;
    // The wheel's executable, in a venv of its own (Debian's python3 has no pip;
    // a venv does), where pip finds the pinned one.
    let venv = dir.join("venv");
    let wheel = venv.join("bin/mdbook");
    let wheel_wanted = format!("pip\n{pinned}");
    if installed(&dir, &wheel_wanted) && wheel.is_file() {
        return Ok(wheel);
    }
    let built = dir.join("bin/mdbook");
    let built_wanted = format!("mdbook {MDBOOK_VERSION} --locked --no-default-features\n");
    if installed(&dir, &built_wanted) && built.is_file() {
        return Ok(built);
    }
    create(&dir)?;
    let _ = fs::remove_dir_all(&venv);
    let pip = install(
        "preparing a Python venv for mdbook",
        Command::new("python3").arg("-m").arg("venv").arg(&venv),
        &dir,
    )
    .and_then(|()| {
        install(
            &format!(
                "installing mdbook {MDBOOK_VERSION} from PyPI (pinned by tests/tools/mdbook-requirements.txt)"
            ),
            Command::new(venv.join("bin/python"))
                .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check"])
                .args(["--no-deps", "--only-binary=:all:", "--require-hashes", "-r"])
                .arg(&requirements),
            &dir,
        )
    });
    match pip {
        Ok(()) if wheel.is_file() => {
            stamp(&dir, &wheel_wanted)?;
            return Ok(wheel);
        }
        Err(Missing::Unreachable(why)) => return Err(Missing::Unreachable(why)),
        // No wheel with that hash for this platform: build it.
        _ => eprintln!("tools: no prebuilt mdbook {MDBOOK_VERSION} for this platform"),
    }
    // The build goes to cargo's temporary folder, removed afterwards: only the
    // binary stays under target/tools.
    install(
        &format!("building mdbook {MDBOOK_VERSION} from crates.io"),
        quick_release(&mut Command::new(env!("CARGO")))
            .args(["install", "mdbook", "--locked", "--no-default-features"])
            .args([
                "--version",
                &format!("={MDBOOK_VERSION}"),
                "--force",
                "--root",
            ])
            .arg(&dir)
            .env_remove("CARGO_TARGET_DIR")
            .env_remove("RUSTFLAGS"),
        &dir,
    )?;
    stamp(&dir, &built_wanted)?;
    Ok(built)
}

fn install_pre_commit() -> Result<PathBuf, Missing> {
    let requirements = root().join("tests/tools/pre-commit-requirements.txt");
    let dir = base().join("pre-commit");
    let venv = dir.join("venv");
    let bin = venv.join("bin/pre-commit");
    let wanted = fs::read_to_string(&requirements)
        .map_err(|err| Missing::Failed(format!("{}: {err}", requirements.display())))?;
    if installed(&venv, &wanted) && bin.is_file() {
        return Ok(bin);
    }
    let _ = fs::remove_dir_all(&venv);
    create(&dir)?;
    install(
        "preparing a Python venv",
        Command::new("python3").arg("-m").arg("venv").arg(&venv),
        &dir,
    )?;
    install(
        "installing pre-commit from PyPI (pinned by tests/tools/pre-commit-requirements.txt)",
        Command::new(venv.join("bin/python"))
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .arg("-r")
            .arg(&requirements),
        &dir,
    )?;
    stamp(&venv, &wanted)?;
    Ok(bin)
}

/// Runs one install step, its output kept in `dir` (`install.stdout`, `.stderr`).
fn install(what: &str, command: &mut Command, dir: &Path) -> Result<(), Missing> {
    eprintln!("tools: {what} (once; kept under target/tools)");
    let outcome: Outcome = run(command, dir, "install", INSTALL_TIMEOUT);
    if outcome.success() {
        return Ok(());
    }
    let why = format!(
        "{what}: {}{}",
        outcome.failure(INSTALL_TIMEOUT),
        crate::conformance::setup::advice(what)
    );
    if unreachable(&outcome.stderr) {
        Err(Missing::Unreachable(why))
    } else {
        Err(Missing::Failed(why))
    }
}

fn create(dir: &Path) -> Result<(), Missing> {
    fs::create_dir_all(dir).map_err(|err| Missing::Failed(format!("{}: {err}", dir.display())))
}

fn installed(dir: &Path, wanted: &str) -> bool {
    fs::read_to_string(dir.join(".installed-from")).is_ok_and(|text| text == wanted)
}

fn stamp(dir: &Path, wanted: &str) -> Result<(), Missing> {
    fs::write(dir.join(".installed-from"), wanted)
        .map_err(|err| Missing::Failed(format!("stamp: {err}")))
}
