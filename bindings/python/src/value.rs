//! Python objects ↔ JSON values: a request dict to the spec's text, a spec and
//! snippets back to dicts.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

/// `object` (a dict, a list, a string, a number, a bool or None, nested) as JSON;
/// `path` names it in a `TypeError` (`request["json"]["x"]`).
pub(crate) fn to_json(object: &Bound<'_, PyAny>, path: &str) -> PyResult<Value> {
    if object.is_none() {
        return Ok(Value::Null);
    }
    // A bool is an int to Python: asked first.
    if let Ok(flag) = object.cast::<PyBool>() {
        return Ok(Value::Bool(flag.is_true()));
    }
    if let Ok(text) = object.cast::<PyString>() {
        return Ok(Value::String(text.to_str()?.to_owned()));
    }
    if object.cast::<PyInt>().is_ok() {
        if let Ok(number) = object.extract::<i64>() {
            return Ok(Value::from(number));
        }
        if let Ok(number) = object.extract::<u64>() {
            return Ok(Value::from(number));
        }
        return Err(PyTypeError::new_err(format!(
            "{path}: the integer {object} does not fit in 64 bits, which JSON readers keep"
        )));
    }
    if let Ok(float) = object.cast::<PyFloat>() {
        return Number::from_f64(float.value())
            .map(Value::Number)
            .ok_or_else(|| PyTypeError::new_err(format!("{path}: {object} is not a JSON number")));
    }
    if let Ok(dict) = object.cast::<PyDict>() {
        let mut map = Map::with_capacity(dict.len());
        for (key, value) in dict.iter() {
            let Ok(key) = key.cast::<PyString>() else {
                return Err(PyTypeError::new_err(format!(
                    "{path}: the key {} is not a string",
                    key.repr()?
                )));
            };
            let key = key.to_str()?;
            let value = to_json(&value, &format!("{path}[{key:?}]"))?;
            map.insert(key.to_owned(), value);
        }
        return Ok(Value::Object(map));
    }
    if let Ok(list) = object.cast::<PyList>() {
        return list
            .iter()
            .enumerate()
            .map(|(index, item)| to_json(&item, &format!("{path}[{index}]")))
            .collect();
    }
    if let Ok(tuple) = object.cast::<PyTuple>() {
        return tuple
            .iter()
            .enumerate()
            .map(|(index, item)| to_json(&item, &format!("{path}[{index}]")))
            .collect();
    }
    Err(PyTypeError::new_err(format!(
        "{path}: a {} is not JSON (dict, list, str, int, float, bool or None)",
        object.get_type().name()?
    )))
}

/// `value` as Python objects: dicts (in the value's key order), lists, strings,
/// numbers, bools and None.
pub(crate) fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(flag) => PyBool::new(py, *flag).to_owned().into_any(),
        Value::Number(number) => match (number.as_i64(), number.as_u64(), number.as_f64()) {
            (Some(int), _, _) => int.into_pyobject(py)?.into_any(),
            (None, Some(int), _) => int.into_pyobject(py)?.into_any(),
            (None, None, float) => float.unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(text) => PyString::new(py, text).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_python(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, to_python(py, item)?)?;
            }
            dict.into_any()
        }
    })
}
