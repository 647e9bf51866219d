//! How bad a diagnostic is: its own module, so that the code table can declare
//! each code's lint severity without depending on `Diagnostic`.

use std::fmt;

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Severity {
    /// Nothing was produced: the input must change.
    Error,
    /// Something was worked around; the output may not be what was meant.
    Warning,
    /// Information, nothing to fix.
    Note,
}

impl Severity {
    /// The lowercase name used in machine-readable output: `error`, `warning`, `note`.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
