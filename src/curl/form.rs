//! The value of `-F` / `--form`: `name=text`, `name=@file`, `name=<file`, each
//! followed by `;type=MIME` and `;filename=NAME` as curl reads them.

use crate::diagnostic::Code;
use crate::error::Error;
use crate::model::{Part, PartContent};
use crate::text::{Segment, Text};

/// Reads one `-F` value; `literal` is `--form-string`, whose text is never
/// interpreted. Errors are for the caller to place.
pub(crate) fn part(value: &Text, literal: bool) -> Result<Part, Error> {
    match value.without_vars() {
        Some(text) => part_of_text(&text, literal),
        None => part_with_vars(value, literal),
    }
}

/// A part whose value reads variables: `name=text` only (a file named by a
/// variable, or parameters around one, are refused).
fn part_with_vars(value: &Text, literal: bool) -> Result<Part, Error> {
    let segments = value.segments();
    let (name, first) = match segments.first() {
        Some(Segment::Literal(first)) => match first.split_once('=') {
            Some(split) => split,
            None => {
                return Err(invalid(format!(
                    "-F {value:?} has no `=` before its variable; write name=$VALUE"
                )));
            }
        },
        _ => {
            return Err(invalid(format!(
                "-F {value}: the field name cannot come from a variable"
            )));
        }
    };
    let mut text = Text::from(first);
    segments[1..]
        .iter()
        .for_each(|segment| text.push(segment.clone()));
    let special = !literal
        && (first.starts_with(['@', '<'])
            || text
                .segments()
                .iter()
                .any(|segment| matches!(segment, Segment::Literal(part) if part.contains(';'))));
    if special {
        return Err(invalid(format!(
            "-F {value}: a file or ;parameters next to a variable are not supported; use --form-string for text"
        )));
    }
    Ok(Part {
        name: name.to_owned(),
        content: PartContent::Text(text),
        content_type: None,
        filename: None,
    })
}

/// A part of literal text.
fn part_of_text(value: &str, literal: bool) -> Result<Part, Error> {
    let Some((name, rest)) = value.split_once('=') else {
        return Err(invalid(format!(
            "-F {value:?} has no `=`; write name=value, name=@file or name=<file"
        )));
    };
    if literal {
        return Ok(Part {
            name: name.to_owned(),
            content: PartContent::Text(Text::from(rest)),
            content_type: None,
            filename: None,
        });
    }
    let (kind, rest) = match rest.as_bytes().first() {
        Some(b'@') => (Some('@'), &rest[1..]),
        Some(b'<') => (Some('<'), &rest[1..]),
        _ => (None, rest),
    };
    let (content, mut parameters) = split_parameters(rest)?;
    let mut part = Part {
        name: name.to_owned(),
        content: match kind {
            Some('@') => PartContent::File(content.clone()),
            Some(_) => PartContent::FileText(content.clone()),
            None => PartContent::Text(Text::from(content.as_str())),
        },
        content_type: None,
        filename: None,
    };
    for (key, value) in parameters.drain(..) {
        match key.as_str() {
            "type" => part.content_type = Some(value),
            "filename" => part.filename = Some(value),
            other => {
                return Err(invalid(format!(
                    "-F {name}: ;{other}= is not supported; only ;type= and ;filename="
                )));
            }
        }
    }
    if kind == Some('@') {
        if part.content_type.is_none() {
            part.content_type = Some(guess(&content).to_owned());
        }
        if part.filename.is_none() {
            let base = content.rsplit(['/', '\\']).next().unwrap_or(&content);
            part.filename = Some(base.to_owned());
        }
    }
    Ok(part)
}

/// `content;key=value;...`, where `content` and values may be double-quoted
/// (`@"a;b.png"`) with `\"` and `\\` escapes. A `;` not followed by a known key
/// stays in plain text content, as curl keeps it.
fn split_parameters(text: &str) -> Result<(String, Vec<(String, String)>), Error> {
    let (content, mut rest) = quoted_or_until_known(text)?;
    let mut parameters = Vec::new();
    while let Some(after) = rest.strip_prefix(';') {
        let Some((key, value)) = after.split_once('=') else {
            return Err(invalid(format!("-F: cannot read the parameter {after:?}")));
        };
        let (value, remaining) = quoted_or_until_known(value)?;
        parameters.push((key.trim().to_ascii_lowercase(), value));
        rest = remaining;
    }
    Ok((content, parameters))
}

const KEYS: &[&str] = &["type=", "filename=", "headers=", "encoder="];

fn quoted_or_until_known(text: &str) -> Result<(String, &str), Error> {
    if let Some(inner) = text.strip_prefix('"') {
        let mut out = String::new();
        let mut chars = inner.char_indices();
        while let Some((index, c)) = chars.next() {
            match c {
                '\\' => {
                    if let Some((_, next)) = chars.next() {
                        out.push(next);
                    }
                }
                '"' => return Ok((out, &inner[index + 1..])),
                c => out.push(c),
            }
        }
        return Err(invalid(format!("-F: unterminated quote in {text:?}")));
    }
    let mut end = text.len();
    for (index, _) in text.match_indices(';') {
        let after = text[index + 1..].trim_start().to_ascii_lowercase();
        if KEYS.iter().any(|key| after.starts_with(key)) {
            end = index;
            break;
        }
    }
    Ok((text[..end].to_owned(), &text[end..]))
}

/// The type curl gives a file part from its extension.
fn guess(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match extension.as_deref() {
        Some("gif") => "image/gif",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        Some("txt") => "text/plain",
        Some("htm" | "html") => "text/html",
        Some("pdf") => "application/pdf",
        Some("xml") => "application/xml",
        _ => "application/octet-stream",
    }
}

fn invalid(message: String) -> Error {
    Error::new(Code::InvalidForm, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, path: &str, filename: &str, content_type: &str) -> Part {
        Part {
            name: name.into(),
            content: PartContent::File(path.into()),
            content_type: Some(content_type.into()),
            filename: Some(filename.into()),
        }
    }

    #[test]
    fn forms() {
        assert_eq!(
            part_of_text("files=@img/chair.png", false),
            Ok(file("files", "img/chair.png", "chair.png", "image/png"))
        );
        assert_eq!(
            part_of_text("f=@\"a;b.flac\";type=audio/x-flac;filename=up.flac", false),
            Ok(file("f", "a;b.flac", "up.flac", "audio/x-flac"))
        );
        assert_eq!(
            part_of_text("blob=@data.bin", false),
            Ok(file(
                "blob",
                "data.bin",
                "data.bin",
                "application/octet-stream"
            ))
        );
        let text = part_of_text("q=a;b c;type=text/x", false).unwrap();
        assert_eq!(text.content, PartContent::Text("a;b c".into()));
        assert_eq!(text.content_type.as_deref(), Some("text/x"));
        assert_eq!(
            part_of_text("c=<notes.txt", false).unwrap().content,
            PartContent::FileText("notes.txt".into())
        );
        assert_eq!(
            part_of_text("s=@not-a-file;x", true).unwrap().content,
            PartContent::Text("@not-a-file;x".into())
        );
    }

    #[test]
    fn errors() {
        assert!(
            part_of_text("novalue", false)
                .unwrap_err()
                .to_string()
                .contains("has no `=`")
        );
        assert!(
            part_of_text("h=x;headers=X-A: 1", false)
                .unwrap_err()
                .to_string()
                .contains(";headers= is not supported")
        );
        assert!(
            part_of_text("f=@\"open", false)
                .unwrap_err()
                .to_string()
                .contains("unterminated quote")
        );
    }
}
