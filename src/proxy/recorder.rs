//! The `Recorder` a session's connections share: it answers each request from the
//! table and keeps it, with the problems clients had on the way.

use std::io;
use std::sync::{Arc, Mutex, MutexGuard};

use super::authority::Authority;
use super::traffic::{Recorded, Traffic};
use super::{Answer, Answers, Limits};
use crate::Task;

/// What the connections of a session share: the CA, the bounds, the answering table
/// and the session's task, and what they record.
pub(super) struct Recorder {
    pub(super) authority: Arc<Authority>,
    answers: Arc<Answers>,
    pub(super) limits: Limits,
    task: Option<Task>,
    traffic: Mutex<Traffic>,
}

impl Recorder {
    pub(super) fn new(
        authority: Arc<Authority>,
        answers: Arc<Answers>,
        limits: Limits,
        task: Option<Task>,
    ) -> Recorder {
        Recorder {
            authority,
            answers,
            limits,
            task,
            traffic: Mutex::new(Traffic::default()),
        }
    }

    /// What arrived since the last call.
    pub(super) fn take(&self) -> Traffic {
        std::mem::take(&mut *lock(&self.traffic))
    }

    /// Answers `recorded` from the table and keeps it, with its answer's status.
    pub(super) fn answer_and_record(&self, mut recorded: Recorded) -> Answer {
        let (answer, auxiliary) = self.answers.answer(&recorded, self.task);
        recorded.auxiliary = auxiliary;
        recorded.status = answer.status;
        lock(&self.traffic).requests.push(recorded);
        answer
    }

    /// Keeps what a client got wrong (a malformed request, a refused certificate);
    /// a connection that merely closed or timed out is no problem of the client's.
    pub(super) fn problem(&self, err: &io::Error) {
        if err.kind() == io::ErrorKind::InvalidData {
            let mut traffic = lock(&self.traffic);
            if traffic.problems.len() < MAX_PROBLEMS {
                traffic.problems.push(err.to_string());
            }
        }
    }
}

/// Past this many, a session keeps no more problems: a client in a loop of bad
/// requests must not fill the memory.
const MAX_PROBLEMS: usize = 100;

/// A lock whose holder panicked still guards plain data: take it.
pub(super) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poison| poison.into_inner())
}
