//! `snippet completions SHELL` and `snippet man`: both generated from the clap
//! definition, so they cannot drift from the options the binary takes.

use std::io::Write;
use std::process::ExitCode;

use clap_complete::Shell;

use crate::cli::Args;

/// Writes the completion script for `shell` to standard output.
pub(crate) fn completions(shell: Shell) -> ExitCode {
    let mut command = Args::full();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "snippet", &mut out);
    print(&out)
}

/// Writes the man page (roff) of `snippet` and its subcommands to standard output.
pub(crate) fn man() -> ExitCode {
    let command = Args::full();
    let mut out = Vec::new();
    let rendered = clap_mangen::Man::new(command.clone())
        .render(&mut out)
        .and_then(|()| {
            // One page: the subcommands' sections follow the main one.
            for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
                // The process ends right after: a leaked name costs nothing.
                let name: &'static str =
                    Box::leak(format!("snippet-{}", sub.get_name()).into_boxed_str());
                clap_mangen::Man::new(sub.clone().name(name)).render(&mut out)?;
            }
            Ok(())
        });
    match rendered {
        Ok(()) => print(&out),
        Err(err) => {
            eprintln!("snippet: cannot write the man page: {err}");
            ExitCode::FAILURE
        }
    }
}

fn print(bytes: &[u8]) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("snippet: {err}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}
