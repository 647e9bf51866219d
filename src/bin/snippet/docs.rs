//! `snippet docs check|write|lint`: the library's pages, reported one by one (going
//! on past a page that fails), with the documented exit codes.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use inference_snippets::{Error, Severity, docs};

use crate::cli::Docs;
use crate::report::Reporter;

/// Exit codes: 0 all good, 1 drift or lint errors, 2 malformed input.
pub(crate) fn run(action: &Docs, reporter: &Reporter) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    let status = match action {
        Docs::Check { paths } => update(paths, false, reporter, &mut stdout),
        Docs::Write { paths } => update(paths, true, reporter, &mut stdout),
        Docs::Lint {
            paths,
            notes,
            strict,
        } => {
            let options = LintOptions {
                notes: *notes,
                strict: *strict,
            };
            lint(paths, options, reporter, &mut stdout)
        }
    };
    if status.malformed {
        ExitCode::from(2)
    } else if status.problems {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
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
    /// Drift (check), lint errors (or warnings, strict).
    problems: bool,
}

impl Status {
    /// Reports `err`, after the warnings found before it, which makes the run's input
    /// malformed.
    fn failed(&mut self, err: &Error, reporter: &Reporter) {
        for warning in err.warnings() {
            reporter.emit(warning);
        }
        reporter.emit(err.diagnostic());
        self.malformed = true;
    }
}

#[derive(Default)]
struct Counts {
    errors: usize,
    warnings: usize,
    notes: usize,
}

/// `check` (`write` false) or `write` of the pages of `paths`. The report (drift
/// with its diff, updates) goes to `out`; in JSON, drift is a diagnostic on
/// standard error instead, and the diffs stay on `out`.
fn update(paths: &[PathBuf], write: bool, reporter: &Reporter, out: &mut impl Write) -> Status {
    let mut status = Status::default();
    let pages = match docs::pages(paths) {
        Ok(pages) => pages,
        Err(err) => {
            status.failed(&err, reporter);
            return status;
        }
    };
    for page in pages {
        let reported = page.and_then(|page| {
            for warning in &page.updated.warnings {
                reporter.emit(warning);
            }
            if write {
                written(&page, out)
            } else {
                status.problems |= drifted(&page, reporter, out);
                Ok(())
            }
        });
        if let Err(err) = reported {
            status.failed(&err, reporter);
        }
    }
    status
}

/// Reports the drifted regions of `page`; whether there were any.
fn drifted(page: &docs::Page, reporter: &Reporter, out: &mut impl Write) -> bool {
    let name = page.path.display().to_string();
    for drift in &page.updated.drifts {
        if reporter.is_json() {
            reporter.emit(&drift.diagnostic(&name));
        } else {
            let _ = writeln!(out, "{name}:{}: region is out of date", drift.at);
        }
        let _ = write!(out, "{}", drift.diff);
    }
    !page.updated.drifts.is_empty()
}

/// Writes `page` when it drifted, and says which regions it updated.
fn written(page: &docs::Page, out: &mut impl Write) -> Result<(), Error> {
    if page.write()? {
        let name = page.path.display();
        for drift in &page.updated.drifts {
            let (line, column) = (drift.updated_line, drift.at.column);
            let _ = writeln!(out, "{name}:{line}:{column}: region updated");
        }
    }
    Ok(())
}

/// `lint` of the pages of `paths`: each finding on `out` (on standard error in
/// JSON), notes only with `--notes`, then the summary.
fn lint(
    paths: &[PathBuf],
    options: LintOptions,
    reporter: &Reporter,
    out: &mut impl Write,
) -> Status {
    let mut status = Status::default();
    let pages = match docs::lint_pages(paths) {
        Ok(pages) => pages,
        Err(err) => {
            status.failed(&err, reporter);
            return status;
        }
    };
    let files = pages.len();
    let mut counts = Counts::default();
    for findings in pages {
        let findings = match findings {
            Ok(findings) => findings,
            Err(err) => {
                status.failed(&err, reporter);
                continue;
            }
        };
        for finding in findings {
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
    }
    summary(&counts, files, options, reporter, out);
    status.problems = counts.errors > 0 || (options.strict && counts.warnings > 0);
    status
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
