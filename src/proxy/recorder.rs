//! The `Recorder` a session's connections share: it answers each request from the
//! table and keeps it, with the problems clients had on the way.

use std::io;
use std::sync::{Arc, Mutex, MutexGuard};

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
}

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
        }
    }

    /// What arrived since the last call.
    pub(super) fn take(&self) -> Traffic {
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
