//! `snippet`: the command line over the library. Parses arguments, prints, maps
//! errors to exit codes (0 ok, 2 bad input or usage).

mod cli;
mod docs_command;
mod run;
mod text;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    if let Some(cli::Command::Docs { action }) = &args.command {
        return docs_command::run(action);
    }
    match run::run(&args) {
        Ok(output) => {
            for warning in &output.warnings {
                eprintln!("snippet: warning: {warning}");
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
        Err(run::Failure::Input(err)) => {
            eprintln!("snippet: {err}");
            ExitCode::from(err.code())
        }
        Err(run::Failure::Strict(warnings)) => {
            for warning in &warnings {
                eprintln!("snippet: {warning} (an error under --strict)");
            }
            ExitCode::from(2)
        }
    }
}
