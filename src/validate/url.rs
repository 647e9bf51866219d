//! What a URL must be for every client to send it as written.

use super::byte_set;
use crate::diagnostic::{Code, Field};
use crate::error::Error;
use crate::text::{Segment, Text};

/// The bytes a URL may hold as written: RFC 3986's unreserved and reserved
/// characters and `%`. A table, because every request is checked on every render.
const URL_BYTES: [bool; 256] = byte_set(b"-._~:/?#[]@!$&'()*+,;=%", true);

/// A URL every client sends as written: ASCII from RFC 3986's set, valid
/// percent-escapes, no fragment (never sent), no dot segments (some clients
/// resolve them), no `'` in the query (WHATWG URL parsers encode it).
///
/// Of a URL that reads variables or holds placeholders, the literal text is checked:
/// each variable or placeholder stands for a host-like `x`, and a variable in front
/// for a whole `https://x` (its value brings the scheme).
pub(super) fn check(url: &Text) -> Result<(), Error> {
    if let Some(literal) = url.as_literal() {
        return check_text(literal, literal);
    }
    let mut skeleton = String::new();
    for (index, segment) in url.segments().iter().enumerate() {
        match segment {
            Segment::Literal(text) => skeleton.push_str(text),
            Segment::Var(_) | Segment::Placeholder(_) | Segment::File(_) if index == 0 => {
                skeleton.push_str("https://x")
            }
            _ => skeleton.push('x'),
        }
    }
    check_text(&skeleton, &url.to_string())
}

/// Checks `url`, naming it `shown` in messages.
fn check_text(url: &str, shown: &str) -> Result<(), Error> {
    let scheme = |prefix: &str| {
        url.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
            .then(|| &url[prefix.len()..])
    };
    let Some(rest) = scheme("https://").or_else(|| scheme("http://")) else {
        return Err(bad_url(format!(
            "url {shown:?} must start with http:// or https://"
        )));
    };
    if rest.is_empty() || rest.starts_with(['/', '?', '#']) {
        return Err(bad_url(format!("url {shown:?} has no host")));
    }
    // One pass over the bytes: every byte is checked, and `%`, `#` and `?` noted.
    let mut fragment = false;
    let mut query_start = None;
    for (index, &byte) in url.as_bytes().iter().enumerate() {
        if !URL_BYTES[usize::from(byte)] {
            let bad = url[index..].chars().next().unwrap_or_default();
            return Err(bad_url(format!("url {shown:?} contains {bad:?}"))
                .advice("percent-encode it (a space is %20, é is %C3%A9)"));
        }
        match byte {
            b'%' => escape(url, shown, index)?,
            b'#' => fragment = true,
            b'?' if query_start.is_none() => query_start = Some(index),
            _ => {}
        }
    }
    if fragment {
        return Err(bad_url(format!(
            "url {shown:?} has a #fragment, which is never sent"
        ))
        .advice("remove it"));
    }
    let (before_query, query) = url.split_at(query_start.unwrap_or(url.len()));
    // The path: after the `/` that ends the host (`rest` starts at the host).
    let authority_and_path = &before_query[url.len() - rest.len()..];
    let path = authority_and_path
        .find('/')
        .map_or("", |slash| &authority_and_path[slash + 1..]);
    if path.contains('.')
        && path
            .split('/')
            .any(|segment| segment == "." || segment == "..")
    {
        return Err(bad_url(format!(
            "url {shown:?} has a . or .. segment, which some clients resolve"
        ))
        .advice("write the path it means"));
    }
    if query.as_bytes().contains(&b'\'') {
        return Err(bad_url(format!(
            "url {shown:?} has ' in its query, which fetch and reqwest send as %27"
        ))
        .advice("write %27"));
    }
    Ok(())
}

/// The `%` at `index` of `url` starts two hex digits that do not stand for a
/// character every client would send plainly.
fn escape(url: &str, shown: &str, index: usize) -> Result<(), Error> {
    let digit = |at: usize| {
        url.as_bytes()
            .get(at)
            .and_then(|&b| char::from(b).to_digit(16))
    };
    let (Some(high), Some(low)) = (digit(index + 1), digit(index + 2)) else {
        return Err(bad_url(format!(
            "url {shown:?} has a % not followed by two hex digits"
        ))
        .advice("write %25"));
    };
    let byte = u8::try_from(high * 16 + low).unwrap_or_default();
    // requests decodes these before sending; every client sends the plain form alike.
    if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
        return Err(bad_url(format!(
            "url {shown:?} percent-encodes {:?}, which requests sends decoded",
            char::from(byte)
        ))
        .advice("write it plainly"));
    }
    Ok(())
}

fn bad_url(message: String) -> Error {
    Error::new(Code::InvalidUrl, message).about(Field::Url)
}

#[cfg(test)]
mod tests {
    use crate::Request;

    fn message(request: Request) -> String {
        request.validate().unwrap_err().to_string()
    }

    #[test]
    fn urls_every_client_sends_as_written() {
        for url in [
            "https://x.cloud",
            "http://127.0.0.1:8080/a/b?q=a%20b&r=%C3%A9",
            "https://[::1]:8080/v1/chat/completions",
            "https://x.cloud/a;b=c/(d)!*,$@~",
        ] {
            assert_eq!(Request::new(url).validate(), Ok(()), "{url}");
        }
        let cases = [
            ("ftp://x", "must start with http:// or https://"),
            ("https://", "has no host"),
            ("https:///path", "has no host"),
            ("https://a b", "contains ' '; percent-encode it"),
            ("https://x/é", "contains 'é'; percent-encode it"),
            ("https://x/\"q\"", "contains '\"'"),
            ("https://x/a%2", "% not followed by two hex digits"),
            ("https://x/a%zz", "% not followed by two hex digits"),
            ("https://x/a?z=%41", "percent-encodes 'A'"),
            ("https://x/a#top", "#fragment"),
            ("https://x/a/../b", ". or .. segment"),
            ("https://x/a?q='1'", "' in its query"),
        ];
        for (url, expected) in cases {
            let message = message(Request::new(url));
            assert!(message.contains(expected), "{url}: {message}");
        }
    }
}
