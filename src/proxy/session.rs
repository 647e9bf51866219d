//! A session: one loopback listener of its own, the requests that arrived on it, and
//! the connections it serves, closed when it is dropped.

use std::collections::HashMap;
use std::io;
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use super::authority::Authority;
use super::connection;
use super::recorder::{Activity, Recorder, lock};
use super::{Answers, Limits, TaskOf, Traffic};

/// A listener on its own loopback port, for one snippet run: what arrives on it is
/// that run's. Dropping it closes the listener and every connection still open.
pub struct Session {
    port: u16,
    shared: Arc<Recorder>,
    stop: Arc<AtomicBool>,
    open: Arc<Mutex<HashMap<u64, TcpStream>>>,
    thread: Option<JoinHandle<()>>,
}

impl Session {
    pub(super) fn start(
        authority: Arc<Authority>,
        answers: Arc<Answers>,
        limits: Limits,
        task_of: TaskOf,
        preferred: Option<u16>,
    ) -> io::Result<Session> {
        let listener = preferred
            .and_then(|port| TcpListener::bind(("127.0.0.1", port)).ok())
            .map_or_else(|| TcpListener::bind(("127.0.0.1", 0)), Ok)?;
        let port = listener.local_addr()?.port();
        let shared = Arc::new(Recorder::new(authority, answers, limits, task_of));
        let stop = Arc::new(AtomicBool::new(false));
        let open = Arc::new(Mutex::new(HashMap::new()));
        let thread = {
            let (shared, stop, open) = (Arc::clone(&shared), Arc::clone(&stop), Arc::clone(&open));
            std::thread::Builder::new()
                .name(format!("proxy-session-{port}"))
                .spawn(move || accept(&listener, &shared, &stop, &open))?
        };
        Ok(Session {
            port,
            shared,
            stop,
            open,
            thread: Some(thread),
        })
    }

    /// The loopback port of the session's listener.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The proxy's URL for the run's proxy variables: `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// What arrived since the last call, in the order the answers were given, and
    /// what went wrong on the way.
    pub fn take(&self) -> Traffic {
        self.shared.take()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // accept() blocks: one connection wakes it to see the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        for stream in lock(&self.open).values() {
            let _ = stream.shutdown(std::net::Shutdown::Both);
        }
    }
}

fn accept(
    listener: &TcpListener,
    shared: &Arc<Recorder>,
    stop: &AtomicBool,
    open: &Arc<Mutex<HashMap<u64, TcpStream>>>,
) {
    let mut next: u64 = 0;
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else {
            // Out of file descriptors, say: wait rather than spin.
            std::thread::sleep(std::time::Duration::from_millis(10));
            continue;
        };
        let id = next;
        next += 1;
        {
            let mut open = lock(open);
            if open.len() >= shared.limits.connections {
                let err = io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "more than {} connections at once: one was closed unanswered",
                        shared.limits.connections
                    ),
                );
                shared.problem(&err);
                continue;
            }
            let Ok(handle) = stream.try_clone() else {
                continue;
            };
            open.insert(id, handle);
        }
        // Counted before its thread starts: a `take` right after the client's
        // exit waits for what the connection still has to record.
        let mut activity = Activity::start(shared);
        let (serving, done) = (Arc::clone(shared), Arc::clone(open));
        let spawned = std::thread::Builder::new()
            .name("proxy-connection".to_owned())
            .spawn(move || {
                connection::serve(stream, &serving, &mut activity);
                lock(&done).remove(&id);
            });
        if spawned.is_err() {
            // The stream went with the closure that never ran: it is closed.
            lock(open).remove(&id);
        }
    }
}
