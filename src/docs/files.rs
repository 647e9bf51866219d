//! The pages of a folder, found as a repository's tools would find them, and what
//! `docs` does to each: bring its regions up to date, write it, lint it.

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::file::io_error;

/// A page of a `docs` run: its path and its regions brought up to date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// Where the page is, as [`markdown_files`] found it; its name in diagnostics.
    pub path: PathBuf,
    /// The page with every region up to date, what drifted, and the warnings.
    pub updated: super::Updated,
}

impl Page {
    /// Writes the page ([`write_file`]) when a region drifted; whether it did.
    pub fn write(&self) -> Result<bool, Error> {
        if self.updated.drifts.is_empty() {
            return Ok(false);
        }
        write_file(&self.path, &self.updated)?;
        Ok(true)
    }
}

/// The pages of `paths` ([`markdown_files`]), each brought up to date
/// ([`update_file`]) when the iteration reaches it, so that a front end reports a
/// page before the next is read, and may go on past one that fails. Writes nothing:
/// [`Page::write`] does.
///
/// # Example
/// ```
/// use inference_snippets::docs;
///
/// let pages = docs::pages(&["tests/docs/outdated.md".into()])?;
/// let pages: Vec<docs::Page> = pages.collect::<Result<_, _>>()?;
/// assert!(pages[0].path.ends_with("outdated.md"));
/// assert!(!pages[0].updated.drifts.is_empty());
/// # Ok::<(), inference_snippets::Error>(())
/// ```
pub fn pages(
    paths: &[PathBuf],
) -> Result<impl ExactSizeIterator<Item = Result<Page, Error>> + use<>, Error> {
    let files = markdown_files(paths)?;
    Ok(files
        .into_iter()
        .map(|path| update_file(&path).map(|updated| Page { path, updated })))
}

/// The findings of [`lint`](super::lint) in each page of `paths`, page by page as
/// [`pages`] reads them.
///
/// # Example
/// ```
/// use inference_snippets::docs;
///
/// let findings: Vec<Vec<_>> = docs::lint_pages(&["tests/docs".into()])?.collect::<Result<_, _>>()?;
/// assert!(findings.iter().flatten().all(|finding| finding.source.is_some()));
/// # Ok::<(), inference_snippets::Error>(())
/// ```
pub fn lint_pages(
    paths: &[PathBuf],
) -> Result<impl ExactSizeIterator<Item = Result<Vec<Diagnostic>, Error>> + use<>, Error> {
    let files = markdown_files(paths)?;
    Ok(files.into_iter().map(|path| lint_file(&path)))
}

/// The files of `paths`, and the `.md` / `.mdx` files under its folders (the current
/// folder when `paths` is empty), each folder's sorted by name. A folder is searched
/// as a repository's tools would: without `.git`, `target` and `node_modules`, and
/// without what `.gitignore` files ignore (even outside a git repository).
///
/// # Example
/// ```
/// use inference_snippets::docs;
///
/// let pages = docs::markdown_files(&["tests/docs".into()])?;
/// assert!(pages.iter().any(|page| page.ends_with("tests/docs/outdated.md")));
/// # Ok::<(), inference_snippets::Error>(())
/// ```
pub fn markdown_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let current = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &current[..]
    } else {
        paths
    };
    let mut files = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        let metadata = std::fs::metadata(path).map_err(|err| io_error(&name, &err))?;
        if metadata.is_dir() {
            walk(path, &mut files).map_err(|err| io_error(&name, &std::io::Error::other(err)))?;
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), ignore::Error> {
    let walker = ignore::WalkBuilder::new(dir)
        // Docs live in hidden folders too (`.github/`); only `.git` is skipped.
        .hidden(false)
        // A .gitignore means what it says even before `git init`.
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(|entry| {
            let skipped = [".git", "target", "node_modules"];
            !(entry.file_type().is_some_and(|kind| kind.is_dir())
                && entry.depth() > 0
                && skipped.iter().any(|name| entry.file_name() == *name))
        })
        .build();
    for entry in walker {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type().is_some_and(|kind| kind.is_file())
            && path.extension().is_some_and(|e| e == "md" || e == "mdx")
        {
            files.push(path.to_path_buf());
        }
    }
    Ok(())
}

/// The page at `path` with its regions brought up to date ([`update`](super::update)),
/// its `request=` paths read beside it; named as the path in diagnostics.
pub fn update_file(path: &Path) -> Result<super::Updated, Error> {
    let text = crate::read_text(path)?;
    let base = path.parent().unwrap_or(Path::new("."));
    super::update(&text, &path.display().to_string(), base)
}

/// The findings of [`lint`](super::lint) in the page at `path`, named as the path.
pub fn lint_file(path: &Path) -> Result<Vec<Diagnostic>, Error> {
    let text = crate::read_text(path)?;
    Ok(super::lint(&text, &path.display().to_string()))
}

/// Writes the page at `path` as `updated` has it ([`write_atomic`](crate::write_atomic));
/// a `read-failed` error naming the path when it cannot.
pub fn write_file(path: &Path, updated: &super::Updated) -> Result<(), Error> {
    crate::write_atomic(path, updated.text.as_bytes())
        .map_err(|err| io_error(&path.display().to_string(), &err))
}
