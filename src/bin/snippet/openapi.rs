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
use crate::convert::in_option;
use crate::output::failed;
use crate::report::Reporter;

/// Exit codes: 0 done (or up to date), 1 drift (`--check`), 2 bad input. With
/// several documents (`--check`, `--write`: a pre-commit hook passes every file of a
/// commit), each in turn, past one that fails; the worst code.
pub(crate) fn run(args: &OpenApi, reporter: &Reporter) -> ExitCode {
    if args.specs.len() > 1 && (args.overlay.is_some() || !(args.check || args.write)) {
        let message =
            "an overlay is for one document: give one SPEC, or --check or --write several";
        reporter.emit(&Diagnostic::error(Code::Usage, message));
        return ExitCode::from(2);
    }
    let mut worst = 0;
    for spec in &args.specs {
        let code = match samples(args, spec).and_then(|samples| act(args, spec, &samples, reporter))
        {
            Ok(code) => code,
            Err(err) => {
                reporter.emit(err.diagnostic());
                2
            }
        };
        worst = worst.max(code);
    }
    ExitCode::from(worst)
}

/// The document read and its samples rendered, its notes not yet reported.
fn samples(args: &OpenApi, spec: &str) -> Result<Samples, Error> {
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
    let text = read_text(Path::new(spec))?;
    openapi_samples(&text, spec, &options)
}

/// What the arguments ask of one document: its exit code.
fn act(args: &OpenApi, spec: &str, samples: &Samples, reporter: &Reporter) -> Result<u8, Error> {
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
            .map_or_else(|| spec.to_owned(), |path| path.display().to_string());
        report_drifts(&drifts, &origin, reporter, &mut stdout);
        return Ok(u8::from(!drifts.is_empty()));
    }
    let count = samples
        .operations
        .iter()
        .filter(|o| !o.samples.is_empty())
        .count();
    if args.write {
        let text = samples.written()?;
        let path = Path::new(spec);
        if read_text(path)? != text {
            write_atomic(path, text.as_bytes()).map_err(|err| failed(path, &err.to_string()))?;
            eprintln!(
                "snippet: {spec}: wrote the samples of {}",
                operations(count)
            );
        }
        return Ok(0);
    }
    match &args.overlay {
        Some(path) => {
            let yaml = match path.extension().and_then(|e| e.to_str()) {
                Some("json") => false,
                Some("yaml" | "yml") => true,
                _ => samples.is_yaml(),
            };
            write_atomic(path, samples.overlay(yaml).as_bytes())
                .map_err(|err| failed(path, &err.to_string()))?;
            eprintln!(
                "snippet: {}: an overlay with the samples of {}",
                path.display(),
                operations(count)
            );
        }
        None => {
            let _ = stdout.write_all(samples.overlay(samples.is_yaml()).as_bytes());
        }
    }
    Ok(0)
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

fn operations(count: usize) -> String {
    match count {
        1 => "1 operation".to_owned(),
        count => format!("{count} operations"),
    }
}
