//! `inference_snippets._native`: the crate's functions for Python. Arguments become
//! the crate's types, results and problems become Python objects; every decision is
//! the crate's (`Input`, `Choice`, `to_spec`, `docs`), so the package says exactly
//! what the `snippet` command line says.

mod problem;
mod value;

use std::path::PathBuf;

use inference_snippets::{
    Choice, Client, CurlOptions, Error, Input, Language, Options, Shell, Snippets, docs,
};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use pyo3::{IntoPyObjectExt, intern};

use problem::{Kind, raise};

/// The name of a request given as an argument, in diagnostics.
const REQUEST: &str = "<request>";
/// The name of a curl command given as an argument, in diagnostics.
const COMMAND: &str = "<command>";

/// The `request` argument read and made ready: JSON text, whose problems have
/// places, or a dict, which has no text to place them in.
fn spec(py: Python<'_>, request: &Bound<'_, PyAny>) -> PyResult<Input> {
    let fail = |err| raise(py, &err, Kind::Spec);
    let read = if let Ok(text) = request.cast::<PyString>() {
        Input::spec(text.to_str()?, REQUEST)
    } else if request.cast::<PyDict>().is_ok() {
        Input::spec_value(&value::to_json(request, "request")?)
    } else {
        return Err(PyTypeError::new_err(format!(
            "request must be a dict in the JSON spec's shape, or its JSON text, not a {}",
            request.get_type().name()?
        )));
    };
    let mut input = read.map_err(fail)?;
    input.prepare(false).map_err(fail)?;
    Ok(input)
}

/// The curl `command` read in `shell` with `task`, made ready.
fn curl(py: Python<'_>, command: &str, shell: Option<&str>, task: Option<&str>) -> PyResult<Input> {
    let fail = |err| raise(py, &err, Kind::Curl);
    let shell = shell.map(str::parse::<Shell>).transpose().map_err(fail)?;
    let options = CurlOptions {
        shell,
        keep_token: false,
    };
    let mut input = Input::curl(command, COMMAND, &options).map_err(fail)?;
    if let Some(task) = task {
        input.set_task(task).map_err(fail)?;
    }
    input.prepare(false).map_err(fail)?;
    Ok(input)
}

/// The snippets of `input` that `choice` asks for; problems are of `kind`.
fn snippets(py: Python<'_>, input: &Input, choice: Choice, kind: Kind) -> PyResult<Snippets> {
    let done = input.snippets(choice, &Options::default());
    done.map_err(|err| raise(py, &err, kind))
}

/// The snippets the names ask for: every one with `all` (`Choice::named`), else the
/// one the function returns (`Choice::one`).
fn choice(
    py: Python<'_>,
    client: Option<&str>,
    language: Option<&str>,
    all: bool,
) -> PyResult<Choice> {
    let choice = match all {
        true => Choice::named(client, language, true),
        false => Choice::one(client, language),
    };
    choice.map_err(|err| raise(py, &err, Kind::Spec))
}

/// The code that sends `request` with `client`.
///
/// ``request`` is a dict in the JSON spec's shape or its JSON text. Without
/// ``client``, ``language``'s default: the client a reader of the request's API
/// reaches for (the OpenAI SDK on an OpenAI route outside Hugging Face's hosts, the
/// Hugging Face client on Hugging Face's), else its generic one; with both, the client must write the language (a
/// name two languages share, ``openai``, needs it, or its id: ``openai-python``).
/// Raises ``SpecError`` (with the line and column of JSON text), ``RefusalError``
/// when the client cannot send exactly this request, ``UsageError`` for an unknown
/// name.
#[pyfunction]
#[pyo3(signature = (request, client=None, *, language=None))]
fn render(
    py: Python<'_>,
    request: &Bound<'_, PyAny>,
    client: Option<&str>,
    language: Option<&str>,
) -> PyResult<String> {
    let choice = choice(py, client, language, false)?;
    let input = spec(py, request)?;
    Ok(snippets(py, &input, choice, Kind::Spec)?.content())
}

/// Every snippet that sends ``request``: a list of ``{"language", "client",
/// "content"}`` dicts (of ``language`` only, when given), one per client able to, in
/// the order of ``CLIENTS``: what ``snippet --all --format json`` prints.
#[pyfunction]
#[pyo3(signature = (request, *, language=None))]
fn render_all<'py>(
    py: Python<'py>,
    request: &Bound<'py, PyAny>,
    language: Option<&str>,
) -> PyResult<Bound<'py, PyList>> {
    let choice = choice(py, None, language, true)?;
    let input = spec(py, request)?;
    let done = snippets(py, &input, choice, Kind::Spec)?;
    let list = PyList::empty(py);
    for snippet in done.snippets {
        let item = PyDict::new(py);
        item.set_item(intern!(py, "language"), snippet.language.name())?;
        item.set_item(intern!(py, "client"), snippet.client.name())?;
        item.set_item(intern!(py, "content"), snippet.content)?;
        list.append(item)?;
    }
    Ok(list)
}

/// Reads a curl command: ``(spec, warnings)``, the request as a dict in the JSON
/// spec's shape (what ``render`` takes) and a ``Diagnostic`` for each thing the
/// command asks for that the snippets do not reproduce (``--retry``, a real-looking
/// token replaced by ``$HF_TOKEN``...).
///
/// ``shell`` is ``"bash"``, ``"cmd"`` or ``"powershell"`` (default: detected);
/// ``task`` the pipeline tag the typed clients need. Raises ``CurlError`` at the
/// place in the command, also for a request a spec cannot describe (a ``$VAR``,
/// ``-F``, ``-u``, ``-k``...: ``convert_curl`` renders those); the error's
/// ``warnings`` are the ones found before it.
#[pyfunction]
#[pyo3(signature = (command, *, shell=None, task=None))]
fn parse_curl<'py>(
    py: Python<'py>,
    command: &str,
    shell: Option<&str>,
    task: Option<&str>,
) -> PyResult<Bound<'py, PyTuple>> {
    let input = curl(py, command, shell, task)?;
    let spec = input.to_spec().map_err(|err| raise(py, &err, Kind::Curl))?;
    let warnings = PyList::empty(py);
    for warning in &input.warnings {
        warnings.append(problem::diagnostic(py, warning, Kind::Curl)?)?;
    }
    PyTuple::new(py, [value::to_python(py, &spec)?, warnings.into_any()])
}

/// The code that sends what the curl ``command`` sends, with ``client`` (or the
/// default client of ``language``, as in ``render``). ``task`` and ``shell`` as in
/// ``parse_curl``. Raises ``CurlError`` at the place in the command, or
/// ``RefusalError``.
#[pyfunction]
#[pyo3(signature = (command, client=None, *, language=None, task=None, shell=None))]
fn convert_curl(
    py: Python<'_>,
    command: &str,
    client: Option<&str>,
    language: Option<&str>,
    task: Option<&str>,
    shell: Option<&str>,
) -> PyResult<String> {
    let choice = choice(py, client, language, false)?;
    let input = curl(py, command, shell, task)?;
    Ok(snippets(py, &input, choice, Kind::Curl)?.content())
}

/// `paths` as given: one path, an iterable of them, or None for the current folder.
fn path_list(paths: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<PathBuf>> {
    let Some(paths) = paths else {
        return Ok(Vec::new());
    };
    if let Ok(one) = paths.extract::<PathBuf>() {
        return Ok(vec![one]);
    }
    paths.try_iter()?.map(|path| path?.extract()).collect()
}

/// The pages of `paths`, each brought up to date (without writing); every page
/// is read before any is written, so that a broken page stops the call first.
fn pages(py: Python<'_>, given: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<docs::Page>> {
    let given = path_list(given)?;
    // Files are read and regions rendered without holding the interpreter.
    let pages = py.detach(|| docs::pages(&given)?.collect::<Result<_, Error>>());
    pages.map_err(|err| raise(py, &err, Kind::Docs))
}

/// The regions of Markdown pages that are not what the tool generates: a ``Drift``
/// each. ``paths``: a file or folder (searched for ``.md`` and ``.mdx``, skipping
/// ``.git``, ``target``, ``node_modules`` and what ``.gitignore`` ignores), a list of
/// them, or None for the current folder. Writes nothing; raises ``DocsError`` for a
/// page that cannot be read or a region that cannot be generated.
#[pyfunction]
#[pyo3(signature = (paths=None))]
fn docs_check<'py>(
    py: Python<'py>,
    paths: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let drifts = PyList::empty(py);
    for page in pages(py, paths)? {
        for drift in &page.updated.drifts {
            drifts.append(problem::drift(py, &page.path, drift)?)?;
        }
    }
    Ok(drifts)
}

/// Rewrites the drifted regions of the pages of ``paths`` (as in ``docs_check``),
/// each page replaced whole through a temporary file; every byte outside the regions
/// stays as it is. Returns the ``Path`` of each page rewritten.
#[pyfunction]
#[pyo3(signature = (paths=None))]
fn docs_write<'py>(
    py: Python<'py>,
    paths: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let pages = pages(py, paths)?;
    let written = py.detach(|| -> Result<Vec<PathBuf>, Error> {
        let mut written = Vec::new();
        for page in pages {
            if page.write()? {
                written.push(page.path);
            }
        }
        Ok(written)
    });
    let written = written.map_err(|err| raise(py, &err, Kind::Docs))?;
    PyList::new(py, written)
}

/// The findings of ``snippet docs lint`` in the pages of ``paths`` (as in
/// ``docs_check``): a ``Diagnostic`` each, errors, warnings and notes, sorted by
/// file, line and column. Raises ``DocsError`` for a page that cannot be read.
#[pyfunction]
#[pyo3(signature = (paths=None))]
fn docs_lint<'py>(
    py: Python<'py>,
    paths: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let given = path_list(paths)?;
    let findings = py.detach(|| docs::lint_pages(&given)?.collect::<Result<Vec<_>, _>>());
    let findings = findings.map_err(|err| raise(py, &err, Kind::Docs))?;
    let list = PyList::empty(py);
    for finding in findings.iter().flatten() {
        list.append(problem::diagnostic(py, finding, Kind::Docs)?)?;
    }
    Ok(list)
}

/// Every tab of the pages of ``paths`` (as in ``docs_check``) that has a curl block
/// beside it, and every region, run through the recording proxy and compared with
/// the curl block's request (``snippet verify``): a dict with ``findings`` (a
/// ``Diagnostic`` each), ``summary``, ``runtimes`` and ``isolation``. ``cache``: the
/// runtimes' folder (default: ``$SNIPPET_CACHE_DIR``, else the user's cache folder);
/// ``timeout``: seconds a block may run.
#[pyfunction]
#[pyo3(signature = (paths=None, *, cache=None, timeout=60))]
fn verify<'py>(
    py: Python<'py>,
    paths: Option<&Bound<'py, PyAny>>,
    cache: Option<PathBuf>,
    timeout: u64,
) -> PyResult<Bound<'py, PyDict>> {
    use inference_snippets::verify::{self, Options, Verifier};
    let given = path_list(paths)?;
    let cache = cache.unwrap_or_else(|| {
        verify::default_cache(
            std::env::var_os("SNIPPET_CACHE_DIR"),
            std::env::var_os("XDG_CACHE_HOME"),
            std::env::var_os("HOME"),
        )
    });
    let work = cache.join("runs").join(std::process::id().to_string());
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut options = Options::new(cache, work.clone(), path);
    // What cargo keeps of this environment to build a Rust block.
    options.build_env = verify::build_env(std::env::vars_os());
    options.bounds.timeout = std::time::Duration::from_secs(timeout);
    let done = py.detach(|| {
        let verifier = Verifier::new(options).map_err(|err| err.to_string())?;
        let verified = verifier.paths(&given).map_err(|err| err.to_string());
        let _ = std::fs::remove_dir_all(&work);
        Ok::<_, String>((verifier.describe(), verified?))
    });
    let (described, verified) = done.map_err(pyo3::exceptions::PyOSError::new_err)?;
    let result = PyDict::new(py);
    let findings = PyList::empty(py);
    for finding in verified.findings() {
        findings.append(problem::diagnostic(py, finding, Kind::Docs)?)?;
    }
    result.set_item("findings", findings)?;
    result.set_item(
        "summary",
        value::to_python(py, &verified.summary.to_json())?,
    )?;
    result.set_item("runtimes", value::to_python(py, &described["runtimes"])?)?;
    result.set_item("isolation", value::to_python(py, &described["isolation"])?)?;
    Ok(result)
}

/// The OpenAPI document `spec` (its text, JSON or YAML) read and each operation's
/// samples rendered, with the options of ``snippet openapi``.
fn samples(
    py: Python<'_>,
    spec: &str,
    choices: (Vec<String>, Vec<String>, &str),
    read: (Option<String>, Option<String>, Option<String>),
) -> PyResult<inference_snippets::Samples> {
    let (clients, languages, lang_style) = choices;
    let clients: Vec<&str> = clients.iter().map(String::as_str).collect();
    let languages: Vec<&str> = languages.iter().map(String::as_str).collect();
    let mut options = inference_snippets::SampleOptions::named(&clients, &languages, lang_style)
        .map_err(|err| raise(py, &err, Kind::Spec))?;
    (
        options.read.server,
        options.read.example,
        options.read.token_env,
    ) = read;
    let spec = spec.to_owned();
    let done = py.detach(move || inference_snippets::openapi_samples(&spec, "<openapi>", &options));
    done.map_err(|err| raise(py, &err, Kind::Spec))
}

/// Code samples for every operation of an OpenAPI 3.0 or 3.1 document (``spec``: its
/// text, JSON or YAML), as ``snippet openapi`` writes them: a dict with ``text`` (an
/// Overlay 1.0 document setting each operation's ``x-codeSamples``, in the spec's
/// format or YAML when ``yaml``; with ``write``, the spec itself with the samples,
/// every other byte kept), ``operations`` (``method``, ``path``, ``operation_id``,
/// ``pointer`` and its ``samples``: ``client``, ``lang``, ``label``, ``source``) and
/// ``notes`` (a ``Diagnostic`` each: operations left out, clients that cannot send
/// an operation's request). ``clients``/``languages``: names as ``render`` takes them
/// (default: each language's preferred client); ``lang_style``: ``redocly``,
/// ``mintlify`` or ``scalar``. Raises ``SpecError`` for a document that cannot be
/// read (or, with ``write``, that cannot take the samples without other changes).
#[pyfunction]
#[pyo3(signature = (spec, *, clients=Vec::new(), languages=Vec::new(), lang_style="redocly", server=None, example=None, token_env=None, write=false, yaml=None))]
#[allow(clippy::too_many_arguments)]
fn openapi<'py>(
    py: Python<'py>,
    spec: &str,
    clients: Vec<String>,
    languages: Vec<String>,
    lang_style: &str,
    server: Option<String>,
    example: Option<String>,
    token_env: Option<String>,
    write: bool,
    yaml: Option<bool>,
) -> PyResult<Bound<'py, PyDict>> {
    let samples = samples(
        py,
        spec,
        (clients, languages, lang_style),
        (server, example, token_env),
    )?;
    let text = if write {
        samples
            .written()
            .map_err(|err| raise(py, &err, Kind::Spec))?
    } else {
        samples.overlay(yaml.unwrap_or_else(|| samples.is_yaml()))
    };
    let result = PyDict::new(py);
    result.set_item("text", text)?;
    let operations = PyList::empty(py);
    for entry in &samples.operations {
        let operation = PyDict::new(py);
        operation.set_item("method", &entry.operation.method)?;
        operation.set_item("path", &entry.operation.path)?;
        operation.set_item("operation_id", entry.operation.id.as_deref())?;
        operation.set_item("pointer", &entry.operation.pointer)?;
        let list = PyList::empty(py);
        for sample in &entry.samples {
            let item = PyDict::new(py);
            item.set_item("client", sample.client.id())?;
            item.set_item("lang", &sample.lang)?;
            item.set_item("label", &sample.label)?;
            item.set_item("source", &sample.source)?;
            list.append(item)?;
        }
        operation.set_item("samples", list)?;
        operations.append(operation)?;
    }
    result.set_item("operations", operations)?;
    let notes = PyList::empty(py);
    for note in &samples.notes {
        notes.append(problem::diagnostic(py, note, Kind::Spec)?)?;
    }
    result.set_item("notes", notes)?;
    Ok(result)
}

/// The operations of ``spec`` whose samples differ from the ones ``openapi`` writes,
/// as ``snippet openapi --check``: in the spec itself, or in ``overlay`` (an overlay
/// document's text) when given. A dict each: ``operation``, ``line``, ``column``
/// (in the spec, or the overlay's action) and ``diff``; empty when up to date.
#[pyfunction]
#[pyo3(signature = (spec, *, overlay=None, clients=Vec::new(), languages=Vec::new(), lang_style="redocly", server=None, example=None, token_env=None))]
#[allow(clippy::too_many_arguments)]
fn openapi_check<'py>(
    py: Python<'py>,
    spec: &str,
    overlay: Option<&str>,
    clients: Vec<String>,
    languages: Vec<String>,
    lang_style: &str,
    server: Option<String>,
    example: Option<String>,
    token_env: Option<String>,
) -> PyResult<Bound<'py, PyList>> {
    let samples = samples(
        py,
        spec,
        (clients, languages, lang_style),
        (server, example, token_env),
    )?;
    let drifts = match overlay {
        Some(overlay) => samples
            .overlay_drifts(overlay, "<overlay>")
            .map_err(|err| raise(py, &err, Kind::Spec))?,
        None => samples.drifts(),
    };
    let list = PyList::empty(py);
    for drift in &drifts {
        let item = PyDict::new(py);
        item.set_item("operation", &drift.operation)?;
        item.set_item("line", drift.place.map(|place| place.line))?;
        item.set_item("column", drift.place.map(|place| place.column))?;
        item.set_item("diff", &drift.diff)?;
        list.append(item)?;
    }
    Ok(list)
}

/// The native half of the `inference_snippets` package.
#[pymodule]
mod _native {
    use super::*;

    #[pymodule_export]
    use super::{
        convert_curl, docs_check, docs_lint, docs_write, openapi, openapi_check, parse_curl,
        render, render_all, verify,
    };

    /// `CLIENTS` and `LANGUAGES`: the names `render` takes, in `render_all`'s order;
    /// a client by its id, one no other client has (`openai-python`, `openai-js`).
    #[pymodule_init]
    fn init(module: &Bound<'_, PyModule>) -> PyResult<()> {
        let py = module.py();
        let clients = Client::ALL.map(Client::id);
        let languages = Language::ALL.map(Language::name);
        module.add("CLIENTS", PyTuple::new(py, clients)?.into_py_any(py)?)?;
        module.add("LANGUAGES", PyTuple::new(py, languages)?.into_py_any(py)?)?;
        Ok(())
    }
}
