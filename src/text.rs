//! Input bytes as text: what is not UTF-8 is refused at its place.

/// `bytes` as a `String`, or the 1-based line and column (in characters) of the
/// first byte that is not UTF-8, for a message the user can act on.
pub(crate) fn decode(bytes: Vec<u8>) -> Result<String, (usize, usize)> {
    String::from_utf8(bytes).map_err(|err| {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
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
        (line, column)
    })
}

/// What to do about text that is not UTF-8.
pub(crate) const NOT_UTF8: &str = "not UTF-8 text; save it as UTF-8";
