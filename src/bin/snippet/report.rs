//! Diagnostics on standard error, in the command line's words: one human line each
//! (`snippet: file:line:column: message; hint`), or one JSON object per line with
//! `--message-format json`.

use std::io::Write;

use clap::ValueEnum;
use inference_snippets::{Client, Diagnostic, Severity, Words, docs::MarkerWords};

/// How diagnostics are written, `--message-format`: every subcommand takes it, so
/// it belongs here rather than to the argument definitions that name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum MessageFormat {
    Human,
    Json,
}

/// Whether human diagnostics may use colour: standard error is a terminal and
/// `NO_COLOR` (https://no-color.org) is unset or empty.
fn colour_on_stderr() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
}

/// The command line's words for hints: its options.
pub(crate) struct CliWords;

impl Words for CliWords {
    fn use_client(&self, client: Client) -> String {
        format!("use --client {client}")
    }

    fn add_task(&self) -> String {
        "add --task TASK".to_owned()
    }

    fn add_token(&self) -> String {
        "add --token '$HF_TOKEN'".to_owned()
    }

    fn add_language(&self) -> String {
        "add --lang to say which".to_owned()
    }

    fn keep_token(&self) -> Option<String> {
        Some("pass --keep-token to keep it".to_owned())
    }
}

/// Where diagnostics go, and in which words: the converter's options, or (for
/// `docs`) the keys of a page's markers.
pub(crate) struct Reporter {
    format: MessageFormat,
    words: &'static dyn Words,
}

impl Reporter {
    /// For the converter: hints name its options.
    pub(crate) fn converter(format: MessageFormat) -> Reporter {
        Reporter {
            format,
            words: &CliWords,
        }
    }

    /// For `docs`: hints name marker keys.
    pub(crate) fn docs(format: MessageFormat) -> Reporter {
        Reporter {
            format,
            words: &MarkerWords,
        }
    }

    /// Whether diagnostics are JSON lines.
    pub(crate) fn is_json(&self) -> bool {
        self.format == MessageFormat::Json
    }

    /// Writes `diagnostic` to standard error.
    pub(crate) fn emit(&self, diagnostic: &Diagnostic) {
        let line = self.line(diagnostic, "");
        // Standard error closed: nothing left to tell anyone.
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    }

    /// Writes a warning that `--strict` turned into an error.
    pub(crate) fn emit_strict(&self, warning: &Diagnostic) {
        let mut error = warning.clone();
        error.severity = Severity::Error;
        let line = self.line(&error, " (an error under --strict)");
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    }

    /// The line for `diagnostic`; `suffix` follows a human message.
    fn line(&self, diagnostic: &Diagnostic, suffix: &str) -> String {
        match self.format {
            MessageFormat::Human => self.human(diagnostic, suffix),
            MessageFormat::Json => self.json(diagnostic),
        }
    }

    /// `snippet: [warning: ]file:line:column: message; hint`, its label coloured
    /// when standard error is a terminal and `NO_COLOR` is not set.
    fn human(&self, diagnostic: &Diagnostic, suffix: &str) -> String {
        let (severity, colour) = match diagnostic.severity {
            Severity::Error => ("", "31"),
            Severity::Warning => ("warning: ", "33"),
            _ => ("note: ", "36"),
        };
        let label = format!("snippet: {severity}");
        let label = if colour_on_stderr() {
            format!("\x1b[1;{colour}m{}\x1b[0m ", label.trim_end())
        } else {
            label
        };
        format!("{label}{}{suffix}", self.text(diagnostic))
    }

    /// `file:line:column: message; hint`, as much of the place as is known.
    pub(crate) fn text(&self, diagnostic: &Diagnostic) -> String {
        let file = diagnostic.source.as_deref().map(human_name);
        let place = match (file, diagnostic.place) {
            (Some(file), Some(place)) => format!("{file}:{place}: "),
            (Some(file), None) => format!("{file}: "),
            (None, _) => String::new(),
        };
        format!("{place}{}", diagnostic.message_with_hints(self.words))
    }

    /// A lint finding on standard output: `file:line:column: severity[code]: message; hint`.
    pub(crate) fn finding(&self, diagnostic: &Diagnostic) -> String {
        let file = diagnostic
            .source
            .as_deref()
            .map(human_name)
            .unwrap_or_default();
        let place = diagnostic
            .place
            .map(|place| format!(":{place}"))
            .unwrap_or_default();
        format!(
            "{file}{place}: {}[{}]: {}",
            diagnostic.severity.name(),
            diagnostic.code,
            diagnostic.message_with_hints(self.words)
        )
    }

    /// The library's JSON of the diagnostic (`severity`, `code`, `message`, what is
    /// known of `file`, `line`, `column`, `field` and `hint`, then `hints` and
    /// `url`), its hints in this reporter's words.
    fn json(&self, diagnostic: &Diagnostic) -> String {
        diagnostic.to_json(self.words).to_string()
    }

    /// The JSON line of a finding printed on standard output (`verify`).
    pub(crate) fn json_line(&self, diagnostic: &Diagnostic) -> String {
        self.json(diagnostic)
    }
}

/// A source as a person reads it: standard input is `<stdin>`.
fn human_name(source: &str) -> &str {
    if source == "-" { "<stdin>" } else { source }
}
