//! Where a conversion goes: standard output, or `-o PATH` written atomically (a
//! directory of one file per client for `--all` as code), never over a different
//! file without `--force`.

use std::fs;
use std::path::{Path, PathBuf};

use inference_snippets::{Code, Diagnostic, Error, Snippet, write_atomic};

/// The files `-o PATH` writes: `PATH` itself, or for several snippets as code, the
/// directory `PATH` with one `<client>.<ext>` file each.
pub(crate) fn files(
    path: &Path,
    text: &str,
    snippets: Option<&[Snippet]>,
) -> Vec<(PathBuf, String)> {
    match snippets {
        Some(snippets) => snippets
            .iter()
            .map(|snippet| {
                (
                    path.join(snippet.client.file_name()),
                    snippet.content.clone(),
                )
            })
            .collect(),
        None => vec![(path.to_path_buf(), text.to_owned())],
    }
}

/// Writes every file, after checking that none would replace a different file
/// (unless `force`): either all are written or none is.
pub(crate) fn write(files: &[(PathBuf, String)], force: bool) -> Result<(), Error> {
    for (path, text) in files {
        match fs::read(path) {
            Ok(old) if old == text.as_bytes() => {}
            Ok(_) if force => {}
            Ok(_) => {
                return Err(Diagnostic::error(
                    Code::Usage,
                    format!("{} exists and holds something else", path.display()),
                )
                .in_source("--output")
                .advice("pass --force to replace it")
                .into());
            }
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
            Err(err) if path.is_dir() => {
                return Err(failed(path, &format!("a directory is in the way ({err})")));
            }
            Err(err) => return Err(failed(path, &err.to_string())),
        }
    }
    for (path, text) in files {
        if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(|err| failed(dir, &err.to_string()))?;
        }
        write_atomic(path, text.as_bytes()).map_err(|err| failed(path, &err.to_string()))?;
    }
    Ok(())
}

/// A file that could not be written, as an error naming it.
pub(crate) fn failed(path: &Path, why: &str) -> Error {
    Diagnostic::error(
        Code::ReadFailed,
        format!("cannot write {}: {why}", path.display()),
    )
    .into()
}
