//! The capture server: a loopback HTTP/1.1 server that records every request as it
//! arrived (request line, headers in order, the body after Content-Length or chunked
//! framing) and answers with what the case's client expects (see `reply.rs`).
//!
//! Every URL a case sends to starts with `/<case id>/`: the server files each request
//! under its case, and a case's runs (oracle, then each client) run one after another,
//! so what arrives between two runs belongs to the run in between.

use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use inference_snippets::Task;

use super::reply;

/// Bounds: what a client may send, and how long it may take.
const MAX_HEAD: u64 = 64 * 1024;
const MAX_BODY: usize = 32 * 1024 * 1024;
const MAX_CONNECTIONS: usize = 64;
const IO_TIMEOUT: Duration = Duration::from_secs(20);

/// One request as it arrived.
#[derive(Clone, Debug)]
pub(super) struct Captured {
    pub method: String,
    /// Path and query, the case prefix removed.
    pub target: String,
    /// In wire order, names as sent, values without surrounding whitespace.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Captured {
    /// Every value sent for `name` (ASCII case-insensitive).
    pub(super) fn values(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
            .collect()
    }
}

#[derive(Default)]
struct Registry {
    /// The task of each case, which decides the answer's shape.
    tasks: HashMap<String, Option<Task>>,
    captured: HashMap<String, Vec<Captured>>,
    /// Requests outside any registered case, kept for the report.
    strays: Vec<String>,
}

pub(super) struct Server {
    port: u16,
    registry: Arc<Mutex<Registry>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Listens on 127.0.0.1, on `preferred` when it is free: the port is part of every
    /// rendered URL, and a stable one keeps the Rust snippets from being rebuilt.
    pub(super) fn start(preferred: Option<u16>) -> io::Result<Server> {
        let listener = preferred
            .and_then(|port| TcpListener::bind(("127.0.0.1", port)).ok())
            .map_or_else(|| TcpListener::bind(("127.0.0.1", 0)), Ok)?;
        let port = listener.local_addr()?.port();
        let registry = Arc::new(Mutex::new(Registry::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (registry, stop) = (Arc::clone(&registry), Arc::clone(&stop));
            std::thread::spawn(move || accept(&listener, &registry, &stop))
        };
        Ok(Server {
            port,
            registry,
            stop,
            thread: Some(thread),
        })
    }

    pub(super) fn port(&self) -> u16 {
        self.port
    }

    /// Makes `case` known, with the task its answers are shaped for.
    pub(super) fn register(&self, case: &str, task: Option<Task>) {
        let mut registry = self.registry.lock().expect("registry lock");
        registry.tasks.insert(case.to_owned(), task);
        registry.captured.insert(case.to_owned(), Vec::new());
    }

    /// The requests `case` received since the last call.
    pub(super) fn take(&self, case: &str) -> Vec<Captured> {
        let mut registry = self.registry.lock().expect("registry lock");
        registry
            .captured
            .get_mut(case)
            .map(std::mem::take)
            .unwrap_or_default()
    }

    /// Requests that named no registered case (a client that rewrote the path).
    pub(super) fn strays(&self) -> Vec<String> {
        self.registry.lock().expect("registry lock").strays.clone()
    }

    pub(super) fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // accept() blocks: one connection wakes it to see the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

fn accept(listener: &TcpListener, registry: &Arc<Mutex<Registry>>, stop: &AtomicBool) {
    let active = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        if active.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
            continue; // dropped: the client sees a reset, the case fails
        }
        active.fetch_add(1, Ordering::SeqCst);
        let (registry, active) = (Arc::clone(registry), Arc::clone(&active));
        std::thread::spawn(move || {
            let _ = serve(stream, &registry);
            active.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

/// One request per connection: the answer says `Connection: close`.
fn serve(stream: TcpStream, registry: &Mutex<Registry>) -> io::Result<()> {
    stream.set_read_timeout(Some(IO_TIMEOUT))?;
    stream.set_write_timeout(Some(IO_TIMEOUT))?;
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    let (method, target, headers) = read_head(&mut reader)?;
    let header = |name: &str| {
        headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.to_ascii_lowercase())
    };
    if header("expect").is_some_and(|value| value == "100-continue") {
        // curl waits a second for this before sending a large body.
        writer.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
    }
    let body = if header("transfer-encoding").is_some_and(|value| value.contains("chunked")) {
        read_chunked(&mut reader)?
    } else {
        let length = header("content-length").map_or(Ok(0), |value| {
            value
                .trim()
                .parse::<usize>()
                .map_err(|_| invalid("bad Content-Length"))
        })?;
        if length > MAX_BODY {
            return Err(invalid("body too large"));
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body)?;
        body
    };

    // A client going through a proxy names the whole URL: the proxy is this server.
    let target = origin_form(&target);
    let (case, rest) = split_case(&target);
    let task = {
        let mut registry = registry.lock().expect("registry lock");
        match registry.tasks.get(case).copied() {
            Some(task) => {
                let captured = Captured {
                    method: method.clone(),
                    target: rest.clone(),
                    headers,
                    body: body.clone(),
                };
                registry
                    .captured
                    .entry(case.to_owned())
                    .or_default()
                    .push(captured);
                Some(task)
            }
            None => {
                registry.strays.push(format!("{method} {target}"));
                None
            }
        }
    };
    let answer = match task {
        Some(task) => reply::answer(task, &rest, &body),
        None => reply::not_found(),
    };
    let payload: &[u8] = if method == "HEAD" { &[] } else { &answer.body };
    let head = format!(
        "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        answer.status,
        answer.content_type,
        answer.body.len()
    );
    writer.write_all(head.as_bytes())?;
    writer.write_all(payload)?;
    writer.flush()?;
    writer.shutdown(Shutdown::Write)
}

type Head = (String, String, Vec<(String, String)>);

fn read_head(reader: &mut BufReader<TcpStream>) -> io::Result<Head> {
    let mut limited = reader.take(MAX_HEAD);
    let mut lines = Vec::new();
    loop {
        let mut line = Vec::new();
        if limited.read_until(b'\n', &mut line)? == 0 {
            return Err(invalid("connection closed inside the request head"));
        }
        let line = String::from_utf8_lossy(&line)
            .trim_end_matches(['\r', '\n'])
            .to_owned();
        if line.is_empty() {
            break;
        }
        lines.push(line);
    }
    let request_line = lines.first().ok_or_else(|| invalid("empty request"))?;
    let mut words = request_line.split(' ');
    let method = words.next().unwrap_or_default().to_owned();
    let target = words.next().unwrap_or_default().to_owned();
    let headers = lines[1..]
        .iter()
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.to_owned(), value.trim_matches([' ', '\t']).to_owned()))
        .collect();
    Ok((method, target, headers))
}

fn read_chunked(reader: &mut BufReader<TcpStream>) -> io::Result<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let mut line = String::new();
        reader.by_ref().take(1024).read_line(&mut line)?;
        let size = line.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size, 16).map_err(|_| invalid("bad chunk size"))?;
        if size == 0 {
            // Trailers, up to the empty line.
            loop {
                let mut trailer = String::new();
                if reader.by_ref().take(MAX_HEAD).read_line(&mut trailer)? == 0
                    || trailer.trim().is_empty()
                {
                    return Ok(body);
                }
            }
        }
        if body.len() + size > MAX_BODY {
            return Err(invalid("body too large"));
        }
        let start = body.len();
        body.resize(start + size, 0);
        reader.read_exact(&mut body[start..])?;
        let mut crlf = [0; 2];
        reader.read_exact(&mut crlf)?;
    }
}

/// The path and query of an absolute-form target (`http://host/path`, as sent to a
/// proxy); any other target as it is.
fn origin_form(target: &str) -> String {
    match target.strip_prefix("http://") {
        Some(rest) => {
            let start = rest.find(['/', '?']).unwrap_or(rest.len());
            format!("/{}", rest[start..].trim_start_matches('/'))
        }
        None => target.to_owned(),
    }
}

/// `/<case>/rest` → (`case`, `/rest`); the rest always starts with `/`.
fn split_case(target: &str) -> (&str, String) {
    let Some(path) = target.strip_prefix('/') else {
        return ("", target.to_owned());
    };
    let end = path.find(['/', '?']).unwrap_or(path.len());
    let (case, rest) = path.split_at(end);
    let rest = if rest.starts_with('/') {
        rest.to_owned()
    } else {
        format!("/{rest}")
    };
    (case, rest)
}

fn invalid(message: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message.to_owned())
}

#[cfg(test)]
mod tests {
    use super::split_case;

    #[test]
    fn the_case_is_the_first_path_segment() {
        assert_eq!(split_case("/a/b/c?x=1"), ("a", "/b/c?x=1".to_owned()));
        assert_eq!(split_case("/a?x=1"), ("a", "/?x=1".to_owned()));
        assert_eq!(split_case("/a"), ("a", "/".to_owned()));
    }
}
