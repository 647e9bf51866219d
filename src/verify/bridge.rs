//! How a run in a network namespace reaches its session: the namespace has its own
//! loopback, so a Unix socket (a file, which both sides see) carries the bytes. This
//! side accepts on the socket and connects each stream to the session's port; inside
//! the namespace, `bridge.py` listens on the same port number of the namespace's
//! loopback and connects each client to the socket. Bytes are copied, never read.

use std::io;
use std::net::{Shutdown, TcpStream};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;

/// The program inside the namespace: `python3 bridge.py SOCKET PORT READY`.
pub(crate) const INSIDE: &str = include_str!("bridge.py");

/// This side of the bridge; dropping it stops accepting.
pub(crate) struct Bridge {
    path: PathBuf,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Bridge {
    /// Accepts on a new socket at `path`, each stream joined to `127.0.0.1:port`.
    pub(crate) fn start(path: &Path, port: u16) -> io::Result<Bridge> {
        let _ = std::fs::remove_file(path);
        let listener = UnixListener::bind(path)?;
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let stop = Arc::clone(&stop);
            std::thread::Builder::new()
                .name("verify-bridge".to_owned())
                .spawn(move || {
                    for stream in listener.incoming() {
                        if stop.load(Ordering::SeqCst) {
                            break;
                        }
                        let Ok(stream) = stream else { continue };
                        let _ = std::thread::Builder::new()
                            .name("verify-bridge-stream".to_owned())
                            .spawn(move || join(stream, port));
                    }
                })?
        };
        Ok(Bridge {
            path: path.to_owned(),
            stop,
            thread: Some(thread),
        })
    }
}

impl Drop for Bridge {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = UnixStream::connect(&self.path);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        let _ = std::fs::remove_file(&self.path);
        let mut ready = self.path.clone().into_os_string();
        ready.push(".ready");
        let _ = std::fs::remove_file(ready);
    }
}

fn join(unix: UnixStream, port: u16) {
    let Ok(tcp) = TcpStream::connect(("127.0.0.1", port)) else {
        return;
    };
    let (Ok(mut unix_read), Ok(mut tcp_write)) = (unix.try_clone(), tcp.try_clone()) else {
        return;
    };
    let upstream = std::thread::spawn(move || {
        let _ = io::copy(&mut unix_read, &mut tcp_write);
        let _ = tcp_write.shutdown(Shutdown::Write);
    });
    let (mut tcp_read, mut unix_write) = (tcp, unix);
    let _ = io::copy(&mut tcp_read, &mut unix_write);
    let _ = unix_write.shutdown(Shutdown::Write);
    let _ = upstream.join();
}
