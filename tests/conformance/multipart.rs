//! `multipart/form-data` bodies read back into parts: each client picks its own
//! boundary, so forms are compared part by part, never byte for byte.

use std::fmt;

/// One part of a form, as a server reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct FormPart {
    pub name: String,
    pub filename: Option<String>,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

impl fmt::Display for FormPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "name={:?}", self.name)?;
        if let Some(filename) = &self.filename {
            write!(f, " filename={filename:?}")?;
        }
        if let Some(content_type) = &self.content_type {
            write!(f, " type={content_type:?}")?;
        }
        write!(f, " {} bytes", self.body.len())
    }
}

/// The parts of `body`, sent with the Content-Type `content_type`.
pub(super) fn parse(content_type: &str, body: &[u8]) -> Result<Vec<FormPart>, String> {
    let boundary = param(content_type, "boundary")
        .ok_or_else(|| format!("no boundary in Content-Type {content_type:?}"))?;
    let delimiter = format!("--{boundary}").into_bytes();
    let mut rest = body
        .strip_prefix(delimiter.as_slice())
        .ok_or("the body does not start with the boundary")?;
    let mut parts = Vec::new();
    let separator = [b"\r\n".as_slice(), &delimiter].concat();
    loop {
        if rest.starts_with(b"--") {
            return Ok(parts);
        }
        rest = rest
            .strip_prefix(b"\r\n")
            .ok_or("no line break after a boundary")?;
        let end = find(rest, &separator).ok_or("a part has no closing boundary")?;
        parts.push(part(&rest[..end])?);
        rest = &rest[end + separator.len()..];
    }
}

fn part(raw: &[u8]) -> Result<FormPart, String> {
    let end = find(raw, b"\r\n\r\n").ok_or("a part has no blank line after its headers")?;
    let head = String::from_utf8_lossy(&raw[..end]);
    let mut part = FormPart {
        name: String::new(),
        filename: None,
        content_type: None,
        body: raw[end + 4..].to_vec(),
    };
    for line in head.split("\r\n") {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-disposition") {
            part.name = param(value, "name").ok_or("a part without a name")?;
            part.filename = param(value, "filename");
        } else if name.eq_ignore_ascii_case("content-type") {
            part.content_type = Some(value.to_owned());
        }
    }
    Ok(part)
}

/// The value of `key` among the `; key=value` parameters of a header value, quoted
/// (with backslash escapes) or not.
fn param(value: &str, key: &str) -> Option<String> {
    let mut rest = value.split_once(';')?.1;
    loop {
        rest = rest.trim_start_matches([' ', '\t', ';']);
        if rest.is_empty() {
            return None;
        }
        let (name, after) = rest.split_once('=')?;
        let name = name.trim();
        let (found, after) = if let Some(quoted) = after.strip_prefix('"') {
            let mut text = String::new();
            let mut chars = quoted.char_indices();
            let mut end = quoted.len();
            while let Some((index, c)) = chars.next() {
                match c {
                    '\\' => text.extend(chars.next().map(|(_, c)| c)),
                    '"' => {
                        end = index + 1;
                        break;
                    }
                    c => text.push(c),
                }
            }
            (text, &quoted[end..])
        } else {
            let end = after.find(';').unwrap_or(after.len());
            (after[..end].trim().to_owned(), &after[end..])
        };
        if name.eq_ignore_ascii_case(key) {
            return Some(found);
        }
        rest = after;
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_parts_with_quoted_parameters() {
        let body = b"--XY\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\none\r\n--XY\r\n\
Content-Disposition: form-data; name=\"f\"; filename=\"t; \\\"2\\\".flac\"\r\n\
Content-Type: audio/x-flac\r\n\r\n\0\xff\r\n--XY--\r\n";
        let parts = parse("multipart/form-data; boundary=XY", body).unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].body, b"one");
        assert_eq!(parts[1].filename.as_deref(), Some("t; \"2\".flac"));
        assert_eq!(parts[1].content_type.as_deref(), Some("audio/x-flac"));
        assert_eq!(parts[1].body, b"\0\xff");
    }
}
