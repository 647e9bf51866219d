//! The user's files: read as UTF-8 text or refused at the first byte that is not,
//! and replaced whole, never half-written.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::diagnostic::{Code, Diagnostic, Place};
use crate::error::Error;

/// `bytes` as a `String`, or a `not-utf8` error in `source` at the first byte that is
/// not UTF-8 (its line and column in characters), for a message the user can act on.
///
/// # Example
/// ```
/// use inference_snippets::decode_text;
///
/// assert_eq!(decode_text(b"curl x".to_vec(), "-").unwrap(), "curl x");
/// let error = decode_text(b"a\n\xe9t\xe9".to_vec(), "page.md").unwrap_err();
/// assert_eq!(error.to_string(), "page.md:2:1: not UTF-8 text; save it as UTF-8");
/// ```
pub fn decode_text(bytes: Vec<u8>, source: &str) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|err| {
        let start = err.utf8_error().valid_up_to();
        let valid = &err.as_bytes()[..start];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |at| at + 1);
        // Everything before the bad byte is valid, so this is exact.
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        let end = start
            + err
                .utf8_error()
                .error_len()
                .unwrap_or(err.as_bytes().len() - start);
        Diagnostic::error(Code::NotUtf8, "not UTF-8 text")
            .in_source(source)
            .at(Place {
                line,
                column,
                start,
                end,
            })
            .advice("save it as UTF-8")
            .into()
    })
}

/// The text of the file at `path`, named as the path in diagnostics: a `read-failed`
/// error when it cannot be read, `not-utf8` when it is not text.
pub fn read_text(path: &Path) -> Result<String, Error> {
    let name = path.display().to_string();
    let bytes = fs::read(path).map_err(|err| io_error(&name, &err))?;
    decode_text(bytes, &name)
}

/// Replaces the file at `path` by `bytes` through a temporary file renamed over it:
/// a reader (or a crash) sees the old file or the new one, never half of one. A new
/// file gets the usual permissions; a replaced one keeps its own.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.snippet-{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        if let Ok(metadata) = fs::metadata(path) {
            fs::set_permissions(&temp, metadata.permissions())?;
        }
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// An I/O error about the file named `name`.
pub(crate) fn io_error(name: &str, err: &std::io::Error) -> Error {
    Diagnostic::error(Code::ReadFailed, err.to_string())
        .in_source(name)
        .into()
}
