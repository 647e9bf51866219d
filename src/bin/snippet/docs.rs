//! `snippet docs check|write|lint`: the library's docs functions over files and
//! directories, with atomic writes and the documented exit codes.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use inference_snippets::{Error, Severity, docs};

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
    let files = match docs::markdown_files(paths) {
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
    if let Mode::Lint(options) = mode {
        for finding in docs::lint_file(file)? {
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
    let updated = docs::update_file(file)?;
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
            docs::write_file(file, &updated)?;
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
