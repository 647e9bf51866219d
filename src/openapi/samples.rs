//! Code samples for every operation of a document: each chosen client's snippet of
//! the operation's request, named the way the reference's renderer expects
//! (`x-codeSamples`: `lang`, `label`, `source`). A client that cannot send an
//! operation's request is left out of it with a note saying why.

use serde_json::{Map, Value};

use super::document::Format;
use super::{OpenApiOptions, Operation, operations_from};
use crate::client::{Client, LangStyle, Language};
use crate::diagnostic::{Argument, Code, Diagnostic, Severity};
use crate::error::Error;
use crate::input::Choice;
use crate::render::{render_default, render_with};

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

impl SampleOptions {
    /// The options a front end's user asks for by name: each of `clients` (a name
    /// two languages share, such as `openai`, names both), kept to those of
    /// `languages` when both are given; else the preferred client of each of
    /// `languages`; `style` as [`LangStyle`] parses it. Problems are `usage` errors
    /// about the [`Argument`](crate::Argument) they concern, as for [`Choice::named`].
    ///
    /// # Example
    /// ```
    /// use inference_snippets::{Client, LangStyle, SampleOptions};
    ///
    /// let options = SampleOptions::named(&["openai", "curl"], &["py"], "scalar")?;
    /// assert_eq!(options.clients, [Client::OpenaiPython]);
    /// assert_eq!(options.style, LangStyle::Scalar);
    /// let error = SampleOptions::named(&["fetch"], &["python"], "redocly").unwrap_err();
    /// assert_eq!(error.to_string(), "no client named writes the languages given");
    /// # Ok::<(), inference_snippets::Error>(())
    /// ```
    pub fn named(
        clients: &[&str],
        languages: &[&str],
        style: &str,
    ) -> Result<SampleOptions, Error> {
        let mut options = SampleOptions::default();
        for name in clients {
            match Choice::named(Some(name), None, false)? {
                Choice::Client(client) => options.clients.push(client),
                Choice::Clients(clients) => options.clients.extend(clients),
                _ => {}
            }
        }
        for name in languages {
            if let Choice::Language(language) = Choice::named(None, Some(name), false)? {
                options.languages.push(language);
            }
        }
        if !options.clients.is_empty() && !options.languages.is_empty() {
            let languages = std::mem::take(&mut options.languages);
            options
                .clients
                .retain(|client| languages.contains(&client.language()));
            if options.clients.is_empty() {
                return Err(Diagnostic::error(
                    Code::Usage,
                    "no client named writes the languages given",
                )
                .about_argument(Argument::Client)
                .into());
            }
        }
        options.style = style
            .parse()
            .map_err(|message: String| Error::from(Diagnostic::error(Code::Usage, message)))?;
        Ok(options)
    }
}

/// The extension every renderer reads.
pub(super) const KEY: &str = "x-codeSamples";

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

    /// The operations whose samples go in the document: those with samples, whose
    /// operation is written where its pointer says (not behind a path item's
    /// `$ref`).
    pub(super) fn placed(&self) -> impl Iterator<Item = &OperationSamples> {
        self.operations.iter().filter(|entry| {
            !entry.samples.is_empty() && self.root.pointer(&entry.operation.pointer).is_some()
        })
    }

    /// Notes for operations whose samples have no place in the document.
    pub(super) fn unplaced_notes(&self) -> Vec<Diagnostic> {
        self.operations
            .iter()
            .filter(|entry| {
                !entry.samples.is_empty() && self.root.pointer(&entry.operation.pointer).is_none()
            })
            .map(|entry| {
                let mut note = Diagnostic::note(
                    Code::OperationLeftOut,
                    format!(
                        "{}: its path item is a $ref, so its samples are not written; give the path item in place",
                        entry.operation.label()
                    ),
                )
                .in_source(self.origin.clone());
                note.place = entry.operation.place;
                note
            })
            .collect()
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
/// assert_eq!(labels[..3], ["curl", "Python (requests)", "JavaScript (fetch)"]);
/// assert!(samples.written()?.contains(r#"}}}, "x-codeSamples": [{"lang":"Shell""#));
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
