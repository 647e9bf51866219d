//! `snippet openapi SPEC`: the code samples of every operation, as an overlay (on
//! standard output or in a file), written into the spec, or checked against either.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use inference_snippets::{
    Argument, Code, Diagnostic, Error, OpenApiOptions, SampleDrift, SampleOptions, Samples,
    openapi_samples, read_text, write_atomic,
};

use crate::cli::OpenApi;
use crate::report::Reporter;

/// Exit codes: 0 done (or up to date), 1 drift (`--check`), 2 bad input.
pub(crate) fn run(args: &OpenApi, reporter: &Reporter) -> ExitCode {
    match samples(args).and_then(|samples| act(args, &samples, reporter)) {
        Ok(status) => status,
        Err(err) => {
            reporter.emit(err.diagnostic());
            ExitCode::from(2)
        }
    }
}

/// The document read and its samples rendered, its notes not yet reported.
fn samples(args: &OpenApi) -> Result<Samples, Error> {
    let clients: Vec<&str> = args.clients.iter().map(String::as_str).collect();
    let languages: Vec<&str> = args.langs.iter().map(String::as_str).collect();
    let mut options =
        SampleOptions::named(&clients, &languages, args.lang_style.name()).map_err(|err| {
            let option = match err.diagnostic().argument {
                Some(Argument::Language) => "--lang",
                _ => "--client",
            };
            in_option(err, option)
        })?;
    let mut read = OpenApiOptions::default();
    read.server.clone_from(&args.server);
    read.example.clone_from(&args.example);
    read.token_env.clone_from(&args.token_env);
    options.read = read;
    let text = read_text(Path::new(&args.spec))?;
    openapi_samples(&text, &args.spec, &options)
}

fn act(args: &OpenApi, samples: &Samples, reporter: &Reporter) -> Result<ExitCode, Error> {
    for note in &samples.notes {
        reporter.emit(note);
    }
    let mut stdout = std::io::stdout().lock();
    if args.check {
        let drifts = match &args.overlay {
            Some(path) => {
                let text = read_text(path)?;
                samples.overlay_drifts(&text, &path.display().to_string())?
            }
            None => samples.drifts(),
        };
        let origin = args
            .overlay
            .as_ref()
            .map_or_else(|| args.spec.clone(), |path| path.display().to_string());
        report_drifts(&drifts, &origin, reporter, &mut stdout);
        return Ok(if drifts.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    let count = samples
        .operations
        .iter()
        .filter(|o| !o.samples.is_empty())
        .count();
    if args.write {
        let text = samples.written()?;
        let path = Path::new(&args.spec);
        if read_text(path)? != text {
            write_atomic(path, text.as_bytes()).map_err(|err| io_error(path, &err))?;
            eprintln!(
                "snippet: {}: wrote the samples of {count} operations",
                args.spec
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    match &args.overlay {
        Some(path) => {
            let yaml = match path.extension().and_then(|e| e.to_str()) {
                Some("json") => false,
                Some("yaml" | "yml") => true,
                _ => samples.is_yaml(),
            };
            write_atomic(path, samples.overlay(yaml).as_bytes())
                .map_err(|err| io_error(path, &err))?;
            eprintln!(
                "snippet: {}: an overlay with the samples of {count} operations",
                path.display()
            );
        }
        None => {
            let _ = stdout.write_all(samples.overlay(samples.is_yaml()).as_bytes());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Each drift: a line naming the operation and its diff on `out`; in JSON, the drift
/// is a diagnostic on standard error and the diffs stay on `out`.
fn report_drifts(drifts: &[SampleDrift], origin: &str, reporter: &Reporter, out: &mut impl Write) {
    for drift in drifts {
        let diagnostic = drift.diagnostic(origin);
        if reporter.is_json() {
            reporter.emit(&diagnostic);
        } else {
            let _ = writeln!(out, "{}", reporter.text(&diagnostic));
        }
        let _ = write!(out, "{}", drift.diff);
    }
}

fn in_option(err: Error, option: &str) -> Error {
    err.into_diagnostic().in_source(option).into()
}

fn io_error(path: &Path, err: &std::io::Error) -> Error {
    Diagnostic::error(
        Code::ReadFailed,
        format!("cannot write {}: {err}", path.display()),
    )
    .into()
}
