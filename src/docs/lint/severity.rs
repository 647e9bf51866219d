//! How much a finding of a published curl command matters to a docs maintainer.
//! The parser's severities are about converting a command; a page's reader cares
//! whether the command works as pasted. Each code declares its lint severity in
//! the code table (`src/diagnostic/code.rs`); this module applies it, and words a
//! finding for a page's reader where the converter's words do not fit.

use super::command::Prompt;
use crate::curl::Shell;
use crate::diagnostic::{Code, Diagnostic, Place, Severity};

/// A problem the parser could not get past, with its code's lint severity when
/// the reading of the command stops there.
pub(super) fn of_error(mut finding: Diagnostic) -> Diagnostic {
    finding.severity = finding.code.lint_severity(Severity::Error);
    finding
}

/// A parser warning or note, with its code's lint severity when the reading of
/// the command goes on, worded for a page's reader where the converter's words do
/// not fit.
pub(super) fn of_warning(mut finding: Diagnostic, shell: Shell) -> Diagnostic {
    if finding.code == Code::DanglingContinuation {
        let character = match shell {
            Shell::Bash => "backslash",
            Shell::PowerShell => "backtick",
            Shell::Cmd => "caret",
        };
        finding.message = format!(
            "{character} at the end of the command continues it onto a line that is not there: pasted, the shell waits for more"
        );
        finding.hints.clear();
        finding = finding.advice(format!("remove the last {character}"));
    } else if finding.code == Code::Insecure {
        finding.message =
            "-k (--insecure) turns off TLS certificate checks for everyone who copies the command"
                .into();
        finding.hints.clear();
        finding = finding.advice("remove it unless the page is about a self-signed server");
    }
    own(finding)
}

/// A finding of lint's own (a prompt, a published token, a suppression comment
/// naming no code) or a parser warning: its code's lint severity when the reading
/// of the command goes on, whatever severity it was built with.
pub(super) fn own(mut finding: Diagnostic) -> Diagnostic {
    finding.severity = finding.code.lint_severity(Severity::Warning);
    finding
}

/// A prompt before curl: `prompt` (a note) when doc-builder's copy button strips
/// it, else `shell-prompt` (an error), since the shell would run it.
pub(super) fn prompt(prompt: &Prompt, at: Place) -> Diagnostic {
    let finding = if prompt.stripped_on_copy {
        Diagnostic::note(
            Code::Prompt,
            format!(
                "prompt `{}` before curl (the copy button leaves it out)",
                prompt.text
            ),
        )
        .at(at)
    } else {
        Diagnostic::error(
            Code::ShellPrompt,
            format!(
                "prompt `{}` before curl: pasted, the shell runs it as a command",
                prompt.text
            ),
        )
        .at(at)
        .advice("remove it, or write `$ ` which copy buttons leave out")
    };
    own(finding)
}
