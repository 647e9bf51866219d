//! curl commands → [`Request`](crate::Request): a shell lexer, curl's option table, and
//! the parser that gives each option curl's meaning.

pub(crate) mod lex;
pub(crate) mod options;
