//! `snippet docs check|write|lint`: the library's docs functions over files and
//! directories, with atomic writes and the documented exit codes.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use inference_snippets::docs;

use crate::cli::Docs;

/// Exit codes: 0 all good, 1 drift or findings, 2 malformed input.
pub(crate) fn run(action: &Docs) -> ExitCode {
    let (paths, mode) = match action {
        Docs::Check { paths } => (paths, Mode::Check),
        Docs::Write { paths } => (paths, Mode::Write),
        Docs::Lint { paths } => (paths, Mode::Lint),
    };
    let mut status = Status::default();
    let files = match markdown_files(paths) {
        Ok(files) => files,
        Err(message) => {
            eprintln!("snippet: {message}");
            return ExitCode::from(2);
        }
    };
    let mut stdout = std::io::stdout().lock();
    for file in files {
        if let Err(message) = one(&file, mode, &mut status, &mut stdout) {
            eprintln!("snippet: {message}");
            status.malformed = true;
        }
    }
    if status.malformed {
        ExitCode::from(2)
    } else if status.problems {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Check,
    Write,
    Lint,
}

#[derive(Default)]
struct Status {
    malformed: bool,
    /// Drift (check) or findings (lint).
    problems: bool,
}

fn one(file: &Path, mode: Mode, status: &mut Status, out: &mut impl Write) -> Result<(), String> {
    let name = file.display().to_string();
    let bytes = fs::read(file).map_err(|err| format!("{name}: {err}"))?;
    let text = crate::text::decode(bytes)
        .map_err(|(line, column)| format!("{name}:{line}:{column}: {}", crate::text::NOT_UTF8))?;
    if mode == Mode::Lint {
        for finding in docs::lint(&text) {
            let _ = writeln!(
                out,
                "{name}:{}:{}: {}",
                finding.line, finding.column, finding.message
            );
            status.problems = true;
        }
        return Ok(());
    }
    let base = file.parent().unwrap_or(Path::new("."));
    let updated = docs::update(&text, &name, base).map_err(|err| err.to_string())?;
    for warning in &updated.warnings {
        eprintln!("snippet: warning: {warning}");
    }
    match mode {
        Mode::Check => {
            for drift in &updated.drifts {
                let _ = writeln!(out, "{name}:{}: region is out of date", drift.line);
                let _ = write!(out, "{}", drift.diff);
                status.problems = true;
            }
        }
        Mode::Write if updated.drifts.is_empty() => {}
        Mode::Write => {
            write_atomic(file, updated.text.as_bytes()).map_err(|err| format!("{name}: {err}"))?;
            for drift in &updated.drifts {
                let _ = writeln!(out, "{name}:{}: region updated", drift.updated_line);
            }
        }
        Mode::Lint => {}
    }
    Ok(())
}

/// Replaces `path` by a temporary file renamed over it: a reader (or a crash)
/// sees the old file or the new one, never half of one.
fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.snippet-{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::set_permissions(&temp, fs::metadata(path)?.permissions())?;
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// The files given, and the .md / .mdx files under the directories given, sorted.
fn markdown_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in paths {
        let metadata = fs::metadata(path).map_err(|err| format!("{}: {err}", path.display()))?;
        if metadata.is_dir() {
            walk(path, &mut files).map_err(|err| format!("{}: {err}", path.display()))?;
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)?
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        let file_type = fs::symlink_metadata(&path)?.file_type();
        if file_type.is_dir() {
            walk(&path, files)?;
        } else if file_type.is_file() && path.extension().is_some_and(|e| e == "md" || e == "mdx") {
            files.push(path);
        }
    }
    Ok(())
}
