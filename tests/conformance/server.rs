//! The capture server: a loopback HTTP/1.1 server that records every request as it
//! arrived (request line, headers in order, the body after Content-Length or chunked
//! framing) and answers with what the case's client expects. Reading a request and
//! the answers are the recording proxy's (`inference_snippets::proxy`); what is this
//! server's own is the routing by case.
//!
//! Every URL a case sends to starts with `/<case id>/`: the server files each request
//! under its case, and a case's runs (oracle, then each client) run one after another,
//! so what arrives between two runs belongs to the run in between.

use std::collections::HashMap;
use std::io::{self, BufReader};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use inference_snippets::Task;
use inference_snippets::proxy::{Answer, Limits, answer, read_request};

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
        if active.load(Ordering::SeqCst) >= Limits::default().connections {
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
    let limits = Limits::default();
    stream.set_read_timeout(Some(limits.timeout))?;
    stream.set_write_timeout(Some(limits.timeout))?;
    let mut reader = BufReader::new(stream);
    let incoming = match read_request(&mut reader, &limits) {
        Ok(Some(incoming)) => incoming,
        Ok(None) => return Ok(()),
        Err(err) => {
            if err.kind() == io::ErrorKind::InvalidData {
                let refusal = Answer::error(400, &err.to_string());
                let _ = refusal.write_to(reader.get_mut(), false, false);
            }
            return Err(err);
        }
    };
    let method = incoming.method;

    // A client going through a proxy names the whole URL: the proxy is this server.
    let target = origin_form(&incoming.target);
    let (case, rest) = split_case(&target);
    let task = {
        let mut registry = registry.lock().expect("registry lock");
        match registry.tasks.get(case).copied() {
            Some(task) => {
                let captured = Captured {
                    method: method.clone(),
                    target: rest.clone(),
                    headers: incoming.headers,
                    body: incoming.body.clone(),
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
        Some(task) => answer(task, &rest, &incoming.body),
        None => Answer::error(404, "unknown case"),
    };
    let writer = reader.get_mut();
    answer.write_to(writer, method == "HEAD", false)?;
    writer.shutdown(Shutdown::Write)
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
