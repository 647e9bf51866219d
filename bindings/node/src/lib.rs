//! The Node addon: the crate's functions for JavaScript. Arguments become the
//! crate's types, results plain objects; every decision is the crate's (`Input`,
//! `Choice`, `to_spec`, `docs`), so the package says exactly what the `snippet`
//! command line says. `index.js` gives these functions their JavaScript shape
//! (options objects, `Error` subclasses); nothing imports this addon directly.

mod problem;

use std::path::PathBuf;

use inference_snippets::{
    Choice, Client, CurlOptions, Error, Input, Language, Options, Shell, Snippets, Task, docs,
};
use napi_derive::napi;

use problem::{Diagnostic, Kind, error, usage};

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
    /// The warnings.
    pub warnings: Vec<Diagnostic>,
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

/// The spec `text` read and made ready.
fn spec(text: &str, from_object: bool) -> napi::Result<Input> {
    let fail = |err| spec_error(err, from_object);
    let mut input = Input::spec(text, REQUEST).map_err(fail)?;
    input.prepare(false).map_err(fail)?;
    Ok(input)
}

/// The snippets `choice` asks for; problems are the spec's or refusals.
fn spec_snippets(input: &Input, from_object: bool, choice: Choice) -> napi::Result<Snippets> {
    let done = input.snippets(choice, &Options::default());
    done.map_err(|err| spec_error(err, from_object))
}

/// A problem of a spec. `from_object`: the text is JSON the caller wrote from an
/// object, which has no lines to point into, so the problem loses its place.
fn spec_error(err: Error, from_object: bool) -> napi::Error {
    if !from_object {
        return error(&err, Kind::Spec);
    }
    let mut diagnostic = err.into_diagnostic();
    diagnostic.source = None;
    diagnostic.place = None;
    error(&diagnostic.into(), Kind::Spec)
}

/// The curl `command` read with the task given, made ready.
fn curl(command: &str, shell: Option<String>, task: Option<String>) -> napi::Result<Input> {
    let options = CurlOptions {
        shell: shell
            .map(|name| name.parse::<Shell>().map_err(usage))
            .transpose()?,
        keep_token: false,
    };
    let task = task
        .map(|name| name.parse::<Task>())
        .transpose()
        .map_err(|err| error(&err.into(), Kind::Usage))?;
    let mut input =
        Input::curl(command, COMMAND, &options).map_err(|err| error(&err, Kind::Curl))?;
    if task.is_some() {
        input.request.task = task;
    }
    input
        .prepare(false)
        .map_err(|err| error(&err, Kind::Curl))?;
    Ok(input)
}

fn language(name: Option<String>) -> napi::Result<Option<Language>> {
    name.map(|name| name.parse::<Language>().map_err(usage))
        .transpose()
}

/// The one snippet `client` or `language` names. A name two languages share
/// (`openai`) is the client of `language`, or needs it.
fn choice(client: Option<String>, language: Option<String>) -> napi::Result<Choice> {
    let language = self::language(language)?;
    let client = match (client, language) {
        (Some(name), Some(language)) => Client::named_in(&name, language),
        (Some(name), None) => name.parse::<Client>(),
        (None, Some(language)) => return Ok(Choice::Language(language)),
        (None, None) => {
            return Err(usage(
                "name a client (render(request, \"fetch\")) or a language ({ language: \"js\" })"
                    .to_owned(),
            ));
        }
    };
    let client = client.map_err(usage)?;
    Choice::client_in(client, language).map_err(|err| error(&err, Kind::Usage))
}

/// The content of the one snippet of a conversion.
fn content(done: Snippets) -> String {
    done.snippets
        .into_iter()
        .next()
        .map(|snippet| snippet.content)
        .unwrap_or_default()
}

/// The code that sends the spec `request` with `client`, or `language`'s default.
#[napi]
pub fn render(
    request: String,
    from_object: bool,
    client: Option<String>,
    language: Option<String>,
) -> napi::Result<String> {
    let choice = choice(client, language)?;
    let input = spec(&request, from_object)?;
    Ok(content(spec_snippets(&input, from_object, choice)?))
}

/// Every snippet that sends the spec `request` (of `language` only, when given).
#[napi]
pub fn render_all(
    request: String,
    from_object: bool,
    language: Option<String>,
) -> napi::Result<Vec<Snippet>> {
    let language = self::language(language)?;
    let input = spec(&request, from_object)?;
    let done = spec_snippets(&input, from_object, Choice::All(language))?;
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
    let warnings = input.warnings.iter();
    Ok(ParsedCurl {
        request: spec.to_string(),
        warnings: warnings.map(|w| Diagnostic::of(w, Kind::Curl)).collect(),
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
    let choice = choice(client, language)?;
    let input = curl(&command, shell, task)?;
    let done = input.snippets(choice, &Options::default());
    Ok(content(done.map_err(|err| error(&err, Kind::Curl))?))
}

/// The pages of `paths` (the current folder when empty), each brought up to date.
fn updated(paths: Vec<String>) -> Result<Vec<(PathBuf, docs::Updated)>, Error> {
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    docs::markdown_files(&paths)?
        .into_iter()
        .map(|file| docs::update_file(&file).map(|updated| (file, updated)))
        .collect()
}

/// The drifted regions of the pages of `paths`.
#[napi]
pub fn docs_check(paths: Vec<String>) -> napi::Result<Vec<Drift>> {
    let pages = updated(paths).map_err(|err| error(&err, Kind::Docs))?;
    let number = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(pages
        .iter()
        .flat_map(|(file, page)| {
            page.drifts.iter().map(move |drift| Drift {
                file: file.display().to_string(),
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
    let written = (|| -> Result<Vec<String>, Error> {
        let drifted = updated(paths)?
            .into_iter()
            .filter(|(_, page)| !page.drifts.is_empty());
        drifted
            .map(|(file, page)| docs::write_file(&file, &page).map(|()| file.display().to_string()))
            .collect()
    })();
    written.map_err(|err| error(&err, Kind::Docs))
}

/// The lint findings of the pages of `paths`.
#[napi]
pub fn docs_lint(paths: Vec<String>) -> napi::Result<Vec<Diagnostic>> {
    let findings = (|| -> Result<Vec<_>, Error> {
        let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
        let mut findings = Vec::new();
        for file in docs::markdown_files(&paths)? {
            findings.extend(docs::lint_file(&file)?);
        }
        Ok(findings)
    })();
    let findings = findings.map_err(|err| error(&err, Kind::Docs))?;
    Ok(findings
        .iter()
        .map(|finding| Diagnostic::of(finding, Kind::Docs))
        .collect())
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
