//! Samples in a document (or its overlay) that differ from the ones that would be
//! written: `snippet openapi --check`, drift detection in CI like `docs check`.

use serde_json::Value;
use similar::TextDiff;

use super::samples::{KEY, Samples};
use crate::diagnostic::{Code, Diagnostic, Place};

/// One operation whose samples are out of date.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SampleDrift {
    /// The operation, as messages name it: `POST /generate (generate)`.
    pub operation: String,
    /// Where its samples (or its operation, or its overlay action) are written.
    pub place: Option<Place>,
    /// A unified diff from the samples in the file to the generated ones.
    pub diff: String,
}

impl SampleDrift {
    /// The drift as a diagnostic of `origin`: an error of `--check`.
    pub fn diagnostic(&self, origin: &str) -> Diagnostic {
        let diagnostic = Diagnostic::error(
            Code::OutOfDate,
            format!("the code samples of {} are out of date", self.operation),
        )
        .in_source(origin);
        match self.place {
            Some(place) => diagnostic.at(place),
            None => diagnostic,
        }
    }
}

impl Samples {
    /// How the `x-codeSamples` written in the document differ from the generated
    /// ones: one drift per operation.
    pub fn drifts(&self) -> Vec<SampleDrift> {
        self.placed()
            .filter_map(|entry| {
                let current = self
                    .root
                    .pointer(&entry.operation.pointer)
                    .and_then(|operation| operation.get(KEY));
                let expected = entry.to_value();
                (current != Some(&expected)).then(|| {
                    drift(
                        &entry.operation.label(),
                        current,
                        &expected,
                        &self.origin,
                        entry.operation.place,
                    )
                })
            })
            .collect()
    }
}

/// The drift of one operation, its diff between the samples as text.
pub(super) fn drift(
    operation: &str,
    current: Option<&Value>,
    expected: &Value,
    origin: &str,
    place: Option<Place>,
) -> SampleDrift {
    let current = current.map_or_else(String::new, as_text);
    let expected = as_text(expected);
    let line = place.map_or(String::new(), |place| format!(":{}", place.line));
    let diff = TextDiff::from_lines(current.as_str(), expected.as_str())
        .unified_diff()
        .header(
            &format!("{origin}{line} {operation} (in the file)"),
            &format!("{operation} (generated)"),
        )
        .to_string();
    SampleDrift {
        operation: operation.to_owned(),
        place,
        diff,
    }
}

/// Samples as the lines a diff compares: a heading per sample, then its source.
fn as_text(samples: &Value) -> String {
    let Some(samples) = samples.as_array() else {
        return format!("{samples}\n");
    };
    let mut out = String::new();
    for sample in samples {
        let field = |name: &str| sample.get(name).and_then(Value::as_str).unwrap_or("");
        out.push_str(&format!(
            "### lang: {}, label: {}\n",
            field("lang"),
            field("label")
        ));
        let source = field("source");
        out.push_str(source);
        if !source.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}
