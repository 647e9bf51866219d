//! Code samples for every operation of a document: each chosen client's snippet of
//! the operation's request, named the way the reference's renderer expects
//! (`x-codeSamples`: `lang`, `label`, `source`). A client that cannot send an
//! operation's request is left out of it with a note saying why.

use std::fmt;
use std::str::FromStr;

use serde_json::{Map, Value};

use super::document::Format;
use super::{OpenApiOptions, Operation, operations_from};
use crate::client::{Client, Language};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::Error;
use crate::render::{render_default, render_with};

/// The renderer an API reference is published with, which decides the `lang` and
/// `label` of a sample.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LangStyle {
    /// Redocly and Redoc: `lang` is a language name (`Shell`, `Python`), the tab shows
    /// the `label`.
    #[default]
    Redocly,
    /// Mintlify: `lang` is one of its keys (`bash`, `python`, `javascript`).
    Mintlify,
    /// Scalar: `lang` is its target (`shell`, `python`, `node`).
    Scalar,
}

impl LangStyle {
    /// Every style, in the order `--help` lists them.
    pub const ALL: [LangStyle; 3] = [LangStyle::Redocly, LangStyle::Mintlify, LangStyle::Scalar];

    /// The name `--lang-style` takes.
    pub fn name(self) -> &'static str {
        match self {
            LangStyle::Redocly => "redocly",
            LangStyle::Mintlify => "mintlify",
            LangStyle::Scalar => "scalar",
        }
    }
}

impl fmt::Display for LangStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for LangStyle {
    type Err = String;

    fn from_str(name: &str) -> Result<LangStyle, String> {
        LangStyle::ALL
            .into_iter()
            .find(|style| style.name().eq_ignore_ascii_case(name))
            .ok_or_else(|| format!("unknown lang style {name:?}: redocly, mintlify or scalar"))
    }
}

/// Which samples each operation gets, and how the document is read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct SampleOptions {
    /// How the document is read (server, example, token variable).
    pub read: OpenApiOptions,
    /// These clients, in this order. Empty: the preferred client of each of
    /// `languages` that can send the operation's request.
    pub clients: Vec<Client>,
    /// With no `clients`: these languages. Empty: every language (curl first).
    pub languages: Vec<Language>,
    /// The `lang` and `label` values' renderer.
    pub style: LangStyle,
}

/// One entry of an operation's `x-codeSamples`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CodeSample {
    /// The client the snippet is written for.
    pub client: Client,
    /// As the renderer expects it: `Shell`, `bash`, `shell`.
    pub lang: String,
    /// The tab's title: `curl`, `Python (requests)`.
    pub label: String,
    /// The snippet, ending in one newline.
    pub source: String,
}

impl CodeSample {
    /// As written in a document: `{"lang", "label", "source"}`.
    pub fn to_value(&self) -> Value {
        let mut object = Map::new();
        object.insert("lang".to_owned(), Value::String(self.lang.clone()));
        object.insert("label".to_owned(), Value::String(self.label.clone()));
        object.insert("source".to_owned(), Value::String(self.source.clone()));
        Value::Object(object)
    }
}

/// The label of `client`'s samples: `curl`, else the language and the client.
fn label(client: Client) -> String {
    match client.language() {
        Language::Curl => "curl".to_owned(),
        language => format!("{} ({})", language.label(), client.name()),
    }
}

/// An operation and its samples, in the order chosen.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct OperationSamples {
    /// The operation and its request.
    pub operation: Operation,
    /// Its samples, in the order chosen; empty when no chosen client can send it.
    pub samples: Vec<CodeSample>,
}

impl OperationSamples {
    /// The samples as the value of `x-codeSamples`.
    pub fn to_value(&self) -> Value {
        Value::Array(self.samples.iter().map(CodeSample::to_value).collect())
    }
}

/// A document read, with the samples of each of its operations: what
/// [`overlay`](Samples::overlay), [`written`](Samples::written) and the checks
/// work from.
#[derive(Clone, Debug)]
pub struct Samples {
    /// Every operation a request was built for, in the document's order.
    pub operations: Vec<OperationSamples>,
    /// Operations left out, clients that cannot send an operation's request, and
    /// what was assumed.
    pub notes: Vec<Diagnostic>,
    pub(super) text: String,
    pub(super) origin: String,
    pub(super) root: Value,
    pub(super) format: Format,
}

impl Samples {
    /// Whether the document is YAML (else JSON): its overlay is written alike.
    pub fn is_yaml(&self) -> bool {
        matches!(self.format, Format::Yaml(_))
    }
}

/// Reads an OpenAPI document and renders the samples of each operation.
///
/// # Example
/// ```
/// use inference_snippets::{SampleOptions, openapi_samples};
///
/// let spec = r#"{"openapi": "3.1.0", "info": {"title": "TGI", "version": "1"},
///   "servers": [{"url": "https://tgi.example.com"}],
///   "paths": {"/generate": {"post": {"operationId": "generate", "requestBody": {
///     "content": {"application/json": {"example": {"inputs": "Hi"}}}}}}}}"#;
/// let samples = openapi_samples(spec, "openapi.json", &SampleOptions::default())?;
/// let labels: Vec<&str> =
///     samples.operations[0].samples.iter().map(|s| s.label.as_str()).collect();
/// assert_eq!(labels[..3], ["curl", "Python (huggingface_hub)", "JavaScript (huggingface.js)"]);
/// assert!(samples.written()?.contains(r#""x-codeSamples": ["#));
/// # Ok::<(), inference_snippets::Error>(())
/// ```
pub fn openapi_samples(
    text: &str,
    origin: &str,
    options: &SampleOptions,
) -> Result<Samples, Error> {
    let (root, format) = super::read_root(text, origin)?;
    let read = operations_from(text, origin, &root, &format, &options.read)?;
    let mut notes = read.notes;
    let languages: Vec<Language> = if options.languages.is_empty() {
        Language::ALL.to_vec()
    } else {
        options.languages.clone()
    };
    let operations = read
        .operations
        .into_iter()
        .map(|operation| {
            let mut samples = Vec::new();
            let mut refused = |err: Error, operation: &Operation| {
                let mut note = err.diagnostic().clone();
                note.severity = Severity::Note;
                note.message = format!("{}: {}", operation.label(), note.message);
                note.source = Some(origin.to_owned());
                note.place = operation.place;
                notes.push(note);
            };
            let rendered = |client: Client, source: String| CodeSample {
                client,
                lang: client.language().sample_lang(options.style).to_owned(),
                label: label(client),
                source,
            };
            if options.clients.is_empty() {
                for language in &languages {
                    match render_default(&operation.request, *language) {
                        Ok(snippet) => samples.push(rendered(snippet.client, snippet.content)),
                        Err(err) => refused(err, &operation),
                    }
                }
            } else {
                for client in &options.clients {
                    match render_with(&operation.request, *client, &crate::Options::default()) {
                        Ok(source) => samples.push(rendered(*client, source)),
                        Err(err) => refused(err, &operation),
                    }
                }
            }
            OperationSamples { operation, samples }
        })
        .collect();
    let mut samples = Samples {
        operations,
        notes,
        text: text.to_owned(),
        origin: origin.to_owned(),
        root,
        format,
    };
    let unplaced = samples.unplaced_notes();
    samples.notes.extend(unplaced);
    Ok(samples)
}
