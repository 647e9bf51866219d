//! The one error type of the library, with messages a user can act on.

use std::fmt;

use crate::Client;

/// Everything that can go wrong, each variant carrying what the user needs to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A JSON request spec is malformed or says something impossible.
    Spec {
        /// Where the spec came from (a path, or `<stdin>`).
        origin: String,
        /// 1-based line and column, when the problem has a place.
        at: Option<(usize, usize)>,
        /// What is wrong and what to do.
        message: String,
    },
    /// A curl command could not be read.
    Curl {
        /// Where the command came from (`--curl`, `<stdin>`, a file).
        origin: String,
        /// 1-based line and column, when the problem has a place.
        at: Option<(usize, usize)>,
        /// What is wrong and what to do.
        message: String,
    },
    /// A Markdown document's regions are malformed or cannot be generated.
    Docs {
        /// The file.
        origin: String,
        /// The 1-based line of the marker concerned, or of the problem in the
        /// fenced block a region is generated from.
        line: usize,
        /// The 1-based column (in characters) on that line.
        column: usize,
        /// What is wrong and what to do.
        message: String,
    },
    /// The request cannot be sent by any client (a header with a line break, say).
    InvalidRequest(String),
    /// One client cannot send this request; another one can.
    Unsupported {
        /// The client asked for.
        client: Client,
        /// Why it cannot send the request.
        reason: String,
        /// The client of the same language that can.
        instead: Option<Client>,
    },
    /// A file could not be read.
    Io {
        /// The file.
        path: String,
        /// The system's message.
        message: String,
    },
}

impl Error {
    /// The exit status the `snippet` binary uses for this error: 2, bad input.
    pub fn code(&self) -> u8 {
        2
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Spec {
                origin,
                at: Some((line, column)),
                message,
            }
            | Error::Curl {
                origin,
                at: Some((line, column)),
                message,
            } => write!(f, "{origin}: line {line}, column {column}: {message}"),
            Error::Spec {
                origin,
                at: None,
                message,
            }
            | Error::Curl {
                origin,
                at: None,
                message,
            } => write!(f, "{origin}: {message}"),
            Error::Docs {
                origin,
                line,
                column,
                message,
            } => write!(f, "{origin}:{line}:{column}: {message}"),
            Error::InvalidRequest(message) => write!(f, "invalid request: {message}"),
            Error::Unsupported {
                client,
                reason,
                instead,
            } => {
                write!(f, "{client} cannot send this request: {reason}")?;
                match instead {
                    Some(other) => write!(f, "; use --client {other}"),
                    None => Ok(()),
                }
            }
            Error::Io { path, message } => write!(f, "{path}: {message}"),
        }
    }
}

impl std::error::Error for Error {}
