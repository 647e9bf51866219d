//! One client connection to a session's listener, from its first byte to its close:
//! plain HTTP (a proxy request in absolute form, or a request to the listener itself),
//! a `CONNECT` tunnel (TLS terminated with a leaf for the tunnel's host, or plain
//! HTTP inside), or TLS straight to the listener. Every request is recorded, then
//! answered; nothing is forwarded.

use std::io::{self, BufReader, Read, Write};
use std::net::TcpStream;

use rustls::{ServerConnection, StreamOwned};

use super::Answer;
use super::recorder::{Activity, Recorder};
use super::request::{Incoming, invalid, read_request};
use super::traffic::{Recorded, Via};

/// The first byte of a TLS record carrying a handshake.
const TLS_HANDSHAKE: u8 = 0x16;

/// Where origin-form targets on a connection point: the scheme, the host and port the
/// client connected to (the tunnel's, or the `Host` header's on the listener), and how
/// the requests arrived.
struct Origin {
    scheme: &'static str,
    /// `host` or `host:port` (no default port); `None`: the `Host` header's.
    authority: Option<String>,
    via: Via,
}

/// How a conversation on a plain connection ended.
enum End {
    Closed,
    /// A `CONNECT` to this authority, accepted but not yet answered.
    Connect(String),
}

/// Serves `stream` until the client closes it, a bound is reached or an error occurs.
/// Protocol errors are recorded as the session's problems; `activity` says when the
/// connection waits for its client.
pub(super) fn serve(stream: TcpStream, shared: &Recorder, activity: &mut Activity) {
    let timeout = Some(shared.limits.timeout);
    if stream.set_read_timeout(timeout).is_err() || stream.set_write_timeout(timeout).is_err() {
        return;
    }
    let _ = stream.set_nodelay(true);
    let local = stream.local_addr().map(|addr| addr.to_string()).ok();
    if let Err(err) = serve_plain(
        stream,
        shared,
        activity,
        local.as_deref().unwrap_or("127.0.0.1"),
    ) {
        shared.problem(&err);
    }
}

fn serve_plain(
    stream: TcpStream,
    shared: &Recorder,
    activity: &mut Activity,
    local: &str,
) -> io::Result<()> {
    let mut first = [0; 1];
    if stream.peek(&mut first)? == 0 {
        return Ok(());
    }
    if first[0] == TLS_HANDSHAKE {
        let origin = Origin {
            scheme: "https",
            authority: None,
            via: Via::Direct,
        };
        let host = local.rsplit_once(':').map_or(local, |(host, _)| host);
        return tls(
            Prefixed::new(Vec::new(), stream),
            host,
            &origin,
            shared,
            activity,
        );
    }
    let origin = Origin {
        scheme: "http",
        authority: None,
        via: Via::Direct,
    };
    let mut reader = BufReader::new(stream);
    let End::Connect(authority) = converse(&mut reader, &origin, true, shared, activity)? else {
        return Ok(());
    };
    let Some((host, port)) = split_authority(&authority) else {
        Answer::error(400, "CONNECT needs host:port").write_to(reader.get_mut(), false, false)?;
        return Err(invalid(&format!("CONNECT to {authority:?}: not host:port")));
    };
    let stream = reader.get_mut();
    stream.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")?;
    stream.flush()?;
    // What the client sent after its CONNECT without waiting (a pipelined
    // ClientHello) is in the reader's buffer: it comes first.
    let early = reader.buffer().to_vec();
    let stream = reader.into_inner();
    let mut tunnel = Prefixed::new(early, stream);
    let Some(first) = tunnel.peek()? else {
        return Ok(());
    };
    let default_port = if first == TLS_HANDSHAKE { 443 } else { 80 };
    let authority = if port == default_port {
        host.to_owned()
    } else {
        authority.clone()
    };
    if first == TLS_HANDSHAKE {
        let origin = Origin {
            scheme: "https",
            authority: Some(authority),
            via: Via::Connect,
        };
        let host = host.trim_start_matches('[').trim_end_matches(']');
        tls(tunnel, host, &origin, shared, activity)
    } else {
        let origin = Origin {
            scheme: "http",
            authority: Some(authority),
            via: Via::Connect,
        };
        converse(
            &mut BufReader::new(tunnel),
            &origin,
            false,
            shared,
            activity,
        )
        .map(|_| ())
    }
}

/// Terminates TLS with a leaf for the client's SNI, else for `host`, then serves the
/// requests inside.
fn tls(
    stream: Prefixed,
    host: &str,
    origin: &Origin,
    shared: &Recorder,
    activity: &mut Activity,
) -> io::Result<()> {
    let config = shared.authority.server_config(host)?;
    let connection = ServerConnection::new(config).map_err(io::Error::other)?;
    let mut tls = StreamOwned::new(connection, stream);
    while tls.conn.is_handshaking() {
        if let Err(err) = tls.conn.complete_io(&mut tls.sock) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "TLS handshake for {host} failed (does the client trust the run's CA?): {err}"
                ),
            ));
        }
    }
    let mut reader = BufReader::new(tls);
    converse(&mut reader, origin, false, shared, activity)?;
    let tls = reader.get_mut();
    tls.conn.send_close_notify();
    let _ = tls.flush();
    Ok(())
}

/// Reads, records and answers requests until the connection ends or a `CONNECT`
/// (taken only when `may_connect`: not inside a tunnel).
fn converse<S: Read + Write>(
    reader: &mut BufReader<S>,
    origin: &Origin,
    may_connect: bool,
    shared: &Recorder,
    activity: &mut Activity,
) -> io::Result<End> {
    for _ in 0..shared.limits.requests {
        let incoming = read_request(reader, &shared.limits);
        activity.set_busy(true);
        let incoming = match incoming {
            Ok(Some(incoming)) => incoming,
            Ok(None) => return Ok(End::Closed),
            Err(err) if err.kind() == io::ErrorKind::InvalidData => {
                let _ = bad_request(&err).write_to(reader.get_mut(), false, false);
                return Err(err);
            }
            Err(err) => return Err(err),
        };
        if incoming.method == "CONNECT" {
            if may_connect {
                return Ok(End::Connect(incoming.target));
            }
            let answer = Answer::error(400, "CONNECT inside a tunnel");
            answer.write_to(reader.get_mut(), false, false)?;
            return Err(invalid("CONNECT inside a tunnel"));
        }
        let keep = incoming.keeps_alive();
        let head = incoming.method == "HEAD";
        let Some(recorded) = record(incoming, origin) else {
            let err = invalid("a request without a host: no Host header, no absolute URL");
            bad_request(&err).write_to(reader.get_mut(), head, false)?;
            return Err(err);
        };
        let answer = shared.answer_and_record(recorded);
        answer.write_to(reader.get_mut(), head, keep)?;
        if !keep {
            return Ok(End::Closed);
        }
        // Answered: until the client sends again, the connection is not at work.
        activity.set_busy(false);
    }
    Ok(End::Closed)
}

/// The request with its absolute URL: an absolute-form target as sent, else the
/// origin's scheme and authority (the `Host` header's on the listener) and the target.
fn record(incoming: Incoming, origin: &Origin) -> Option<Recorded> {
    let lower = incoming.target.to_ascii_lowercase();
    let (url, via) = if lower.starts_with("http://") || lower.starts_with("https://") {
        let via = match origin.via {
            Via::Direct => Via::Absolute,
            via => via,
        };
        (incoming.target, via)
    } else {
        let authority = match &origin.authority {
            Some(authority) => authority.clone(),
            None => incoming
                .header("host")
                .filter(|h| !h.is_empty())?
                .to_owned(),
        };
        let path = if incoming.target.starts_with('/') {
            incoming.target
        } else {
            // `*` (OPTIONS) and anything else a server would refuse: kept visible.
            format!("/{}", incoming.target)
        };
        (format!("{}://{authority}{path}", origin.scheme), origin.via)
    };
    Some(Recorded {
        method: incoming.method,
        url,
        headers: incoming.headers,
        body: incoming.body,
        via,
        auxiliary: false,
        status: 0,
    })
}

fn bad_request(err: &io::Error) -> Answer {
    Answer::error(400, &err.to_string())
}

/// `host:port` → (`host`, port); IPv6 hosts keep their brackets.
fn split_authority(authority: &str) -> Option<(&str, u16)> {
    let (host, port) = authority.rsplit_once(':')?;
    let port = port.parse().ok()?;
    let bracketed = host.starts_with('[') && host.ends_with(']');
    let valid = !host.is_empty()
        && (bracketed || !host.contains(':'))
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b".-_[]:".contains(&b));
    valid.then_some((host, port))
}

/// A stream whose first bytes were already read off it: they are read again first.
struct Prefixed {
    early: Vec<u8>,
    read: usize,
    stream: TcpStream,
}

impl Prefixed {
    fn new(early: Vec<u8>, stream: TcpStream) -> Prefixed {
        Prefixed {
            early,
            read: 0,
            stream,
        }
    }

    /// The next byte, not consumed; `None` at end of stream.
    fn peek(&mut self) -> io::Result<Option<u8>> {
        if let Some(&byte) = self.early.get(self.read) {
            return Ok(Some(byte));
        }
        let mut first = [0; 1];
        Ok((self.stream.peek(&mut first)? > 0).then_some(first[0]))
    }
}

impl Read for Prefixed {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let early = &self.early[self.read..];
        if early.is_empty() {
            return self.stream.read(buf);
        }
        let count = early.len().min(buf.len());
        buf[..count].copy_from_slice(&early[..count]);
        self.read += count;
        Ok(count)
    }
}

impl Write for Prefixed {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.stream.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.stream.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::split_authority;

    #[test]
    fn a_connect_target_is_host_colon_port() {
        assert_eq!(
            split_authority("router.huggingface.co:443"),
            Some(("router.huggingface.co", 443))
        );
        assert_eq!(split_authority("[::1]:8443"), Some(("[::1]", 8443)));
        for bad in [
            "host",
            "host:",
            ":443",
            "host:99999",
            "a b:443",
            "::1:443",
            "h/x:1",
        ] {
            assert_eq!(split_authority(bad), None, "{bad}");
        }
    }
}
