//! Diagnostics as the Node package's values, with hints in JavaScript's words: the
//! library's JSON of a diagnostic (what `--message-format json` prints), as text
//! that `index.js` parses into a `Diagnostic`. Errors travel the same way, in the
//! thrown error's message, and become the `SnippetError` subclass of their kind.

use inference_snippets::docs::MarkerWords;
use inference_snippets::{Client, Diagnostic, Error, Words};
use napi::Status;
use serde_json::{Map, Value};

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

    fn add_token(&self) -> String {
        match self.kind {
            Kind::Curl => "add -H \"Authorization: Bearer $HF_TOKEN\" to the command",
            _ => "add \"token\": \"$HF_TOKEN\" to the request",
        }
        .to_owned()
    }
}

/// `diagnostic` as the library's JSON, hints worded for `kind` (marker keys for
/// pages). A problem with an argument names it as its `file`: the option is the
/// library's name.
pub(crate) fn json(diagnostic: &Diagnostic, kind: Kind) -> Map<String, Value> {
    let named;
    let diagnostic = match (&diagnostic.source, diagnostic.argument) {
        (None, Some(argument)) => {
            named = diagnostic.clone().in_source(argument.name());
            &named
        }
        _ => diagnostic,
    };
    let json = match kind {
        Kind::Docs => diagnostic.to_json(&MarkerWords),
        _ => diagnostic.to_json(&JsWords { kind }),
    };
    match json {
        Value::Object(object) => object,
        _ => Map::new(),
    }
}

/// `diagnostics` as JSON text: an array of their objects.
pub(crate) fn list<'a>(
    diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
    kind: Kind,
) -> String {
    let objects = diagnostics
        .into_iter()
        .map(|diagnostic| Value::Object(json(diagnostic, kind)));
    Value::Array(objects.collect()).to_string()
}

/// `err` as the error `index.js` rethrows: `{"kind", ...the diagnostic's keys,
/// "warnings": [...]}` as JSON in the message, `warnings` the ones found before it.
/// `kind` is `refusal` for a client's refusal, `usage` for a problem with an
/// argument, else the call's.
pub(crate) fn error(err: &Error, kind: Kind) -> napi::Error {
    let class = match kind {
        _ if err.is_refusal() => "refusal",
        _ if err.diagnostic().argument.is_some() => "usage",
        Kind::Spec => "spec",
        Kind::Curl => "curl",
        Kind::Docs => "docs",
    };
    let mut object = Map::new();
    object.insert("kind".into(), class.into());
    object.extend(json(err.diagnostic(), kind));
    let warnings = err.warnings().iter();
    let warnings = warnings.map(|warning| Value::Object(json(warning, kind)));
    object.insert("warnings".into(), Value::Array(warnings.collect()));
    napi::Error::new(Status::GenericFailure, Value::Object(object).to_string())
}
