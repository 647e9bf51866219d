//! How much a finding of a published curl command matters to a docs maintainer.
//! The parser's severities are about converting a command; a page's reader cares
//! whether the command works as pasted.

use super::command::Prompt;
use crate::curl::Shell;
use crate::diagnostic::{Code, Diagnostic, Place, Severity};

/// The lint severity of a problem the parser could not get past. Only curl's own
/// failures and shell syntax errors break the command; the rest is what the
/// converter cannot reproduce, worth a note.
pub(super) fn of_error(mut finding: Diagnostic) -> Diagnostic {
    finding.severity = match finding.code {
        Code::Unterminated
        | Code::UnknownOption
        | Code::MissingValue
        | Code::InvalidOptionValue
        | Code::ConflictingBodies
        | Code::NulByte
        | Code::MissingRedirectTarget
        | Code::NotUtf8
        | Code::MissingUrl => Severity::Error,
        _ => Severity::Note,
    };
    finding
}

/// The lint severity of a parser warning or note, worded for a page's reader
/// where the converter's words do not fit.
pub(super) fn of_warning(mut finding: Diagnostic, shell: Shell) -> Diagnostic {
    finding.severity = match finding.code {
        Code::DanglingContinuation => {
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
            Severity::Error
        }
        Code::Insecure => {
            finding.message =
                "-k (--insecure) turns off TLS certificate checks for everyone who copies the command".into();
            finding.hints.clear();
            finding = finding.advice("remove it unless the page is about a self-signed server");
            Severity::Warning
        }
        // Likely mistakes: the command does something other than it seems to.
        Code::LiteralVariable
        | Code::JsonSentAsForm
        | Code::GetWithBody
        | Code::Repaired
        | Code::HeaderWithoutColon
        | Code::MisplacedEncoding => Severity::Warning,
        _ => Severity::Note,
    };
    finding
}

/// A prompt before curl: a note when doc-builder's copy button strips it, else an
/// error, since the shell would run it.
pub(super) fn prompt(prompt: &Prompt, at: Place) -> Diagnostic {
    if prompt.stripped_on_copy {
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
    }
}
