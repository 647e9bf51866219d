//! clap's parse errors in the command line's one error style: a `usage`
//! diagnostic about the option concerned, with a hint (`snippet: --format:
//! invalid value "jsn"; did you mean json?`), reported like every other problem.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use inference_snippets::{Code, Diagnostic, Hint};

/// The diagnostic of a clap error (not `--help` or `--version`, which are output).
pub(crate) fn diagnostic(err: &clap::Error) -> Diagnostic {
    let text = |kind| match err.get(kind) {
        Some(ContextValue::String(text)) => Some(text.clone()),
        Some(ContextValue::Strings(texts)) => texts.first().cloned(),
        _ => None,
    };
    let strings = |kind| match err.get(kind) {
        Some(ContextValue::Strings(texts)) => texts.clone(),
        Some(ContextValue::String(text)) => vec![text.clone()],
        _ => Vec::new(),
    };
    // `--format <FORMAT>` names the option `--format`.
    let option = text(ContextKind::InvalidArg)
        .map(|arg| arg.split([' ', '=']).next().unwrap_or_default().to_owned());
    let suggested = text(ContextKind::SuggestedArg)
        .or_else(|| text(ContextKind::SuggestedSubcommand))
        .or_else(|| text(ContextKind::SuggestedValue));
    let (message, hint) = match err.kind() {
        ErrorKind::UnknownArgument => {
            let arg = text(ContextKind::InvalidArg).unwrap_or_default();
            let what = if arg.starts_with('-') {
                "option"
            } else {
                "argument"
            };
            return usage(None, format!("unknown {what} {arg}"), suggested);
        }
        ErrorKind::InvalidSubcommand => {
            let name = text(ContextKind::InvalidSubcommand).unwrap_or_default();
            return usage(None, format!("unknown command {name:?}"), suggested);
        }
        ErrorKind::InvalidValue => {
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            let valid = strings(ContextKind::ValidValue);
            let closest = suggested.or_else(|| closest(&value, &valid));
            let message = if value.is_empty() {
                "a value is required".to_owned()
            } else {
                format!("invalid value {value:?}")
            };
            match closest {
                Some(known) => (message, Some(Hint::DidYouMean(known))),
                None if !valid.is_empty() => {
                    let choices = valid.join(", ");
                    return Diagnostic::error(Code::Usage, message)
                        .in_source(option.unwrap_or_default())
                        .advice(format!("choose {choices}"));
                }
                None => (message, None),
            }
        }
        ErrorKind::MissingRequiredArgument => ("this option is required".to_owned(), None),
        ErrorKind::ArgumentConflict => {
            let prior = text(ContextKind::PriorArg).unwrap_or_default();
            (format!("cannot be used with {prior}"), None)
        }
        _ => {
            // Anything else: clap's own first line, without its `error: ` label.
            let rendered = err.render().to_string();
            let first = rendered.lines().next().unwrap_or_default();
            (first.trim_start_matches("error: ").to_owned(), None)
        }
    };
    let diagnostic = Diagnostic::error(Code::Usage, message);
    let diagnostic = match option {
        Some(option) if !option.is_empty() => diagnostic.in_source(option),
        _ => diagnostic,
    };
    match hint {
        Some(hint) => diagnostic.hint(hint),
        None => diagnostic.advice("see snippet --help"),
    }
}

fn usage(source: Option<String>, message: String, suggested: Option<String>) -> Diagnostic {
    let diagnostic = Diagnostic::error(Code::Usage, message);
    let diagnostic = match source {
        Some(source) => diagnostic.in_source(source),
        None => diagnostic,
    };
    match suggested {
        Some(known) => diagnostic.hint(Hint::DidYouMean(known)),
        None => diagnostic.advice("see snippet --help"),
    }
}

/// The valid value closest to `value`, for a "did you mean".
fn closest(value: &str, valid: &[String]) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    inference_snippets::closest(&lower, valid.iter().map(String::as_str), 2).map(str::to_owned)
}
