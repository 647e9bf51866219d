//! `snippet docs check|write|lint`: the library's docs functions over files and
//! directories, with atomic writes and the documented exit codes.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use inference_snippets::{Code, Diagnostic, Error, Severity, docs};

use crate::cli::Docs;
use crate::report::Reporter;

/// Exit codes: 0 all good, 1 drift or lint errors, 2 malformed input.
pub(crate) fn run(action: &Docs, reporter: &Reporter) -> ExitCode {
    let (paths, mode) = match action {
        Docs::Check { paths } => (paths, Mode::Check),
        Docs::Write { paths } => (paths, Mode::Write),
        Docs::Lint {
            paths,
            notes,
            strict,
        } => (
            paths,
            Mode::Lint(LintOptions {
                notes: *notes,
                strict: *strict,
            }),
        ),
    };
    let mut status = Status::default();
    let files = match markdown_files(paths) {
        Ok(files) => files,
        Err(err) => {
            reporter.emit(err.diagnostic());
            return ExitCode::from(2);
        }
    };
    let mut stdout = std::io::stdout().lock();
    for file in &files {
        if let Err(err) = one(file, mode, &mut status, reporter, &mut stdout) {
            reporter.emit(err.diagnostic());
            status.malformed = true;
        }
    }
    if let Mode::Lint(options) = mode {
        summary(&status.counts, files.len(), options, reporter, &mut stdout);
        let counts = &status.counts;
        status.problems = counts.errors > 0 || (options.strict && counts.warnings > 0);
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
    Lint(LintOptions),
}

#[derive(Clone, Copy, PartialEq, Eq)]
struct LintOptions {
    /// Show notes too.
    notes: bool,
    /// Warnings fail the run.
    strict: bool,
}

#[derive(Default)]
struct Status {
    malformed: bool,
    /// Drift (check).
    problems: bool,
    /// Findings of lint, by severity.
    counts: Counts,
}

#[derive(Default)]
struct Counts {
    errors: usize,
    warnings: usize,
    notes: usize,
}

/// `N errors, M warnings, K notes in F files`, after lint's findings.
fn summary(
    counts: &Counts,
    files: usize,
    options: LintOptions,
    reporter: &Reporter,
    out: &mut impl Write,
) {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if reporter.is_json() {
        let summary = serde_json::json!({"summary": {
            "errors": counts.errors, "warnings": counts.warnings, "notes": counts.notes, "files": files,
        }});
        let _ = writeln!(out, "{summary}");
        return;
    }
    let hidden = if options.notes || counts.notes == 0 {
        ""
    } else {
        " (--notes shows the notes)"
    };
    let _ = writeln!(
        out,
        "{}, {}, {} in {}{hidden}",
        plural(counts.errors, "error"),
        plural(counts.warnings, "warning"),
        plural(counts.notes, "note"),
        plural(files, "file"),
    );
}

/// One page. The report (findings, drift with its diff, updates) goes to `out`;
/// in JSON, findings and drift are diagnostics on standard error instead, and
/// the diffs stay on `out`.
fn one(
    file: &Path,
    mode: Mode,
    status: &mut Status,
    reporter: &Reporter,
    out: &mut impl Write,
) -> Result<(), Error> {
    let name = file.display().to_string();
    let bytes = fs::read(file).map_err(|err| read_failed(&name, &err))?;
    let text = crate::text::decode(bytes, &name)?;
    if let Mode::Lint(options) = mode {
        for finding in docs::lint(&text, &name) {
            let counts = &mut status.counts;
            match finding.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                _ => counts.notes += 1,
            }
            if finding.severity == Severity::Note && !options.notes {
                continue;
            }
            if reporter.is_json() {
                reporter.emit(&finding);
            } else {
                let _ = writeln!(out, "{}", reporter.finding(&finding));
            }
        }
        return Ok(());
    }
    let base = file.parent().unwrap_or(Path::new("."));
    let updated = docs::update(&text, &name, base)?;
    for warning in &updated.warnings {
        reporter.emit(warning);
    }
    match mode {
        Mode::Check => {
            for drift in &updated.drifts {
                if reporter.is_json() {
                    reporter.emit(&drift.diagnostic(&name));
                } else {
                    let _ = writeln!(out, "{name}:{}: region is out of date", drift.at);
                }
                let _ = write!(out, "{}", drift.diff);
                status.problems = true;
            }
        }
        Mode::Write if updated.drifts.is_empty() => {}
        Mode::Write => {
            crate::output::write_atomic(file, updated.text.as_bytes())
                .map_err(|err| read_failed(&name, &err))?;
            for drift in &updated.drifts {
                let _ = writeln!(
                    out,
                    "{name}:{}:{}: region updated",
                    drift.updated_line, drift.at.column
                );
            }
        }
        Mode::Lint(_) => {}
    }
    Ok(())
}

fn read_failed(name: &str, err: &std::io::Error) -> Error {
    Diagnostic::error(Code::ReadFailed, err.to_string())
        .in_source(name)
        .into()
}

/// The files given, and the .md / .mdx files under the directories given (the
/// current directory when none is), sorted. A directory is searched as a repository's
/// tools would: without `.git`, `target` and `node_modules`, and without what
/// `.gitignore` files ignore.
fn markdown_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let current = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &current[..]
    } else {
        paths
    };
    let mut files = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        let metadata = fs::metadata(path).map_err(|err| read_failed(&name, &err))?;
        if metadata.is_dir() {
            walk(path, &mut files).map_err(|err| {
                Error::from(Diagnostic::error(Code::ReadFailed, err.to_string()).in_source(name))
            })?;
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), ignore::Error> {
    let walker = ignore::WalkBuilder::new(dir)
        // Docs live in hidden folders too (`.github/`); only `.git` is skipped.
        .hidden(false)
        // A .gitignore means what it says even before `git init`.
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(|entry| {
            let skipped = [".git", "target", "node_modules"];
            !(entry.file_type().is_some_and(|kind| kind.is_dir())
                && entry.depth() > 0
                && skipped.iter().any(|name| entry.file_name() == *name))
        })
        .build();
    for entry in walker {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type().is_some_and(|kind| kind.is_file())
            && path.extension().is_some_and(|e| e == "md" || e == "mdx")
        {
            files.push(path.to_path_buf());
        }
    }
    Ok(())
}
