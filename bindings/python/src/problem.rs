//! Diagnostics as the Python package's objects: `Diagnostic`, `Field`, `Drift`, and
//! the `SnippetError` subclass of each kind, with hints in Python's words. Their
//! keys are the library's JSON of a diagnostic, what `--message-format json` prints.

use std::path::Path;

use inference_snippets::docs::{Drift, MarkerWords};
use inference_snippets::{Client, Diagnostic, Error, Words};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyTuple, PyType};
use serde_json::Value;

use crate::value;

/// Where a function's problem comes from, which chooses its exception class and the
/// words of its hints.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A request spec (`render`, `render_all`).
    Spec,
    /// A curl command (`parse_curl`, `convert_curl`).
    Curl,
    /// Pages (`docs_*`).
    Docs,
}

/// Hints worded for a call from Python: keyword arguments, or the spec's keys.
struct PythonWords {
    kind: Kind,
}

impl Words for PythonWords {
    fn use_client(&self, client: Client) -> String {
        format!("use client={:?}", client.id())
    }

    fn add_task(&self) -> String {
        match self.kind {
            Kind::Curl => "pass task=\"...\" (a pipeline tag such as \"text-classification\")",
            _ => "add \"task\" to the request (a pipeline tag such as \"text-classification\")",
        }
        .to_owned()
    }

    fn add_language(&self) -> String {
        "pass language=\"...\" too".to_owned()
    }

    fn add_token(&self) -> String {
        match self.kind {
            Kind::Curl => "add -H \"Authorization: Bearer $HF_TOKEN\" to the command",
            _ => "add \"token\": \"$HF_TOKEN\" to the request",
        }
        .to_owned()
    }
}

/// A class of the package's pure-Python part, imported once.
fn class<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyType>>,
    name: &str,
) -> PyResult<&'py Bound<'py, PyType>> {
    cell.import(py, "inference_snippets", name)
}

/// The keyword arguments of every diagnostic object: the keys of the library's
/// JSON, hints worded for `kind` (marker keys for pages). A problem with an
/// argument names it as its `file`: the keyword is the library's name.
fn fields<'py>(
    py: Python<'py>,
    diagnostic: &Diagnostic,
    kind: Kind,
) -> PyResult<Bound<'py, PyDict>> {
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
        _ => diagnostic.to_json(&PythonWords { kind }),
    };
    let kwargs = PyDict::new(py);
    let Value::Object(object) = json else {
        return Ok(kwargs);
    };
    for (key, value) in &object {
        match key.as_str() {
            "field" => kwargs.set_item(key, field(py, value)?)?,
            "hints" => {
                let hints = value.as_array().map(Vec::as_slice).unwrap_or_default();
                let hints: Vec<&str> = hints.iter().filter_map(Value::as_str).collect();
                kwargs.set_item(key, PyTuple::new(py, hints)?)?;
            }
            _ => kwargs.set_item(key, value::to_python(py, value)?)?,
        }
    }
    Ok(kwargs)
}

/// A field's JSON (`{"kind", "name" | "pointer"}`) as a `Field`.
fn field<'py>(py: Python<'py>, json: &Value) -> PyResult<Bound<'py, PyAny>> {
    static FIELD: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let kwargs = PyDict::new(py);
    if let Value::Object(object) = json {
        for (key, value) in object {
            kwargs.set_item(key, value::to_python(py, value)?)?;
        }
    }
    class(py, &FIELD, "Field")?.call((), Some(&kwargs))
}

/// `diagnostic` as a `Diagnostic`.
pub(crate) fn diagnostic<'py>(
    py: Python<'py>,
    diagnostic: &Diagnostic,
    kind: Kind,
) -> PyResult<Bound<'py, PyAny>> {
    static DIAGNOSTIC: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let kwargs = fields(py, diagnostic, kind)?;
    class(py, &DIAGNOSTIC, "Diagnostic")?.call((), Some(&kwargs))
}

/// `drift` of the page at `file` as a `Drift`.
pub(crate) fn drift<'py>(
    py: Python<'py>,
    file: &Path,
    drift: &Drift,
) -> PyResult<Bound<'py, PyAny>> {
    static DRIFT: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let args = (file, drift.at.line, drift.at.column, drift.diff.as_str());
    class(py, &DRIFT, "Drift")?.call1(args)
}

/// `err` raised as the `SnippetError` subclass of its kind: `RefusalError` for a
/// client's refusal, `UsageError` for a problem with an argument, else the kind of
/// the call; its `warnings`, the `Diagnostic`s found before it.
pub(crate) fn raise(py: Python<'_>, err: &Error, kind: Kind) -> PyErr {
    static ERRORS: [PyOnceLock<Py<PyType>>; 5] = [const { PyOnceLock::new() }; 5];
    let (index, name) = match kind {
        _ if err.is_refusal() => (0, "RefusalError"),
        _ if err.diagnostic().argument.is_some() => (4, "UsageError"),
        Kind::Spec => (1, "SpecError"),
        Kind::Curl => (2, "CurlError"),
        Kind::Docs => (3, "DocsError"),
    };
    let built = (|| {
        let kwargs = fields(py, err.diagnostic(), kind)?;
        let warnings = PyList::empty(py);
        for warning in err.warnings() {
            warnings.append(diagnostic(py, warning, kind)?)?;
        }
        kwargs.set_item("warnings", warnings)?;
        class(py, &ERRORS[index], name)?.call((), Some(&kwargs))
    })();
    match built {
        Ok(exception) => PyErr::from_value(exception),
        Err(failed) => failed,
    }
}
