//! An exclusive lock on one part of verify's cache (a venv, the npm packages, the Go
//! build cache's warm-up), held while that part is checked and built. Without it, two
//! processes preparing the same part at once (two `snippet verify` runs, two test
//! binaries) each remove and rebuild what the other is building. It is a file lock
//! (`flock`): the kernel releases it when its holder dies, and two threads of one
//! process, each with the file open, exclude each other too.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::ErrorKind;
use std::path::Path;
use std::time::{Duration, Instant};

/// How long a preparation waits for another one: a cold `pip install` or `npm ci`
/// takes a minute or two on a slow machine.
pub(crate) const WAIT: Duration = Duration::from_secs(600);

/// How long a wait lasts before it is worth saying.
const NOTICE_AFTER: Duration = Duration::from_secs(3);

/// What a verifier calls when a preparation has waited a few seconds for another
/// process's (its argument says which part and which lock file). The library prints
/// nothing: the front end shows it.
pub type Waiting = fn(&str);

/// A [`Waiting`] that says nothing.
pub fn silent(_: &str) {}

/// The lock, held until dropped (closing the file releases it).
#[derive(Debug)]
pub(crate) struct Held {
    _file: File,
}

/// Takes the lock of the file `lock` (made when missing) for preparing `what`,
/// waiting at most [`WAIT`] for another holder; `waiting` is told after a few
/// seconds.
pub(crate) fn exclusive(lock: &Path, what: &str, waiting: Waiting) -> Result<Held, String> {
    exclusive_within(lock, what, waiting, NOTICE_AFTER, WAIT)
}

fn exclusive_within(
    lock: &Path,
    what: &str,
    waiting: Waiting,
    notice_after: Duration,
    limit: Duration,
) -> Result<Held, String> {
    if let Some(parent) = lock.parent() {
        fs::create_dir_all(parent).map_err(|err| format!("{}: {err}", parent.display()))?;
    }
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock)
        .map_err(|err| format!("{}: {err}", lock.display()))?;
    let started = Instant::now();
    let mut told = false;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Held { _file: file }),
            // A file system without locks (some network mounts): unguarded, as
            // before there were locks.
            Err(TryLockError::Error(err)) if err.kind() == ErrorKind::Unsupported => {
                return Ok(Held { _file: file });
            }
            Err(TryLockError::Error(err)) => {
                return Err(format!("cannot lock {}: {err}", lock.display()));
            }
            Err(TryLockError::WouldBlock) => {}
        }
        let waited = started.elapsed();
        if waited >= limit {
            return Err(format!(
                "gave up after {} s waiting for another process preparing {what} (it holds {})",
                limit.as_secs(),
                lock.display()
            ));
        }
        if !told && waited >= notice_after {
            waiting(&format!(
                "waiting for another process preparing {what} (it holds {})",
                lock.display()
            ));
            told = true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    /// What the test's `Waiting` was told.
    static TOLD: Mutex<Vec<String>> = Mutex::new(Vec::new());

    fn remember(what: &str) {
        TOLD.lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(what.to_owned());
    }

    #[test]
    fn a_second_holder_waits_says_so_and_gives_up_at_the_bound() {
        let dir = std::env::temp_dir().join(format!("snippet-verify-lock-{}", std::process::id()));
        let lock = dir.join("python").join("requests.lock");
        let first = exclusive(&lock, "the venv with requests", silent).expect("the first takes it");

        // Another open file of the same lock: excluded like another process.
        let waited = exclusive_within(
            &lock,
            "the venv with requests",
            remember,
            Duration::from_millis(100),
            Duration::from_millis(400),
        );
        let err = waited.expect_err("held by the first");
        assert!(
            err.starts_with("gave up after 0 s waiting for another process preparing the venv with requests (it holds ")
                && err.ends_with("requests.lock)"),
            "{err}"
        );
        let told = TOLD.lock().unwrap_or_else(|e| e.into_inner()).clone();
        assert_eq!(told.len(), 1, "told once: {told:?}");
        assert!(
            told[0].starts_with("waiting for another process preparing the venv with requests")
        );

        // Released on drop: the next one takes it at once, and a holder that waits
        // gets it when the first lets go.
        let second = std::thread::spawn({
            let lock = lock.clone();
            move || exclusive(&lock, "the venv with requests", silent).map(drop)
        });
        std::thread::sleep(Duration::from_millis(200));
        drop(first);
        second
            .join()
            .expect("the thread ends")
            .expect("taken once released");
        let _ = fs::remove_dir_all(&dir);
    }
}
