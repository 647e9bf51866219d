//! The `Recorder` a session's connections share: it answers each request from the
//! table and keeps it, with the problems clients had on the way.

use std::io;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use super::authority::Authority;
use super::traffic::{Recorded, Traffic};
use super::{Answer, Answers, Limits, TaskOf};

/// What the connections of a session share: the CA, the bounds, the answering table
/// and how it tells a request's task, and what they record.
pub(super) struct Recorder {
    pub(super) authority: Arc<Authority>,
    answers: Arc<Answers>,
    pub(super) limits: Limits,
    task_of: TaskOf,
    kept: Mutex<Kept>,
    /// Connections at work: accepted and not yet ended, and not waiting for a next
    /// request after an answer. `take` waits for them, so that what a client did
    /// before it exited (a handshake it gave up, a request it sent last) is recorded.
    busy: Mutex<usize>,
    settled: Condvar,
}

/// How long `take` waits for connections at work. A client that has exited closed
/// its sockets, so its connections end at once; one still alive and silent must not
/// hold the caller for long.
const SETTLE: Duration = Duration::from_secs(2);

/// The traffic not yet taken, and the bytes of its bodies.
#[derive(Default)]
struct Kept {
    traffic: Traffic,
    bytes: usize,
}

impl Recorder {
    pub(super) fn new(
        authority: Arc<Authority>,
        answers: Arc<Answers>,
        limits: Limits,
        task_of: TaskOf,
    ) -> Recorder {
        Recorder {
            authority,
            answers,
            limits,
            task_of,
            kept: Mutex::new(Kept::default()),
            busy: Mutex::new(0),
            settled: Condvar::new(),
        }
    }

    /// What arrived since the last call, once the connections at work are done (for
    /// at most [`SETTLE`]).
    pub(super) fn take(&self) -> Traffic {
        let deadline = Instant::now() + SETTLE;
        let mut busy = lock(&self.busy);
        while *busy > 0 {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            busy = self
                .settled
                .wait_timeout(busy, left)
                .unwrap_or_else(|poison| poison.into_inner())
                .0;
        }
        drop(busy);
        std::mem::take(&mut *lock(&self.kept)).traffic
    }

    /// Answers `recorded` from the table and keeps it, with its answer's status.
    /// Past the session's bounds ([`Limits::kept`], [`Limits::kept_bytes`]), the
    /// request is answered 429 and only the problem is kept.
    pub(super) fn answer_and_record(&self, mut recorded: Recorded) -> Answer {
        let (answer, auxiliary) = self.answers.answer(&recorded, (self.task_of)(&recorded));
        let mut kept = lock(&self.kept);
        let count = kept.traffic.requests.len();
        if count >= self.limits.kept
            || kept.bytes.saturating_add(recorded.body.len()) > self.limits.kept_bytes
        {
            let message = format!(
                "{} {}: not kept, the session holds {count} requests of {} bytes",
                recorded.method, recorded.url, kept.bytes
            );
            keep_problem(&mut kept.traffic, message);
            return Answer::error(429, "the session keeps no more requests");
        }
        recorded.auxiliary = auxiliary;
        recorded.status = answer.status;
        kept.bytes += recorded.body.len();
        kept.traffic.requests.push(recorded);
        answer
    }

    /// Keeps what a client got wrong (a malformed request, a refused certificate);
    /// a connection that merely closed or timed out is no problem of the client's.
    pub(super) fn problem(&self, err: &io::Error) {
        if err.kind() == io::ErrorKind::InvalidData {
            keep_problem(&mut lock(&self.kept).traffic, err.to_string());
        }
    }
}

/// One connection's part in [`Recorder`]'s count of connections at work: counted
/// from its accept, uncounted while it waits for a next request, and when dropped.
pub(super) struct Activity {
    shared: Arc<Recorder>,
    busy: bool,
}

impl Activity {
    /// Counts a connection just accepted as at work.
    pub(super) fn start(shared: &Arc<Recorder>) -> Activity {
        *lock(&shared.busy) += 1;
        Activity {
            shared: Arc::clone(shared),
            busy: true,
        }
    }

    /// At work (`true`) or waiting for the client (`false`).
    pub(super) fn set_busy(&mut self, busy: bool) {
        if self.busy == busy {
            return;
        }
        self.busy = busy;
        let mut count = lock(&self.shared.busy);
        if busy {
            *count += 1;
        } else {
            *count = count.saturating_sub(1);
            self.shared.settled.notify_all();
        }
    }
}

impl Drop for Activity {
    fn drop(&mut self) {
        self.set_busy(false);
    }
}

fn keep_problem(traffic: &mut Traffic, message: String) {
    if traffic.problems.len() < MAX_PROBLEMS {
        traffic.problems.push(message);
    }
}

/// Past this many, a session keeps no more problems: a client in a loop of bad
/// requests must not fill the memory.
const MAX_PROBLEMS: usize = 100;

/// A lock whose holder panicked still guards plain data: take it.
pub(super) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poison| poison.into_inner())
}
