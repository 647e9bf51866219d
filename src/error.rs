//! The one error type of the library: a [`Diagnostic`] of severity error.

use std::fmt;

use crate::diagnostic::{Argument, Code, Diagnostic, Field, Hint, Place};

/// Why nothing was produced. It holds the [`Diagnostic`] a front end reports: its
/// code, place, field and hints.
///
/// # Example
/// ```
/// use inference_snippets::{Code, Field, Request};
///
/// let error = Request::new("https://x.cloud/a b").validate().unwrap_err();
/// assert_eq!(error.code(), Code::InvalidUrl);
/// assert_eq!(error.diagnostic().field, Some(Field::Url));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Error(Box<Diagnostic>);

impl Error {
    /// An error of `code` with `message`, no place yet.
    pub(crate) fn new(code: Code, message: impl Into<String>) -> Error {
        Error(Box::new(Diagnostic::error(code, message)))
    }

    /// What went wrong, where, and what to do.
    pub fn diagnostic(&self) -> &Diagnostic {
        &self.0
    }

    /// The diagnostic, to keep or to change.
    pub fn into_diagnostic(self) -> Diagnostic {
        *self.0
    }

    /// The diagnostic's code.
    pub fn code(&self) -> Code {
        self.0.code
    }

    /// Whether a client refused a request that another client can send.
    pub fn is_refusal(&self) -> bool {
        self.0.code.is_refusal()
    }

    /// Placed at `place`.
    pub(crate) fn at(mut self, place: Place) -> Error {
        self.0.place = Some(place);
        self
    }

    /// In the input named `source`.
    pub(crate) fn in_source(mut self, source: &str) -> Error {
        self.0.source = Some(source.to_owned());
        self
    }

    /// About `field` of the request.
    pub(crate) fn about(mut self, field: Field) -> Error {
        self.0.field = Some(field);
        self
    }

    /// About the front end's `argument`.
    pub(crate) fn about_argument(mut self, argument: Argument) -> Error {
        self.0.argument = Some(argument);
        self
    }

    /// With one more hint.
    pub(crate) fn hint(mut self, hint: Hint) -> Error {
        self.0.hints.push(hint);
        self
    }

    /// With advice in the library's words.
    pub(crate) fn advice(self, text: impl Into<String>) -> Error {
        self.hint(Hint::Advice(text.into()))
    }

    /// The diagnostic, to change in place.
    pub(crate) fn diagnostic_mut(&mut self) -> &mut Diagnostic {
        &mut self.0
    }
}

impl From<Diagnostic> for Error {
    fn from(diagnostic: Diagnostic) -> Error {
        Error(Box::new(diagnostic))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl std::error::Error for Error {}
