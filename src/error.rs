//! The one error type of the library: a [`Diagnostic`] of severity error, with the
//! warnings found before it.

use std::fmt;

use crate::diagnostic::{Argument, Code, Diagnostic, Field, Hint, Place};

/// Why nothing was produced. It holds the [`Diagnostic`] a front end reports: its
/// code, place, field and hints; and the [warnings](Error::warnings) the reading
/// found before it stopped, which a front end reports first, as it would have beside
/// a result.
///
/// # Example
/// ```
/// use inference_snippets::{Code, Field, Request};
///
/// let error = Request::new("https://x.cloud/a b").validate().unwrap_err();
/// assert_eq!(error.code(), Code::InvalidUrl);
/// assert_eq!(error.diagnostic().field, Some(Field::Url));
/// assert!(error.warnings().is_empty());
/// ```
///
/// A curl command that stops the reading after something was worked around:
/// ```
/// use inference_snippets::{Code, CurlOptions, parse_curl};
///
/// let error = parse_curl("curl --retry 3 https://x.cloud -d @-", "-", &CurlOptions::default()).unwrap_err();
/// assert_eq!(error.code(), Code::StdinBody);
/// assert_eq!(error.warnings()[0].to_string(), "-:1:6: --retry: the snippets send the request once, without retrying");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Error(Box<Problem>);

/// The error and what came before it, boxed together to keep `Result`s small.
#[derive(Clone, PartialEq, Eq)]
struct Problem {
    diagnostic: Diagnostic,
    warnings: Vec<Diagnostic>,
}

impl Error {
    /// An error of `code` with `message`, no place yet.
    pub(crate) fn new(code: Code, message: impl Into<String>) -> Error {
        Error::from(Diagnostic::error(code, message))
    }

    /// What went wrong, where, and what to do.
    pub fn diagnostic(&self) -> &Diagnostic {
        &self.0.diagnostic
    }

    /// The warnings the reading found before it stopped at this error, in the
    /// input's order: what a result would have carried beside it.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.0.warnings
    }

    /// The diagnostic, to keep or to change; the [warnings](Error::warnings) are
    /// dropped.
    pub fn into_diagnostic(self) -> Diagnostic {
        self.0.diagnostic
    }

    /// The diagnostic's code.
    pub fn code(&self) -> Code {
        self.0.diagnostic.code
    }

    /// Whether a client refused a request that another client can send.
    pub fn is_refusal(&self) -> bool {
        self.0.diagnostic.code.is_refusal()
    }

    /// Placed at `place`.
    pub(crate) fn at(mut self, place: Place) -> Error {
        self.0.diagnostic.place = Some(place);
        self
    }

    /// In the input named `source`, the warnings before it too.
    pub(crate) fn in_source(mut self, source: &str) -> Error {
        for diagnostic in self.diagnostics_mut() {
            diagnostic.source = Some(source.to_owned());
        }
        self
    }

    /// About `field` of the request.
    pub(crate) fn about(mut self, field: Field) -> Error {
        self.0.diagnostic.field = Some(field);
        self
    }

    /// About the front end's `argument`.
    pub(crate) fn about_argument(mut self, argument: Argument) -> Error {
        self.0.diagnostic.argument = Some(argument);
        self
    }

    /// With one more hint.
    pub(crate) fn hint(mut self, hint: Hint) -> Error {
        self.0.diagnostic.hints.push(hint);
        self
    }

    /// With advice in the library's words.
    pub(crate) fn advice(self, text: impl Into<String>) -> Error {
        self.hint(Hint::Advice(text.into()))
    }

    /// The diagnostic, to change in place.
    pub(crate) fn diagnostic_mut(&mut self) -> &mut Diagnostic {
        &mut self.0.diagnostic
    }

    /// The warnings and then the error, to change in place (their places, their
    /// source).
    pub(crate) fn diagnostics_mut(&mut self) -> impl Iterator<Item = &mut Diagnostic> {
        let problem = &mut *self.0;
        problem
            .warnings
            .iter_mut()
            .chain(std::iter::once(&mut problem.diagnostic))
    }

    /// With `earlier`, found before the warnings it has, in front of them; all in
    /// the input's order.
    pub(crate) fn after(mut self, mut earlier: Vec<Diagnostic>) -> Error {
        if earlier.is_empty() {
            return self;
        }
        earlier.append(&mut self.0.warnings);
        earlier.sort_by_key(|warning| warning.place.map(|place| (place.line, place.column)));
        self.0.warnings = earlier;
        self
    }

    /// The diagnostic changed by `change`, the warnings kept.
    pub fn map(self, change: impl FnOnce(Diagnostic) -> Diagnostic) -> Error {
        let Problem {
            diagnostic,
            warnings,
        } = *self.0;
        Error(Box::new(Problem {
            diagnostic: change(diagnostic),
            warnings,
        }))
    }
}

impl From<Diagnostic> for Error {
    fn from(diagnostic: Diagnostic) -> Error {
        Error(Box::new(Problem {
            diagnostic,
            warnings: Vec::new(),
        }))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0.diagnostic, f)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0.diagnostic, f)?;
        if !self.0.warnings.is_empty() {
            write!(f, " after {:?}", self.0.warnings)?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}
