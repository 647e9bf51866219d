//! The Node addon: the crate's functions for JavaScript. Arguments become the
//! crate's types, results plain objects; every decision is the crate's (`Input`,
//! `Choice`, `to_spec`, `docs`), so the package says exactly what the `snippet`
//! command line says. `index.js` gives these functions their JavaScript shape
//! (options objects, `Error` subclasses); nothing imports this addon directly.

mod problem;

use std::path::PathBuf;

use inference_snippets::{
    Choice, Client, CurlOptions, Input, Language, Options, Shell, Snippets, docs,
};
use napi::Status;
use napi_derive::napi;

use problem::{Kind, error};

/// The name of a request given as an argument, in diagnostics.
const REQUEST: &str = "<request>";
/// The name of a curl command given as an argument, in diagnostics.
const COMMAND: &str = "<command>";

/// One snippet, as `@huggingface/inference`'s `getInferenceSnippets` gives them.
#[napi(object)]
pub struct Snippet {
    /// `curl`, `python`, `js` or `rust`.
    pub language: String,
    /// The client, e.g. `huggingface.js`.
    pub client: String,
    /// The code, ending in exactly one newline.
    pub content: String,
}

/// A curl command read: its spec as JSON text, and what it asked for that the
/// snippets do not reproduce.
#[napi(object)]
pub struct ParsedCurl {
    /// The request's JSON spec.
    pub request: String,
    /// The warnings, as a JSON array of diagnostics.
    pub warnings: String,
}

/// A region of a page that is not what the tool generates.
#[napi(object)]
pub struct Drift {
    /// The page.
    pub file: String,
    /// The begin marker's line.
    pub line: u32,
    /// The begin marker's column.
    pub column: u32,
    /// A unified diff from the region's content to the generated one.
    pub diff: String,
}

/// The spec `request` read and made ready: JSON text, whose problems have places,
/// or the JSON of an object (`from_object`), which has no text to place them in.
fn spec(request: &str, from_object: bool) -> napi::Result<Input> {
    let fail = |err| error(&err, Kind::Spec);
    let read = if from_object {
        let value = serde_json::from_str(request);
        let value = value.map_err(|err| napi::Error::new(Status::InvalidArg, err.to_string()))?;
        Input::spec_value(&value)
    } else {
        Input::spec(request, REQUEST)
    };
    let mut input = read.map_err(fail)?;
    input.prepare(false).map_err(fail)?;
    Ok(input)
}

/// The curl `command` read in `shell` with `task`, made ready.
fn curl(command: &str, shell: Option<String>, task: Option<String>) -> napi::Result<Input> {
    let fail = |err| error(&err, Kind::Curl);
    let shell = shell.as_deref().map(str::parse::<Shell>).transpose();
    let options = CurlOptions {
        shell: shell.map_err(fail)?,
        keep_token: false,
    };
    let mut input = Input::curl(command, COMMAND, &options).map_err(fail)?;
    if let Some(task) = task {
        input.set_task(&task).map_err(fail)?;
    }
    input.prepare(false).map_err(fail)?;
    Ok(input)
}

/// The snippets of `input` that `choice` asks for; problems are of `kind`.
fn snippets(input: &Input, choice: Choice, kind: Kind) -> napi::Result<Snippets> {
    let done = input.snippets(choice, &Options::default());
    done.map_err(|err| error(&err, kind))
}

/// The snippets the names ask for: every one with `all` (`Choice::named`), else the
/// one the function returns (`Choice::one`).
fn choice(client: Option<&str>, language: Option<&str>, all: bool) -> napi::Result<Choice> {
    let choice = match all {
        true => Choice::named(client, language, true),
        false => Choice::one(client, language),
    };
    choice.map_err(|err| error(&err, Kind::Spec))
}

/// The code that sends the spec `request` with `client`, or `language`'s default.
#[napi]
pub fn render(
    request: String,
    from_object: bool,
    client: Option<String>,
    language: Option<String>,
) -> napi::Result<String> {
    let choice = choice(client.as_deref(), language.as_deref(), false)?;
    let input = spec(&request, from_object)?;
    Ok(snippets(&input, choice, Kind::Spec)?.content())
}

/// Every snippet that sends the spec `request` (of `language` only, when given).
#[napi]
pub fn render_all(
    request: String,
    from_object: bool,
    language: Option<String>,
) -> napi::Result<Vec<Snippet>> {
    let choice = choice(None, language.as_deref(), true)?;
    let input = spec(&request, from_object)?;
    let done = snippets(&input, choice, Kind::Spec)?;
    Ok(done
        .snippets
        .into_iter()
        .map(|snippet| Snippet {
            language: snippet.language.name().to_owned(),
            client: snippet.client.name().to_owned(),
            content: snippet.content,
        })
        .collect())
}

/// The curl `command` as a JSON spec, and its warnings.
#[napi]
pub fn parse_curl(
    command: String,
    shell: Option<String>,
    task: Option<String>,
) -> napi::Result<ParsedCurl> {
    let input = curl(&command, shell, task)?;
    let spec = input.to_spec().map_err(|err| error(&err, Kind::Curl))?;
    Ok(ParsedCurl {
        request: spec.to_string(),
        warnings: problem::list(&input.warnings, Kind::Curl),
    })
}

/// The code that sends what the curl `command` sends, with `client` or `language`'s default.
#[napi]
pub fn convert_curl(
    command: String,
    client: Option<String>,
    language: Option<String>,
    task: Option<String>,
    shell: Option<String>,
) -> napi::Result<String> {
    let choice = choice(client.as_deref(), language.as_deref(), false)?;
    let input = curl(&command, shell, task)?;
    Ok(snippets(&input, choice, Kind::Curl)?.content())
}

/// The pages of `paths` (the current folder when empty), each brought up to date
/// (without writing); every page is read before any is written.
fn pages(paths: Vec<String>) -> napi::Result<Vec<docs::Page>> {
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    let pages = docs::pages(&paths).and_then(Iterator::collect);
    pages.map_err(|err| error(&err, Kind::Docs))
}

/// The drifted regions of the pages of `paths`.
#[napi]
pub fn docs_check(paths: Vec<String>) -> napi::Result<Vec<Drift>> {
    let number = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(pages(paths)?
        .iter()
        .flat_map(|page| {
            page.updated.drifts.iter().map(move |drift| Drift {
                file: page.path.display().to_string(),
                line: number(drift.at.line),
                column: number(drift.at.column),
                diff: drift.diff.clone(),
            })
        })
        .collect())
}

/// Rewrites the drifted regions of the pages of `paths`; the pages rewritten.
#[napi]
pub fn docs_write(paths: Vec<String>) -> napi::Result<Vec<String>> {
    let mut written = Vec::new();
    for page in pages(paths)? {
        if page.write().map_err(|err| error(&err, Kind::Docs))? {
            written.push(page.path.display().to_string());
        }
    }
    Ok(written)
}

/// The lint findings of the pages of `paths`, as a JSON array of diagnostics.
#[napi]
pub fn docs_lint(paths: Vec<String>) -> napi::Result<String> {
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    let findings = docs::lint_pages(&paths).and_then(Iterator::collect::<Result<Vec<_>, _>>);
    let findings = findings.map_err(|err| error(&err, Kind::Docs))?;
    Ok(problem::list(findings.iter().flatten(), Kind::Docs))
}

/// Every tab of the pages of `paths` with a curl block beside it run through the
/// recording proxy (`snippet verify`): a JSON object `{findings, summary, runtimes,
/// isolation}`, the findings as diagnostics. `cache`: the runtimes' folder (default:
/// `$SNIPPET_CACHE_DIR`, else the user's cache folder); `timeout`: seconds a block
/// may run.
#[napi]
pub fn verify(
    paths: Vec<String>,
    cache: Option<String>,
    timeout: Option<u32>,
) -> napi::Result<String> {
    use inference_snippets::verify::{self, Options, Verifier};
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    let cache = cache.map(PathBuf::from).unwrap_or_else(|| {
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
    if let Some(seconds) = timeout {
        options.bounds.timeout = std::time::Duration::from_secs(u64::from(seconds));
    }
    let verifier =
        Verifier::new(options).map_err(|err| napi::Error::from_reason(err.to_string()))?;
    let verified = verifier
        .paths(&paths)
        .map_err(|err| error(&err, Kind::Docs));
    let _ = std::fs::remove_dir_all(&work);
    let verified = verified?;
    let findings: serde_json::Value =
        serde_json::from_str(&problem::list(verified.findings(), Kind::Docs)).unwrap_or_default();
    let mut out = verifier.describe();
    out["findings"] = findings;
    out["summary"] = verified.summary.to_json();
    Ok(out.to_string())
}

/// The OpenAPI document `spec` read and each operation's samples rendered, with the
/// options of `snippet openapi`: `choices` (clients, languages, lang style) and
/// `read` (server, example, token variable).
fn samples(
    spec: &str,
    choices: (Vec<String>, Vec<String>, String),
    read: (Option<String>, Option<String>, Option<String>),
) -> napi::Result<inference_snippets::Samples> {
    let (clients, languages, lang_style) = choices;
    let clients: Vec<&str> = clients.iter().map(String::as_str).collect();
    let languages: Vec<&str> = languages.iter().map(String::as_str).collect();
    let mut options = inference_snippets::SampleOptions::named(&clients, &languages, &lang_style)
        .map_err(|err| error(&err, Kind::Spec))?;
    (
        options.read.server,
        options.read.example,
        options.read.token_env,
    ) = read;
    inference_snippets::openapi_samples(spec, "<openapi>", &options)
        .map_err(|err| error(&err, Kind::Spec))
}

/// Code samples for every operation of an OpenAPI document (its text), as
/// `snippet openapi` writes them: a JSON object `{text, operations, notes}`: the
/// overlay (or with `write`, the spec itself with `x-codeSamples`), each operation
/// with its samples, and the notes as diagnostics.
#[napi]
#[allow(clippy::too_many_arguments)]
pub fn openapi(
    spec: String,
    clients: Vec<String>,
    languages: Vec<String>,
    lang_style: String,
    server: Option<String>,
    example: Option<String>,
    token_env: Option<String>,
    write: bool,
    yaml: Option<bool>,
) -> napi::Result<String> {
    let samples = samples(
        &spec,
        (clients, languages, lang_style),
        (server, example, token_env),
    )?;
    let text = if write {
        samples.written().map_err(|err| error(&err, Kind::Spec))?
    } else {
        samples.overlay(yaml.unwrap_or_else(|| samples.is_yaml()))
    };
    let operations: Vec<serde_json::Value> = samples
        .operations
        .iter()
        .map(|entry| {
            serde_json::json!({
                "method": entry.operation.method,
                "path": entry.operation.path,
                "operationId": entry.operation.id,
                "pointer": entry.operation.pointer,
                "samples": entry.samples.iter().map(|sample| serde_json::json!({
                    "client": sample.client.id(),
                    "lang": sample.lang,
                    "label": sample.label,
                    "source": sample.source,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let notes: serde_json::Value =
        serde_json::from_str(&problem::list(samples.notes.iter(), Kind::Spec)).unwrap_or_default();
    Ok(serde_json::json!({"text": text, "operations": operations, "notes": notes}).to_string())
}

/// The operations of `spec` whose samples differ from the ones `openapi` writes, in
/// the spec or in `overlay` (an overlay's text): a JSON array of `{operation, line,
/// column, diff}`.
#[napi]
#[allow(clippy::too_many_arguments)]
pub fn openapi_check(
    spec: String,
    overlay: Option<String>,
    clients: Vec<String>,
    languages: Vec<String>,
    lang_style: String,
    server: Option<String>,
    example: Option<String>,
    token_env: Option<String>,
) -> napi::Result<String> {
    let samples = samples(
        &spec,
        (clients, languages, lang_style),
        (server, example, token_env),
    )?;
    let drifts = match overlay {
        Some(overlay) => samples
            .overlay_drifts(&overlay, "<overlay>")
            .map_err(|err| error(&err, Kind::Spec))?,
        None => samples.drifts(),
    };
    let drifts: Vec<serde_json::Value> = drifts
        .iter()
        .map(|drift| {
            serde_json::json!({
                "operation": drift.operation,
                "line": drift.place.map(|place| place.line),
                "column": drift.place.map(|place| place.column),
                "diff": drift.diff,
            })
        })
        .collect();
    Ok(serde_json::Value::Array(drifts).to_string())
}

/// The clients `render` takes, in `renderAll`'s order, each by its id: one no other
/// client has (`openai-python`, `openai-js`).
#[napi]
pub fn clients() -> Vec<&'static str> {
    Client::ALL.map(Client::id).to_vec()
}

/// The language names, in `renderAll`'s order.
#[napi]
pub fn languages() -> Vec<&'static str> {
    Language::ALL.map(Language::name).to_vec()
}
