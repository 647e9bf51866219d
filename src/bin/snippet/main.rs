//! `snippet`: the command line over the library. Parses arguments, prints, maps
//! problems to exit codes (0 ok, 1 drift or findings, 2 bad input or usage).

mod cli;
mod convert;
mod docs;
mod manual;
mod mdbook;
mod openapi;
mod output;
mod report;
mod usage;
#[cfg(feature = "proxy")]
mod verify;

use std::io::Write;
use std::process::ExitCode;

use inference_snippets::LeftOut;
use report::Reporter;

fn main() -> ExitCode {
    let args = match cli::Args::from_env() {
        Ok(args) => args,
        Err(usage) => {
            let format = if cli::Args::json_requested() {
                report::MessageFormat::Json
            } else {
                report::MessageFormat::Human
            };
            Reporter::converter(format).emit(usage.diagnostic());
            return ExitCode::from(2);
        }
    };
    if let Some(cli::Command::Docs { action }) = &args.command {
        return docs::run(action, &Reporter::docs(args.message_format));
    }
    if let Some(cli::Command::Mdbook(mdbook)) = &args.command {
        return mdbook::run(mdbook, &Reporter::docs(args.message_format));
    }
    if let Some(cli::Command::Completions { shell }) = &args.command {
        return manual::completions(*shell);
    }
    #[cfg(feature = "proxy")]
    if let Some(cli::Command::Verify(verify)) = &args.command {
        return verify::run(verify, &Reporter::converter(args.message_format));
    }
    if let Some(cli::Command::OpenApi(openapi)) = &args.command {
        return openapi::run(openapi, &Reporter::converter(args.message_format));
    }
    if let Some(cli::Command::Man) = &args.command {
        return manual::man();
    }
    let reporter = Reporter::converter(args.message_format);
    match convert::run(&args) {
        Ok(output) => {
            for warning in &output.warnings {
                reporter.emit(warning);
            }
            // One line for people; a note per client for tools.
            if reporter.is_json() {
                for left in &output.left_out {
                    reporter.emit(&left.note);
                }
            } else if let Some(note) = LeftOut::summary(&output.left_out) {
                reporter.emit(&note);
            }
            if let Some(path) = &args.output {
                let files = output::files(path, &output.text, output.snippets.as_deref());
                return match output::write(&files, args.force) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(err) => {
                        reporter.emit(err.diagnostic());
                        ExitCode::from(2)
                    }
                };
            }
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(output.text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                // A closed pipe (`snippet ... | head`) is the reader's choice, not a failure.
                Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("snippet: {err}");
                    ExitCode::FAILURE
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(convert::Failure::Input(err)) => {
            // What was worked around before the reading stopped, as beside a result.
            for warning in err.warnings() {
                reporter.emit(warning);
            }
            reporter.emit(err.diagnostic());
            ExitCode::from(2)
        }
        Err(convert::Failure::Strict(warnings)) => {
            for warning in &warnings {
                reporter.emit_strict(warning);
            }
            ExitCode::from(2)
        }
    }
}
