//! OpenAPI 3.0 and 3.1 documents, in JSON or YAML: a [`Request`] for each operation.
//!
//! What the reader cannot read at all (not JSON or YAML, not OpenAPI 3) is an
//! [`Error`]; an operation it cannot build a request for is left out with a note
//! naming the operation and the reason, placed where the document says it.
//!
//! ```
//! use inference_snippets::{OpenApiOptions, Task, parse_openapi};
//!
//! let spec = r#"
//! openapi: 3.1.0
//! info: {title: TGI, version: "1"}
//! servers: [{url: "https://tgi.example.com"}]
//! paths:
//!   /generate:
//!     post:
//!       operationId: generate
//!       requestBody:
//!         content:
//!           application/json:
//!             example: {inputs: "My name is Olivier and I"}
//! "#;
//! let read = parse_openapi(spec, "openapi.yaml", &OpenApiOptions::default())?;
//! let operation = &read.operations[0];
//! assert_eq!(operation.label(), "POST /generate (generate)");
//! assert_eq!(operation.request.url.to_string(), "https://tgi.example.com/generate");
//! assert_eq!(operation.request.task, Some(Task::TextGeneration));
//! # Ok::<(), inference_snippets::Error>(())
//! ```

use std::collections::HashSet;

use serde_json::Value;

mod body;
mod document;
mod drift;
mod emit;
mod encode;
mod operation;
mod overlay;
mod refs;
mod sample;
mod samples;
mod security;
mod splice;
#[cfg(test)]
mod tests;
mod yaml;

pub use crate::client::LangStyle;
use document::{Format, escape};
pub use drift::SampleDrift;
use operation::{Context, ENDPOINT_VAR, Site};
use refs::Refs;
pub use samples::{CodeSample, OperationSamples, SampleOptions, Samples, openapi_samples};

use crate::diagnostic::{Code, Diagnostic, Field, Hint, Place};
use crate::error::Error;
use crate::model::Request;

/// The HTTP methods a path item may describe, in the order OpenAPI lists them.
const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// What a front end may choose when reading a document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct OpenApiOptions {
    /// The server URL every request goes to, instead of the document's first.
    pub server: Option<String>,
    /// The name of the media type example to send, where an operation has several
    /// (`examples`); the first otherwise.
    pub example: Option<String>,
    /// The environment variable a bearer token is read from, instead of one named
    /// after its security scheme (`bearerAuth` → `BEARER_AUTH`).
    pub token_env: Option<String>,
}

/// Every operation of a document a request could be built for, and a note for each
/// one left out.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Operations {
    /// In the document's order.
    pub operations: Vec<Operation>,
    /// What was left out or assumed, and why.
    pub notes: Vec<Diagnostic>,
}

/// One operation of the document and its request.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Operation {
    /// The method, upper case: `POST`.
    pub method: String,
    /// The path template as the document writes it: `/models/{model_id}`.
    pub path: String,
    /// Its `operationId`, when it has one.
    pub id: Option<String>,
    /// Where it is in the document, as a JSON Pointer: `/paths/~1generate/post`.
    pub pointer: String,
    /// Where it is written.
    pub place: Option<Place>,
    /// The request it describes.
    pub request: Request,
}

impl Operation {
    /// How messages name it: `POST /generate (generate)`.
    pub fn label(&self) -> String {
        label(&self.method, &self.path, self.id.as_deref())
    }
}

fn label(method: &str, path: &str, id: Option<&str>) -> String {
    match id {
        Some(id) => format!("{method} {path} ({id})"),
        None => format!("{method} {path}"),
    }
}

/// Why something of the document cannot be read: where (a JSON Pointer, placed
/// later for every problem in one walk), what, and what to do.
#[derive(Clone, Debug)]
pub(crate) struct Problem {
    pub(crate) code: Code,
    pub(crate) pointer: String,
    pub(crate) message: String,
    pub(crate) field: Option<Field>,
    pub(crate) hints: Vec<Hint>,
}

impl Problem {
    pub(crate) fn new(pointer: String, message: impl Into<String>) -> Problem {
        Problem {
            code: Code::OperationLeftOut,
            pointer,
            message: message.into(),
            field: None,
            hints: Vec::new(),
        }
    }

    pub(crate) fn code(mut self, code: Code) -> Problem {
        self.code = code;
        self
    }

    pub(crate) fn about(mut self, field: Field) -> Problem {
        self.field = Some(field);
        self
    }

    pub(crate) fn hint(mut self, hint: Hint) -> Problem {
        self.hints.push(hint);
        self
    }

    pub(crate) fn advice(self, text: impl Into<String>) -> Problem {
        self.hint(Hint::Advice(text.into()))
    }

    /// As a note, `what` (the operation) before its message.
    fn diagnostic(self, what: Option<&str>) -> Diagnostic {
        let message = match what {
            Some(what) => format!("{what}: {}", self.message),
            None => self.message,
        };
        let mut diagnostic = Diagnostic::note(self.code, message);
        diagnostic.field = self.field;
        diagnostic.hints = self.hints;
        diagnostic
    }
}

/// Reads an OpenAPI 3.0 or 3.1 document, JSON or YAML, into a request per
/// operation. `origin` names the text in diagnostics (a path, `-`).
///
/// # Example
/// ```
/// use inference_snippets::{Code, OpenApiOptions, parse_openapi};
///
/// let error = parse_openapi("swagger: '2.0'\n", "api.yaml", &OpenApiOptions::default())
///     .unwrap_err();
/// assert_eq!(error.code(), Code::NotOpenapi);
/// assert_eq!(error.to_string(), "api.yaml:1:1: not an OpenAPI 3 document: it has no \"openapi\" version; \
///     convert a Swagger 2.0 document to OpenAPI 3 first");
/// ```
pub fn parse_openapi(
    text: &str,
    origin: &str,
    options: &OpenApiOptions,
) -> Result<Operations, Error> {
    let (root, format) = read_root(text, origin)?;
    operations_from(text, origin, &root, &format, options)
}

/// The document's value and how it is written; an error placed in `origin`.
fn read_root(text: &str, origin: &str) -> Result<(Value, Format), Error> {
    document::read(text).map_err(|mut error| {
        crate::lines::Lines::new(text).resolve_diagnostic(error.diagnostic_mut());
        error.in_source(origin)
    })
}

/// The operations of a document already read.
fn operations_from(
    text: &str,
    origin: &str,
    root: &Value,
    format: &Format,
    options: &OpenApiOptions,
) -> Result<Operations, Error> {
    let place_one = |problem: Problem| {
        let pointer = problem.pointer.clone();
        let wanted = HashSet::from([pointer.clone()]);
        let places = document::places(text, root, format, &wanted);
        let mut diagnostic = problem.diagnostic(None);
        diagnostic.severity = crate::Severity::Error;
        diagnostic.place = places.get(&pointer).copied().or(Some(Place::at(1, 1)));
        Error::from(diagnostic.in_source(origin))
    };
    check_version(root).map_err(place_one)?;
    let refs = Refs { root };
    let context = Context {
        refs: &refs,
        options,
    };
    let mut operations = Vec::new();
    // Each problem, the operation it leaves out (as messages name it) and where that
    // is: the place when the problem's own pointer is not written in the text.
    let mut left_out: Vec<(Problem, String, String)> = Vec::new();
    let mut relative = false;
    let paths = root.get("paths").and_then(Value::as_object);
    for (path, item) in paths.into_iter().flatten() {
        let item_at = format!("/paths/{}", escape(path));
        let item = match refs.resolve(item, &item_at) {
            Ok(resolved) => resolved.value,
            Err(problem) => {
                left_out.push((problem, path.clone(), item_at));
                continue;
            }
        };
        for method in METHODS {
            let Some(operation) = item.get(*method) else {
                continue;
            };
            let at = format!("{item_at}/{method}");
            let site = Site {
                path,
                item,
                item_at: &item_at,
                method,
                operation,
                at: &at,
            };
            let id = operation.get("operationId").and_then(Value::as_str);
            let method = method.to_ascii_uppercase();
            match context.request(&site) {
                Ok((request, from_env)) => {
                    relative |= from_env;
                    operations.push(Operation {
                        method,
                        path: path.clone(),
                        id: id.map(str::to_owned),
                        pointer: at,
                        place: None,
                        request,
                    });
                }
                Err(problem) => left_out.push((problem, label(&method, path, id), at)),
            }
        }
    }
    let mut wanted: HashSet<String> = operations.iter().map(|op| op.pointer.clone()).collect();
    for (problem, _, at) in &left_out {
        wanted.insert(problem.pointer.clone());
        wanted.insert(at.clone());
    }
    wanted.insert(String::new());
    let places = document::places(text, root, format, &wanted);
    for operation in &mut operations {
        operation.place = places.get(&operation.pointer).copied();
    }
    let mut notes: Vec<Diagnostic> = left_out
        .into_iter()
        .map(|(problem, what, at)| {
            let place = places.get(&problem.pointer).or(places.get(&at)).copied();
            let mut note = problem.diagnostic(Some(&what));
            note.message.push_str("; left out");
            note.place = place;
            note.in_source(origin)
        })
        .collect();
    if relative && options.server.is_none() {
        let note = Diagnostic::note(
            Code::RelativeServer,
            format!(
                "the document gives no absolute server URL: the URLs start with ${ENDPOINT_VAR}"
            ),
        )
        .about(Field::Url)
        .advice("give the server's URL")
        .in_source(origin);
        let place = places.get("").copied();
        notes.insert(
            0,
            match place {
                Some(place) => note.at(place),
                None => note,
            },
        );
    }
    Ok(Operations { operations, notes })
}

/// The document must be an object with an `openapi` version of 3.0 or 3.1.
fn check_version(root: &Value) -> Result<(), Problem> {
    if !root.is_object() {
        return Err(
            Problem::new(String::new(), "an OpenAPI document must be an object")
                .code(Code::NotOpenapi),
        );
    }
    match root.get("openapi") {
        None => {
            let problem = Problem::new(
                String::new(),
                "not an OpenAPI 3 document: it has no \"openapi\" version",
            )
            .code(Code::NotOpenapi);
            Err(match root.get("swagger") {
                Some(_) => problem.advice("convert a Swagger 2.0 document to OpenAPI 3 first"),
                None => problem,
            })
        }
        Some(Value::String(version))
            if version.starts_with("3.0") || version.starts_with("3.1") =>
        {
            Ok(())
        }
        Some(other) => Err(Problem::new(
            "/openapi".to_owned(),
            format!("OpenAPI version {other} is not read; 3.0 and 3.1 are"),
        )
        .code(Code::NotOpenapi)),
    }
}
