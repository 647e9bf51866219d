//! Input bytes as text: what is not UTF-8 is refused at its place.

use inference_snippets::{Code, Diagnostic, Error, Place};

/// `bytes` as a `String`, or an error at the first byte that is not UTF-8 (its line
/// and column in characters), for a message the user can act on.
pub(crate) fn decode(bytes: Vec<u8>, source: &str) -> Result<String, Error> {
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
