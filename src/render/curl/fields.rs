//! Form values that read a variable curl encodes (`--data-urlencode`, `--url-query`):
//! written back as the options that encode, field by field, so that curl sends the
//! encoded bytes the command did.
//!
//! In the request such a text is already encoded: literal pieces as curl wrote them,
//! variables marked with the case of their escapes. Here each `&`-separated field is
//! turned back into `name=content` (content decoded) for the option to encode again.

use crate::Client;
use crate::error::Error;
use crate::quote::shell;
use crate::render::refusal;
use crate::text::{Escapes, Segment, Text, Var};

/// Whether `text` reads a variable form-encoded.
pub(super) fn form_encodes(text: &Text) -> bool {
    text.vars().any(|var| var.form_encoded.is_some())
}

/// A form body's options: `--data-raw` for a field as it is, `--data-urlencode` for
/// one that encodes a variable. curl joins them with `&`, as they were.
pub(super) fn body(body: &Text) -> Result<Vec<String>, Error> {
    fields(body)
        .iter()
        .map(|field| match escapes(field)? {
            None => Ok(format!("--data-raw {}", shell::text(field))),
            Some(Escapes::Uppercase) => encoded("--data-urlencode", field, Escapes::Uppercase),
            Some(Escapes::Lowercase) => Err(unsupported("a body encoded as --url-query encodes")),
        })
        .collect()
}

/// When the query of `url` encodes a variable: the URL with the fields before it,
/// and the options that add the rest. curl adds `-G` data, or `--url-query` values,
/// through its URL parser (which writes escapes in lowercase before curl 8.20: the
/// case such a variable is marked with). `-G` takes every data option, so a request
/// with a body uses `--url-query`.
pub(super) fn query(url: &Text, has_body: bool) -> Result<Option<(Text, Vec<String>)>, Error> {
    if !form_encodes(url) {
        return Ok(None);
    }
    let Some((base, query)) = split_query(url) else {
        return Ok(None);
    };
    if !form_encodes(&query) {
        return Ok(None);
    }
    let fields = fields(&query);
    let first = fields.iter().position(form_encodes).unwrap_or(fields.len());
    let mut url = base;
    for (index, field) in fields[..first].iter().enumerate() {
        url.push_str(if index == 0 { "?" } else { "&" });
        url.extend(field.clone());
    }
    let mut options = Vec::new();
    if !has_body {
        options.push("-G".to_owned());
    }
    for field in &fields[first..] {
        options.push(match (escapes(field)?, has_body) {
            (None, false) => format!("--data-raw {}", shell::text(field)),
            (None, true) => {
                let mut verbatim = Text::from("+");
                verbatim.extend(field.clone());
                format!("--url-query {}", shell::text(&verbatim))
            }
            (Some(Escapes::Lowercase), false) => {
                encoded("--data-urlencode", field, Escapes::Lowercase)?
            }
            (Some(Escapes::Lowercase), true) => encoded("--url-query", field, Escapes::Lowercase)?,
            (Some(Escapes::Uppercase), _) => {
                return Err(unsupported(
                    "curl writes the escapes of a query it adds in lowercase, and this value has them in uppercase",
                ));
            }
        });
    }
    Ok(Some((url, options)))
}

/// The case of the escapes of the variables `field` encodes; `None` when it encodes
/// none. A field that encodes variables two ways has no option to write it.
fn escapes(field: &Text) -> Result<Option<Escapes>, Error> {
    let mut found = None;
    for escapes in field.vars().filter_map(|var| var.form_encoded) {
        if found.is_some_and(|seen| seen != escapes) {
            return Err(unsupported("a value mixes two encodings"));
        }
        found = Some(escapes);
    }
    Ok(found)
}

/// `option "name=content"`: the field's name up to its first `=`, when that comes
/// before any variable (an encoded content holds no bare `=`), else `=content`; the
/// content decoded, its variables read as they are, for curl to encode again.
fn encoded(option: &str, field: &Text, escapes: Escapes) -> Result<String, Error> {
    let mut segments = field.segments().iter().peekable();
    let mut value = Text::new();
    if let Some(Segment::Literal(first)) = segments.peek() {
        let (name, content) = first.split_once('=').unwrap_or(("", first));
        value.push_str(&format!("{name}="));
        value.push_str(&decoded(content, escapes)?);
        segments.next();
    } else {
        value.push_str("=");
    }
    for segment in segments {
        match segment {
            Segment::Literal(literal) => value.push_str(&decoded(literal, escapes)?),
            Segment::Var(var) if var.form_encoded.is_some() => value.push(Segment::Var(Var {
                form_encoded: None,
                ..var.clone()
            })),
            _ => {
                return Err(unsupported(
                    "a value mixes text curl encodes with text it sends as it is",
                ));
            }
        }
    }
    Ok(format!("{option} {}", shell::text(&value)))
}

/// The text that curl's form encoding turns into exactly `encoded`, when there is one.
fn decoded(encoded: &str, escapes: Escapes) -> Result<String, Error> {
    let kept = |byte: u8| byte.is_ascii_alphanumeric() || b"-._~".contains(&byte);
    let escape_of = |byte: u8| match escapes {
        Escapes::Uppercase => format!("%{byte:02X}"),
        Escapes::Lowercase => format!("%{byte:02x}"),
    };
    let not_encoded = || {
        unsupported(&format!(
            "{encoded:?}, beside a variable curl encodes, is not text it encodes that way"
        ))
    };
    let bytes = encoded.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'+' => out.push(b' '),
            b'%' if index + 2 < bytes.len() => {
                // Bytes, not a str slice: a `%` may come before a multi-byte character.
                let escape = std::str::from_utf8(&bytes[index..index + 3]).unwrap_or_default();
                let byte = u8::from_str_radix(escape.get(1..).unwrap_or_default(), 16)
                    .ok()
                    // curl writes only other bytes this way, in one case.
                    .filter(|&byte| !kept(byte) && byte != b' ' && escape_of(byte) == escape)
                    .ok_or_else(not_encoded)?;
                out.push(byte);
                index += 2;
            }
            byte if kept(byte) => out.push(byte),
            _ => return Err(not_encoded()),
        }
        index += 1;
    }
    String::from_utf8(out).map_err(|_| not_encoded())
}

/// `url` cut at its first literal `?`: what comes before, and the query after.
fn split_query(url: &Text) -> Option<(Text, Text)> {
    let mut base = Text::new();
    let mut segments = url.segments().iter();
    for segment in segments.by_ref() {
        if let Segment::Literal(literal) = segment
            && let Some((before, after)) = literal.split_once('?')
        {
            base.push_str(before);
            let mut query = Text::from(after);
            segments.for_each(|segment| query.push(segment.clone()));
            return Some((base, query));
        }
        base.push(segment.clone());
    }
    None
}

/// The `&`-separated fields of a form text.
fn fields(text: &Text) -> Vec<Text> {
    let mut fields = vec![Text::new()];
    for segment in text.segments() {
        match segment {
            Segment::Literal(literal) => {
                let mut parts = literal.split('&');
                if let (Some(first), Some(last)) = (parts.next(), fields.last_mut()) {
                    last.push_str(first);
                }
                fields.extend(parts.map(Text::from));
            }
            other => {
                if let Some(last) = fields.last_mut() {
                    last.push(other.clone());
                }
            }
        }
    }
    fields
}

fn unsupported(reason: &str) -> Error {
    refusal(Client::Curl, reason, Some(Client::Requests))
}
