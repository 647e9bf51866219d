//! The runtimes the snippets run in, installed once under `target/conformance/`:
//! a Python venv per set of packages a snippet declares (pinned by
//! `requirements.txt`), a `node_modules` from `package-lock.json` (`npm ci`) seen
//! through one folder per declared set, and the Rust runner crate
//! (`tests/rust-snippets`, built with cargo). A snippet that imports a package its
//! install line does not name fails.
//! A stamp file holding the inputs of an install skips it when nothing changed.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use super::plan::Packages;
use super::run::run;

/// An install (pip, npm ci, the first cargo build) may take minutes, not forever.
pub(super) const INSTALL_TIMEOUT: Duration = Duration::from_secs(900);

/// The programs the suite runs, and what each is needed for.
pub(super) const RUNTIMES: [(&str, &str); 10] = [
    ("bash", "the curl snippets and the curl oracle"),
    ("curl", "the curl snippets and the curl oracle"),
    (
        "python3",
        "the requests, httpx, huggingface_hub and openai snippets",
    ),
    ("node", "the fetch, huggingface.js and openai snippets"),
    ("npm", "the install of @huggingface/inference and openai"),
    ("go", "the net/http snippets (one go build)"),
    ("java", "the java.net.http snippets"),
    ("javac", "the java.net.http snippets (one javac)"),
    (
        "php",
        "the guzzle snippets (with Debian's php-guzzlehttp-guzzle)",
    ),
    ("ruby", "the net/http snippets of Ruby"),
];

/// The runtimes of [`RUNTIMES`] that do not answer `--version`.
pub(super) fn missing_runtimes() -> Vec<&'static str> {
    RUNTIMES
        .iter()
        .map(|(program, _)| *program)
        .filter(|program| {
            !Command::new(program)
                .arg(version_flag(program))
                .output()
                .is_ok_and(|output| output.status.success())
        })
        .collect()
}

/// What makes `program` print its version: `--version`, or go's `version`.
pub(super) fn version_flag(program: &str) -> &'static str {
    if program == "go" {
        "version"
    } else {
        "--version"
    }
}

/// `target/conformance`.
pub(super) fn base(root: &Path) -> PathBuf {
    root.join("target/conformance")
}

/// The python of the venv holding exactly `packages` (at the versions
/// `requirements.txt` pins, given to pip as constraints), installed once per set.
pub(super) fn python(root: &Path, packages: &Packages) -> Result<PathBuf, String> {
    let _installing = one_install_at_a_time();
    let requirements = root.join("tests/conformance/requirements.txt");
    let venv = base(root).join("venvs").join(packages.key());
    let python = venv.join("bin/python");
    let wanted = format!("{}\n{}", read(&requirements)?, packages.0.join(" "));
    if installed(&venv, &wanted) && python.exists() {
        return Ok(python);
    }
    let _ = fs::remove_dir_all(&venv);
    let logs = base(root);
    fs::create_dir_all(&logs).map_err(|err| format!("{}: {err}", logs.display()))?;
    // The snippets' venvs have no pip of their own: one venv's pip installs into
    // each (`pip --python`), which spares ensurepip's ten seconds per venv.
    install(
        "preparing a Python venv",
        Command::new("python3")
            .args(["-m", "venv", "--without-pip"])
            .arg(&venv),
        &logs,
    )?;
    if !packages.0.is_empty() {
        let pip = pip(root)?;
        install(
            &format!(
                "installing {} from PyPI (pinned by tests/conformance/requirements.txt)",
                packages.0.join(" ")
            ),
            Command::new(&pip)
                .args(["-m", "pip", "--python"])
                .arg(&python)
                .args(["install", "--quiet", "--disable-pip-version-check", "-c"])
                .arg(&requirements)
                .args(&packages.0),
            &logs,
        )?;
    }
    stamp(&venv, &wanted)?;
    Ok(python)
}

/// The python of the venv holding exactly `names`, for tests outside the suite that
/// run a client as the suite does.
pub(crate) fn python_with(root: &Path, names: &[&str]) -> Result<PathBuf, String> {
    let mut names: Vec<String> = names.iter().map(|name| (*name).to_owned()).collect();
    names.sort();
    python(root, &Packages(names))
}

/// The python of the venv whose pip installs the snippets' packages.
fn pip(root: &Path) -> Result<PathBuf, String> {
    let venv = base(root).join("venvs/.pip");
    let python = venv.join("bin/python");
    if installed(&venv, "pip") && python.exists() {
        return Ok(python);
    }
    let _ = fs::remove_dir_all(&venv);
    install(
        "preparing the Python venv whose pip installs the others",
        Command::new("python3").arg("-m").arg("venv").arg(&venv),
        &base(root),
    )?;
    stamp(&venv, "pip")?;
    Ok(python)
}

/// The folder of the Node package set `packages` under `node_sets`: its
/// `node_modules` links only those packages of the `npm ci` install, so a snippet
/// in its `snippets/` resolves what it declares and nothing else (Node follows a
/// linked package to its real folder for the package's own dependencies).
pub(super) fn node_set(
    installed: &Path,
    node_sets: &Path,
    packages: &Packages,
) -> Result<PathBuf, String> {
    let dir = node_sets.join(packages.key());
    let modules = dir.join("node_modules");
    let _ = fs::remove_dir_all(&modules);
    for name in &packages.0 {
        let target = installed.join("node_modules").join(name);
        if !target.is_dir() {
            return Err(format!(
                "{name} is not in tests/conformance/package.json: npm ci did not install it"
            ));
        }
        let link = modules.join(name);
        if let Some(parent) = link.parent() {
            fs::create_dir_all(parent).map_err(|err| format!("{}: {err}", parent.display()))?;
        }
        std::os::unix::fs::symlink(&target, &link)
            .map_err(|err| format!("{}: {err}", link.display()))?;
    }
    Ok(dir)
}

/// The folder holding `node_modules/@huggingface/inference`, after `npm ci` when the
/// lock file changed. JS snippets are written there so that the import resolves.
pub(crate) fn node(root: &Path) -> Result<PathBuf, String> {
    let _installing = one_install_at_a_time();
    let dir = base(root).join("node");
    let mut wanted = String::new();
    fs::create_dir_all(&dir).map_err(|err| format!("{}: {err}", dir.display()))?;
    for file in ["package.json", "package-lock.json"] {
        let text = read(&root.join("tests/conformance").join(file))?;
        fs::write(dir.join(file), &text).map_err(|err| format!("{file}: {err}"))?;
        wanted.push_str(&text);
    }
    if installed(&dir, &wanted) && dir.join("node_modules/@huggingface/inference").is_dir() {
        return Ok(dir);
    }
    install(
        "installing the npm packages of tests/conformance/package-lock.json",
        Command::new("npm").args(["ci", "--no-audit", "--no-fund", "--loglevel=error"]),
        &dir,
    )?;
    stamp(&dir, &wanted)?;
    Ok(dir)
}

/// The suite and the proxy's tests run in one process and share the installs: one
/// at a time, or two would rebuild the same venv at once.
fn one_install_at_a_time() -> MutexGuard<'static, ()> {
    static INSTALLS: Mutex<()> = Mutex::new(());
    INSTALLS.lock().unwrap_or_else(|poison| poison.into_inner())
}

fn install(what: &str, command: &mut Command, dir: &Path) -> Result<(), String> {
    eprintln!("conformance: {what} (once; kept under target/conformance)");
    let outcome = run(command, dir, "install", INSTALL_TIMEOUT);
    if outcome.success() {
        Ok(())
    } else {
        Err(format!(
            "{what} failed: {}{}",
            outcome.failure(INSTALL_TIMEOUT),
            advice(what)
        ))
    }
}

/// What to do when `what` fails for want of a system package.
pub(crate) fn advice(what: &str) -> &'static str {
    if what.contains("venv") {
        " (on Debian, venv needs the package python3-venv: apt-get install python3-venv)"
    } else {
        ""
    }
}

fn installed(dir: &Path, wanted: &str) -> bool {
    fs::read_to_string(dir.join(".installed-from")).is_ok_and(|text| text == wanted)
}

fn stamp(dir: &Path, wanted: &str) -> Result<(), String> {
    fs::write(dir.join(".installed-from"), wanted).map_err(|err| format!("stamp: {err}"))
}

pub(super) fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|err| format!("{}: {err}", path.display()))
}

/// Writes `text` unless the file already holds it; true when it wrote.
pub(super) fn write_if_changed(path: &Path, text: &str) -> Result<bool, String> {
    if fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(false);
    }
    fs::write(path, text).map_err(|err| format!("{}: {err}", path.display()))?;
    Ok(true)
}
