//! Diagnostics as the Node package's values, with hints in JavaScript's words;
//! errors travel to `index.js` as JSON in the thrown error's message, where they
//! become the `SnippetError` subclass of their kind.

use inference_snippets::docs::MarkerWords;
use inference_snippets::{Client, Error, Words};
use napi::Status;
use napi_derive::napi;
use serde_json::json;

/// Where a function's problem comes from, which chooses its error class and the
/// words of its hints.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A request spec (`render`, `renderAll`).
    Spec,
    /// A curl command (`parseCurl`, `convertCurl`).
    Curl,
    /// Pages (`docs*`).
    Docs,
}

/// Hints worded for a call from JavaScript: arguments and options, or the spec's keys.
struct JsWords {
    kind: Kind,
}

impl Words for JsWords {
    fn use_client(&self, client: Client) -> String {
        format!("use the client {:?}", client.id())
    }

    fn add_task(&self) -> String {
        match self.kind {
            Kind::Curl => "pass { task: \"...\" } (a pipeline tag such as \"text-classification\")",
            _ => "add \"task\" to the request (a pipeline tag such as \"text-classification\")",
        }
        .to_owned()
    }

    fn add_language(&self) -> String {
        "pass { language: \"...\" } too".to_owned()
    }
}

/// One problem: the keys of `snippet --message-format json`.
#[napi(object)]
pub struct Diagnostic {
    /// `error`, `warning` or `note`.
    pub severity: String,
    /// The stable kebab-case name, e.g. `unsupported-option`.
    pub code: String,
    /// What is wrong.
    pub message: String,
    /// The input: a path, `<command>`, `<request>`.
    pub file: Option<String>,
    /// 1-based line, when the input is text.
    pub line: Option<u32>,
    /// 1-based column in characters, when the input is text.
    pub column: Option<u32>,
    /// What to do.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// `diagnostic` with hints worded for `kind`: marker keys for pages.
    pub(crate) fn of(diagnostic: &inference_snippets::Diagnostic, kind: Kind) -> Diagnostic {
        let hint = match kind {
            Kind::Docs => diagnostic.hint_text(&MarkerWords),
            _ => diagnostic.hint_text(&JsWords { kind }),
        };
        let number = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Diagnostic {
            severity: diagnostic.severity.name().to_owned(),
            code: diagnostic.code.name().to_owned(),
            message: diagnostic.message.clone(),
            // A problem with an argument names it: the option is the library's name.
            file: diagnostic.source.clone().or_else(|| {
                diagnostic
                    .argument
                    .map(|argument| argument.name().to_owned())
            }),
            line: diagnostic.place.map(|place| number(place.line)),
            column: diagnostic.place.map(|place| number(place.column)),
            hint,
        }
    }
}

/// `err` as the error `index.js` rethrows: `{"kind", ...the diagnostic's keys}` as
/// JSON in the message. `kind` is `refusal` for a client's refusal, `usage` for a
/// problem with an argument, else the call's.
pub(crate) fn error(err: &Error, kind: Kind) -> napi::Error {
    let class = match kind {
        _ if err.is_refusal() => "refusal",
        _ if err.diagnostic().argument.is_some() => "usage",
        Kind::Spec => "spec",
        Kind::Curl => "curl",
        Kind::Docs => "docs",
    };
    let diagnostic = Diagnostic::of(err.diagnostic(), kind);
    let object = json!({
        "kind": class,
        "severity": diagnostic.severity,
        "code": diagnostic.code,
        "message": diagnostic.message,
        "file": diagnostic.file,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "hint": diagnostic.hint,
    });
    napi::Error::new(Status::GenericFailure, object.to_string())
}
