//! The capture server: the library's recording proxy (`inference_snippets::proxy`),
//! one session on a loopback port that clients are sent to directly (or through it as
//! their proxy, for the cases that name one). Reading requests, recording them in wire
//! order and answering them as an inference endpoint are the proxy's — the same code
//! `snippet verify` runs snippets through; what is this server's own is the filing of
//! requests by case.
//!
//! Every URL a case sends to starts with `/<case id>/`: requests are filed under their
//! case, and a case's runs (oracle, then each client) run one after another, so what
//! arrives between two runs belongs to the run in between.

use std::collections::HashMap;
use std::io;
use std::sync::{Arc, Mutex, PoisonError};

use inference_snippets::Task;
use inference_snippets::proxy::{Proxy, Recorded, Session, Trust};

/// One request as it arrived.
#[derive(Clone, Debug)]
pub(super) struct Captured {
    pub method: String,
    /// Path and query, the case prefix removed; in the real-host mode, the absolute
    /// URL (scheme and host are compared too).
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
struct Filed {
    captured: HashMap<String, Vec<Captured>>,
    /// Requests outside any registered case, kept for the report.
    strays: Vec<String>,
    /// What clients got wrong on the way (a malformed request), in the proxy's words.
    problems: Vec<String>,
}

pub(super) struct Server {
    /// The suite's one proxy: the capture server is a session of it, and so is each
    /// run of a real-host case (see `realhost`).
    proxy: Proxy,
    /// Its CA's files, written once for the whole run.
    trust: Trust,
    session: Option<Session>,
    /// The task of each case, which decides its answers' shape; shared with the
    /// session, which asks it for every request.
    tasks: Arc<Mutex<HashMap<String, Option<Task>>>>,
    filed: Mutex<Filed>,
    port: u16,
}

impl Server {
    /// Listens on 127.0.0.1, on `preferred` when it is free: the port is part of every
    /// rendered URL, and a stable one keeps the Rust snippets from being rebuilt. The
    /// proxy's trust files go into `trust_dir`.
    pub(super) fn start(preferred: Option<u16>, trust_dir: &std::path::Path) -> io::Result<Server> {
        let tasks: Arc<Mutex<HashMap<String, Option<Task>>>> = Arc::default();
        let task_of = {
            let tasks = Arc::clone(&tasks);
            Arc::new(move |recorded: &Recorded| {
                let (case, _) = split_case(recorded.path_and_query());
                let tasks = tasks.lock().unwrap_or_else(PoisonError::into_inner);
                tasks.get(case).copied().flatten()
            })
        };
        let proxy = Proxy::start()?;
        let trust = proxy.write_trust(trust_dir)?;
        let session = proxy.session_with(task_of, preferred)?;
        Ok(Server {
            proxy,
            trust,
            port: session.port(),
            session: Some(session),
            tasks,
            filed: Mutex::default(),
        })
    }

    pub(super) fn port(&self) -> u16 {
        self.port
    }

    /// The proxy, for the sessions of real-host runs.
    pub(super) fn proxy(&self) -> &Proxy {
        &self.proxy
    }

    /// What runtimes read to trust the proxy's CA.
    pub(super) fn trust(&self) -> &Trust {
        &self.trust
    }

    /// Makes `case` known, with the task its answers are shaped for.
    pub(super) fn register(&self, case: &str, task: Option<Task>) {
        let mut tasks = self.tasks.lock().expect("tasks lock");
        tasks.insert(case.to_owned(), task);
        self.filed
            .lock()
            .expect("filed lock")
            .captured
            .insert(case.to_owned(), Vec::new());
    }

    /// The requests `case` received since the last call.
    pub(super) fn take(&self, case: &str) -> Vec<Captured> {
        let mut filed = self.file();
        filed
            .captured
            .get_mut(case)
            .map(std::mem::take)
            .unwrap_or_default()
    }

    /// Requests that named no registered case (a client that rewrote the path).
    pub(super) fn strays(&self) -> Vec<String> {
        self.file().strays.clone()
    }

    /// What clients got wrong on the way: a malformed request, a bound reached.
    pub(super) fn problems(&self) -> Vec<String> {
        self.file().problems.clone()
    }

    /// Files what the session received since the last call under its cases.
    fn file(&self) -> std::sync::MutexGuard<'_, Filed> {
        let mut filed = self.filed.lock().expect("filed lock");
        let Some(session) = &self.session else {
            return filed;
        };
        let traffic = session.take();
        for recorded in traffic.requests {
            let (case, rest) = split_case(recorded.path_and_query());
            let Some(requests) = filed.captured.get_mut(case) else {
                let stray = format!("{} {}", recorded.method, recorded.url);
                filed.strays.push(stray);
                continue;
            };
            requests.push(Captured {
                method: recorded.method,
                target: rest,
                headers: recorded.headers,
                body: recorded.body,
            });
        }
        filed.problems.extend(traffic.problems);
        filed
    }

    pub(super) fn stop(&mut self) {
        self.session.take();
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
