//! Reading one HTTP/1.x request off a connection: the request line, the headers in
//! wire order with their names as sent, and the body after its framing
//! (`Content-Length`, or `chunked` decoded), answering `Expect: 100-continue` first.
//! Everything is bounded by [`Limits`]; what does not parse is an
//! [`InvalidData`](io::ErrorKind::InvalidData) error whose message says why, never a
//! panic.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::time::Duration;

/// The bounds of what a client may send and how long it may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The request line, the headers and a chunked body's trailers, in bytes.
    pub head: usize,
    /// The number of header lines.
    pub headers: usize,
    /// The body once decoded, in bytes.
    pub body: usize,
    /// Connections open at once on one listener; more are closed unanswered.
    pub connections: usize,
    /// Requests on one connection (keep-alive).
    pub requests: usize,
    /// What a session keeps until it is taken: requests, and their bodies' bytes.
    /// Past either, requests are answered 429 and only the problem is kept.
    pub kept: usize,
    /// See `kept`.
    pub kept_bytes: usize,
    /// Each read and each write.
    pub timeout: Duration,
}

impl Default for Limits {
    /// 64 KiB of head in 256 lines, 32 MiB of body, 64 connections of 1,000
    /// requests, 10,000 requests or 256 MiB of bodies kept, 20 s per read or write.
    fn default() -> Limits {
        Limits {
            head: 64 * 1024,
            headers: 256,
            body: 32 * 1024 * 1024,
            connections: 64,
            requests: 1000,
            kept: 10_000,
            kept_bytes: 256 * 1024 * 1024,
            timeout: Duration::from_secs(20),
        }
    }
}

/// One request as it arrived.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incoming {
    /// As sent: `POST`.
    pub method: String,
    /// The request target as sent: `/v1/chat/completions?x=1` (origin form),
    /// `http://host/path` (absolute form, to a proxy), `host:443` (`CONNECT`).
    pub target: String,
    /// `HTTP/1.1` or `HTTP/1.0`.
    pub version: String,
    /// In wire order, names as sent, values without surrounding spaces or tabs.
    pub headers: Vec<(String, String)>,
    /// Decoded from its framing; empty for `CONNECT`.
    pub body: Vec<u8>,
}

impl Incoming {
    /// Every value sent for `name` (ASCII case-insensitive), in order.
    pub fn values(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
            .collect()
    }

    /// The first value sent for `name`.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// Whether the connection stays open after the answer: HTTP/1.1 unless
    /// `Connection: close`, HTTP/1.0 only with `Connection: keep-alive`.
    pub fn keeps_alive(&self) -> bool {
        let has = |token: &str| {
            self.values("connection")
                .into_iter()
                .flat_map(|value| value.split(','))
                .any(|item| item.trim().eq_ignore_ascii_case(token))
        };
        if self.version == "HTTP/1.0" {
            has("keep-alive")
        } else {
            !has("close")
        }
    }
}

/// Reads the next request; `None` when the connection closes before its first byte
/// (the end of a keep-alive connection). Writes `100 Continue` on `reader`'s stream
/// when the client waits for it before the body.
pub fn read_request<S: Read + Write>(
    reader: &mut BufReader<S>,
    limits: &Limits,
) -> io::Result<Option<Incoming>> {
    let Some(lines) = read_lines(reader, limits)? else {
        return Ok(None);
    };
    let (request_line, header_lines) = lines.split_first().ok_or_else(|| invalid("no request"))?;
    let (method, target, version) = request_line_parts(request_line)?;
    let headers = header_lines
        .iter()
        .map(|line| header(line))
        .collect::<io::Result<Vec<_>>>()?;
    let mut incoming = Incoming {
        method,
        target,
        version,
        headers,
        body: Vec::new(),
    };
    if incoming.method == "CONNECT" {
        return Ok(Some(incoming));
    }
    let framing = framing(&incoming, limits)?;
    if framing != Framing::Length(0)
        && incoming.version == "HTTP/1.1"
        && incoming
            .header("expect")
            .is_some_and(|value| value.eq_ignore_ascii_case("100-continue"))
    {
        // curl waits a second for this before sending a large body.
        let stream = reader.get_mut();
        stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
        stream.flush()?;
    }
    incoming.body = match framing {
        Framing::Length(length) => {
            let mut body = vec![0; length];
            reader.read_exact(&mut body)?;
            body
        }
        Framing::Chunked => read_chunked(reader, limits)?,
    };
    Ok(Some(incoming))
}

/// The lines of the head up to the empty line, without their line ends; `None` at a
/// clean end of stream. Empty lines before the request line are skipped (RFC 9112
/// §2.2), within the same bound.
fn read_lines<R: BufRead>(reader: &mut R, limits: &Limits) -> io::Result<Option<Vec<String>>> {
    let mut left = limits.head;
    let mut lines = Vec::new();
    loop {
        let Some(line) = read_line(reader, &mut left)? else {
            return if lines.is_empty() && left == limits.head {
                Ok(None)
            } else {
                Err(invalid("connection closed inside the request head"))
            };
        };
        if line.is_empty() {
            if lines.is_empty() {
                continue;
            }
            return Ok(Some(lines));
        }
        if lines.len() > limits.headers {
            return Err(invalid("too many header lines"));
        }
        lines.push(line);
    }
}

/// One line ending in LF (CR before it dropped), taking its bytes from `left`;
/// `None` at end of stream before any byte.
fn read_line<R: BufRead>(reader: &mut R, left: &mut usize) -> io::Result<Option<String>> {
    let mut line = Vec::new();
    let limit = u64::try_from(*left).unwrap_or(u64::MAX);
    let read = reader.by_ref().take(limit).read_until(b'\n', &mut line)?;
    *left -= read;
    if read == 0 {
        return if *left == 0 {
            Err(invalid("request head too large"))
        } else {
            Ok(None)
        };
    }
    if line.last() != Some(&b'\n') {
        return Err(if *left == 0 {
            invalid("request head too large")
        } else {
            invalid("connection closed inside the request head")
        });
    }
    line.pop();
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    if line.contains(&b'\r') || line.contains(&0) {
        return Err(invalid("CR or NUL inside a head line"));
    }
    Ok(Some(String::from_utf8_lossy(&line).into_owned()))
}

/// `METHOD SP target SP HTTP/1.x`.
fn request_line_parts(line: &str) -> io::Result<(String, String, String)> {
    let mut words = line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return Err(invalid("the request line is not METHOD TARGET VERSION"));
    };
    if method.is_empty() || !method.bytes().all(is_token) {
        return Err(invalid("the method is not a token"));
    }
    if target.is_empty() || target.bytes().any(|byte| byte <= b' ' || byte == 0x7f) {
        return Err(invalid(
            "the request target is empty or holds a control character",
        ));
    }
    if version != "HTTP/1.1" && version != "HTTP/1.0" {
        return Err(invalid("not HTTP/1.0 or HTTP/1.1"));
    }
    Ok((method.to_owned(), target.to_owned(), version.to_owned()))
}

/// `name: value`; no space before the colon, no folded lines (RFC 9112 §5).
fn header(line: &str) -> io::Result<(String, String)> {
    let (name, value) = line
        .split_once(':')
        .ok_or_else(|| invalid("a header line without a colon"))?;
    if name.is_empty() || !name.bytes().all(is_token) {
        return Err(invalid("a header name that is not a token"));
    }
    Ok((name.to_owned(), value.trim_matches([' ', '\t']).to_owned()))
}

/// RFC 9110 `tchar`.
fn is_token(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte)
}

#[derive(Debug, PartialEq, Eq)]
enum Framing {
    Length(usize),
    Chunked,
}

/// How the body is delimited: `Transfer-Encoding: chunked` wins over
/// `Content-Length` (RFC 9112 §6.3); no other coding is read.
fn framing(incoming: &Incoming, limits: &Limits) -> io::Result<Framing> {
    let codings: Vec<String> = incoming
        .values("transfer-encoding")
        .into_iter()
        .flat_map(|value| value.split(','))
        .map(|coding| coding.trim().to_ascii_lowercase())
        .filter(|coding| !coding.is_empty())
        .collect();
    if !codings.is_empty() {
        return if codings == ["chunked"] {
            Ok(Framing::Chunked)
        } else {
            Err(invalid("a transfer coding other than chunked"))
        };
    }
    let mut length = None;
    for value in incoming.values("content-length") {
        for item in value.split(',') {
            let item = item.trim();
            if item.is_empty() || !item.bytes().all(|byte| byte.is_ascii_digit()) {
                return Err(invalid("a Content-Length that is not a number"));
            }
            let parsed: usize = item.parse().map_err(|_| invalid("body too large"))?;
            if length.is_some_and(|known| known != parsed) {
                return Err(invalid("two different Content-Length values"));
            }
            length = Some(parsed);
        }
    }
    let length = length.unwrap_or(0);
    if length > limits.body {
        return Err(invalid("body too large"));
    }
    Ok(Framing::Length(length))
}

/// A chunked body, decoded; chunk extensions and trailers are read and dropped.
fn read_chunked<R: BufRead>(reader: &mut R, limits: &Limits) -> io::Result<Vec<u8>> {
    let mut body = Vec::new();
    // Size lines and trailers share the head's bound.
    let mut left = limits.head;
    loop {
        let line = read_line(reader, &mut left)?
            .ok_or_else(|| invalid("connection closed inside a chunked body"))?;
        let size = line.split(';').next().unwrap_or_default().trim_end();
        if size.is_empty() || size.len() > 16 || !size.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(invalid("a chunk size that is not hexadecimal"));
        }
        let size = usize::from_str_radix(size, 16).map_err(|_| invalid("body too large"))?;
        if size == 0 {
            loop {
                let trailer = read_line(reader, &mut left)?
                    .ok_or_else(|| invalid("connection closed inside the trailers"))?;
                if trailer.is_empty() {
                    return Ok(body);
                }
            }
        }
        if size > limits.body.saturating_sub(body.len()) {
            return Err(invalid("body too large"));
        }
        let start = body.len();
        body.resize(start + size, 0);
        reader.read_exact(&mut body[start..])?;
        let mut end = [0; 2];
        reader.read_exact(&mut end)?;
        if &end != b"\r\n" {
            return Err(invalid("a chunk not followed by CRLF"));
        }
    }
}

pub(super) fn invalid(message: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message.to_owned())
}

#[cfg(test)]
mod tests;
