//! `snippet mdbook`: an mdBook preprocessor (`[preprocessor.snippet]` with `command =
//! "snippet mdbook"` in `book.toml`). mdBook first runs `snippet mdbook supports
//! RENDERER`, then `snippet mdbook` with `[context, book]` as JSON on standard input,
//! and reads the book back from standard output. The regions of every chapter are
//! rendered in memory: the source files are never written, so they may keep their
//! regions empty.
//!
//! The book stays a `serde_json::Value`: what this tool does not know (an item shape
//! or a field of a newer mdBook) goes back as it came, and no mdbook crate has to
//! match the version of the mdBook that runs us.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use inference_snippets::{Code, Diagnostic, docs};
use serde_json::{Map, Value};

use crate::report::Reporter;

/// `snippet mdbook [supports RENDERER]`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    pub action: Option<Action>,
}

#[derive(Debug, clap::Subcommand)]
pub(crate) enum Action {
    /// Exit 0: every renderer is supported, since a region renders to plain Markdown.
    Supports {
        /// The renderer mdBook asks about (html, markdown, ...).
        renderer: String,
    },
}

/// Exit codes: 0 the book went to stdout, 1 it could not be written there, 2 a
/// chapter (or the input) is malformed.
pub(crate) fn run(args: &Args, reporter: &Reporter) -> ExitCode {
    if let Some(Action::Supports { .. }) = args.action {
        return ExitCode::SUCCESS;
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        let usage = Diagnostic::error(
            Code::Usage,
            "snippet mdbook reads the book mdBook sends on standard input",
        )
        .advice("add [preprocessor.snippet] with command = \"snippet mdbook\" to book.toml and run mdbook build");
        reporter.emit(&usage);
        return ExitCode::from(2);
    }
    let mut bytes = Vec::new();
    if let Err(err) = stdin.lock().read_to_end(&mut bytes) {
        reporter.emit(&protocol_error(&format!(
            "cannot read standard input: {err}"
        )));
        return ExitCode::from(2);
    }
    let input = match inference_snippets::decode_text(bytes, "-") {
        Ok(input) => input,
        Err(err) => {
            reporter.emit(err.diagnostic());
            return ExitCode::from(2);
        }
    };
    let Some(book) = preprocess(&input, reporter) else {
        return ExitCode::from(2);
    };
    let mut stdout = std::io::stdout().lock();
    match serde_json::to_writer(&mut stdout, &book)
        .map_err(std::io::Error::from)
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // mdBook reads the whole book: a closed pipe means it gave up on us.
            eprintln!("snippet: cannot write the book to standard output: {err}");
            ExitCode::FAILURE
        }
    }
}

/// The book of `input` (`[context, book]`) with every chapter's regions rendered, or
/// `None` once every problem found has been reported: all chapters are tried, so one
/// build names every broken page.
fn preprocess(input: &str, reporter: &Reporter) -> Option<Value> {
    let (context, mut book) = match split(input) {
        Ok(parts) => parts,
        Err(message) => {
            reporter.emit(&protocol_error(&message));
            return None;
        }
    };
    let sources = Sources::of(&context);
    let mut failed = false;
    // mdBook 0.5 calls the top-level list `items`, 0.4 `sections`.
    for key in ["items", "sections"] {
        if let Some(Value::Array(items)) = book.get_mut(key) {
            for_each_chapter(items, &mut |chapter| {
                failed |= !render_chapter(chapter, &sources, reporter);
            });
        }
    }
    (!failed).then_some(book)
}

/// `[context, book]`, or why the input is not what mdBook sends.
fn split(input: &str) -> Result<(Value, Value), String> {
    let value: Value = serde_json::from_str(input).map_err(|err| {
        format!("standard input is not the JSON mdBook sends ([context, book]): {err}")
    })?;
    if let Value::Array(pair) = value
        && let Ok([context, book]) = <[Value; 2]>::try_from(pair)
        && context.is_object()
        && book.is_object()
    {
        return Ok((context, book));
    }
    Err("standard input is not the JSON mdBook sends ([context, book], two objects)".into())
}

/// Where the book's chapter files are.
struct Sources {
    /// `context.root`: mdBook runs preprocessors there, and messages name files from it.
    root: PathBuf,
    /// `book.src` as configured (default `src`), relative to `root` unless absolute.
    src: PathBuf,
}

impl Sources {
    fn of(context: &Value) -> Sources {
        let text = |value: Option<&Value>| value.and_then(Value::as_str).map(PathBuf::from);
        Sources {
            root: text(context.get("root")).unwrap_or_else(|| PathBuf::from(".")),
            // mdBook 0.5 leaves `src` out of the context when it is the default.
            src: text(context.pointer("/config/book/src")).unwrap_or_else(|| "src".into()),
        }
    }
}

/// Calls `visit` with every chapter of `items`, sub-chapters included. Separators,
/// part titles and shapes this tool does not know are left alone.
fn for_each_chapter(items: &mut [Value], visit: &mut impl FnMut(&mut Map<String, Value>)) {
    for item in items {
        if let Some(Value::Object(chapter)) = item.get_mut("Chapter") {
            visit(chapter);
            if let Some(Value::Array(sub_items)) = chapter.get_mut("sub_items") {
                for_each_chapter(sub_items, visit);
            }
        }
    }
}

/// Renders the regions of one chapter's `content` in place; false after reporting
/// the error that stopped it.
fn render_chapter(
    chapter: &mut Map<String, Value>,
    sources: &Sources,
    reporter: &Reporter,
) -> bool {
    // `path` is where the page is published (the index preprocessor turns README.md
    // into index.md); `source_path` is the file the author edits. A draft has neither.
    let Some(file) = ["source_path", "path"]
        .iter()
        .find_map(|key| chapter.get(*key).and_then(Value::as_str))
        .map(PathBuf::from)
    else {
        return true;
    };
    let Some(Value::String(content)) = chapter.get_mut("content") else {
        return true;
    };
    // Messages name the file from the book's root (`src/intro.md`); `request=`
    // paths are read beside the chapter's file.
    let origin = sources.src.join(&file).display().to_string();
    let path = sources.root.join(&sources.src).join(&file);
    let base = path.parent().unwrap_or(Path::new("."));
    match docs::update(content, &origin, base) {
        Ok(updated) => {
            for warning in &updated.warnings {
                reporter.emit(warning);
            }
            *content = updated.text;
            true
        }
        Err(err) => {
            for warning in err.warnings() {
                reporter.emit(warning);
            }
            reporter.emit(err.diagnostic());
            false
        }
    }
}

/// A problem with what is on standard input rather than with a page.
fn protocol_error(message: &str) -> Diagnostic {
    Diagnostic::error(Code::InvalidJson, message).in_source("-")
}
