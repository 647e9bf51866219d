//! `snippet verify [PATHS]`: every tab group with a curl block, and every region, of
//! the pages run through the library's verifier; findings and a summary per
//! language on standard output; exit 1 when a block differs (or, `--strict`, when one
//! was not verified), 2 when a page or an argument cannot be read.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use inference_snippets::verify::{Options, PageReport, Summary, Verifier, setup};
use inference_snippets::{Code, Diagnostic, docs, read_text};

use crate::cli::Verify;
use crate::report::Reporter;

/// Runs `snippet verify`.
pub(crate) fn run(args: &Verify, reporter: &Reporter) -> ExitCode {
    let cache = args.cache.clone().unwrap_or_else(default_cache);
    let path = std::env::var_os("PATH").unwrap_or_else(|| OsString::from("/usr/bin:/bin"));
    let build_env = inference_snippets::verify::build_env(std::env::vars_os());
    let mut out = std::io::stdout().lock();
    if args.setup {
        return match setup(&cache, &path, &build_env, waiting) {
            Ok(done) => {
                for line in done {
                    let _ = writeln!(out, "{line}");
                }
                ExitCode::SUCCESS
            }
            Err(err) => {
                reporter.emit(
                    &Diagnostic::error(Code::NotVerified, format!("setup failed: {err}"))
                        .in_source(cache.display().to_string()),
                );
                ExitCode::from(2)
            }
        };
    }
    let work = cache.join("runs").join(std::process::id().to_string());
    let mut options = Options::new(cache.clone(), work.clone(), path);
    options.bounds.timeout = Duration::from_secs(args.timeout);
    options.keep = args.keep;
    options.isolate = !args.no_isolation;
    options.build_env = build_env;
    options.waiting = waiting;
    let verifier = match Verifier::new(options) {
        Ok(verifier) => verifier,
        Err(err) => {
            reporter.emit(
                &Diagnostic::error(Code::NotVerified, format!("cannot start the proxy: {err}"))
                    .in_source(work.display().to_string()),
            );
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    let mut summary = Summary::default();
    let mut malformed = false;
    // Each page is reported as soon as it is verified.
    let report = |page: &PageReport, summary: &mut Summary, out: &mut std::io::StdoutLock<'_>| {
        summary.add(page);
        for diagnostic in page.diagnostics() {
            let line = if reporter.is_json() {
                reporter.json_line(diagnostic)
            } else {
                reporter.finding(diagnostic)
            };
            let _ = writeln!(out, "{line}");
        }
        // What clients asked before their call (the Hub's provider mapping) was
        // answered from the table: shown, not compared.
        for group in page
            .groups
            .iter()
            .filter(|group| !group.auxiliary.is_empty())
        {
            let line = if reporter.is_json() {
                serde_json::json!({"file": page.origin, "line": group.line, "auxiliary": group.auxiliary})
                    .to_string()
            } else {
                format!(
                    "{}:{}: answered from the table, not compared: {}",
                    page.origin,
                    group.line,
                    group.auxiliary.join(", ")
                )
            };
            let _ = writeln!(out, "{line}");
        }
        let _ = out.flush();
        !page.problems.is_empty()
    };
    if let Some(curl) = &args.curl {
        let [snippet] = args.paths.as_slice() else {
            reporter.emit(
                &Diagnostic::error(
                    Code::Usage,
                    "--curl FILE takes one snippet file: snippet verify --curl FILE SNIPPET_FILE",
                )
                .in_source("--curl"),
            );
            return ExitCode::from(2);
        };
        match (read_text(curl), read_text(snippet)) {
            (Ok(curl), Ok(text)) => {
                let page = verifier.pair(&curl, &text, &snippet.display().to_string());
                malformed |= report(&page, &mut summary, &mut out);
            }
            (Err(err), _) | (_, Err(err)) => {
                reporter.emit(err.diagnostic());
                return ExitCode::from(2);
            }
        }
    } else {
        let files = match docs::markdown_files(&args.paths) {
            Ok(files) => files,
            Err(err) => {
                reporter.emit(err.diagnostic());
                return ExitCode::from(2);
            }
        };
        for file in files {
            match read_text(&file) {
                Ok(text) => {
                    let base = file.parent().unwrap_or(Path::new("."));
                    let page = verifier.page(&text, &file.display().to_string(), base);
                    malformed |= report(&page, &mut summary, &mut out);
                }
                Err(err) => {
                    reporter.emit(err.diagnostic());
                    malformed = true;
                }
            }
        }
    }
    let described = verifier.describe();
    let runtimes: Vec<&str> = described["runtimes"]
        .as_array()
        .map(|list| list.iter().filter_map(|value| value.as_str()).collect())
        .unwrap_or_default();
    let seconds = started.elapsed().as_secs_f64();
    if reporter.is_json() {
        let line = serde_json::json!({
            "summary": summary.to_json(),
            "runtimes": described["runtimes"],
            "isolation": described["isolation"],
            "seconds": (seconds * 10.0).round() / 10.0,
        });
        let _ = writeln!(out, "{line}");
    } else {
        let _ = writeln!(out, "runtimes: {}", runtimes.join(", "));
        let _ = writeln!(out, "isolation: {}", verifier.isolation().describe());
        let _ = write!(out, "{}", summary.to_text());
        let _ = writeln!(out, "in {seconds:.1} s");
    }
    if !args.keep {
        let _ = std::fs::remove_dir_all(&work);
    }
    if malformed {
        ExitCode::from(2)
    } else if summary.failed(args.strict) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// What a run waiting for another process's preparation of the cache says, on
/// standard error: the wait would otherwise look like a hang.
fn waiting(what: &str) {
    eprintln!("snippet verify: {what}");
}

/// `$SNIPPET_CACHE_DIR`, else the user's cache folder (`verify::default_cache`).
fn default_cache() -> PathBuf {
    inference_snippets::verify::default_cache(
        std::env::var_os("SNIPPET_CACHE_DIR"),
        std::env::var_os("XDG_CACHE_HOME"),
        std::env::var_os("HOME"),
    )
}
