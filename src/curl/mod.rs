//! curl commands → [`Request`]: a shell lexer (bash, cmd, PowerShell), curl's option
//! table, and the parser that gives each option curl's meaning.
//!
//! What the parser understood but a [`Request`] cannot hold comes back as a
//! [`Warning`], never silence; what it cannot read is an [`Error`] with its place.

mod assemble;
pub(crate) mod encode;
mod form;
pub(crate) mod lex;
pub(crate) mod options;
mod parse;

use std::fmt;

pub use lex::Shell;

use crate::error::Error;
use crate::model::Request;
use lex::{Piece, Word};
use parse::Data;

/// Something the parser worked around: an option the snippets do not reproduce, a
/// repaired quote, a token replaced by `$HF_TOKEN`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// 1-based line and column in the command, when there is one.
    pub at: Option<(usize, usize)>,
    /// What happened.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Some((line, column)) => write!(f, "line {line}, column {column}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// How to read a curl command.
#[derive(Clone, Debug, Default)]
pub struct CurlOptions {
    /// The shell the command is written for; `None` detects it.
    pub shell: Option<Shell>,
    /// Keep a real-looking token (`hf_` + 30 letters and digits) instead of
    /// replacing it with `$HF_TOKEN`.
    pub keep_token: bool,
}

/// A parsed curl command: the request and what was worked around.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The request the command sends.
    pub request: Request,
    /// Everything understood but not reproduced, in order.
    pub warnings: Vec<Warning>,
}

/// Reads a curl command as pasted from documentation or a browser's "Copy as cURL".
/// `origin` names the text in messages (a path, `--curl`, `<stdin>`).
///
/// # Example
/// ```
/// use inference_snippets::{CurlOptions, Payload, Token, parse_curl};
///
/// let parsed = parse_curl(
///     r#"curl https://xyz.endpoints.huggingface.cloud/distilbert-sentiment \
///         -X POST \
///         -d '{"inputs": "I like you"}' \
///         -H "Authorization: Bearer $HF_TOKEN" \
///         -H 'Content-Type: application/json'"#,
///     "docs.md",
///     &CurlOptions::default(),
/// )?;
/// assert_eq!(parsed.request.token, Token::Env("HF_TOKEN".into()));
/// assert!(matches!(parsed.request.payload, Payload::Json(_)));
/// assert!(parsed.warnings.is_empty());
/// # Ok::<(), inference_snippets::Error>(())
/// ```
pub fn parse_curl(text: &str, origin: &str, options: &CurlOptions) -> Result<Parsed, Error> {
    parse_curl_at(text, origin, options, (1, 1))
}

/// [`parse_curl`] for a command whose first character sits at `start` (line, column)
/// of a page, every later line starting at the same column (a fenced block, maybe in a
/// list): places in warnings and errors are the page's.
pub(crate) fn parse_curl_at(
    text: &str,
    origin: &str,
    options: &CurlOptions,
    start: (usize, usize),
) -> Result<Parsed, Error> {
    let mut lexed = lex::lex_placed(text, options.shell, start).map_err(|err| Error::Curl {
        origin: origin.to_owned(),
        at: Some((err.line, err.column)),
        message: err.message,
    })?;
    let mut warnings: Vec<Warning> = lexed
        .warnings
        .into_iter()
        .map(|warning| Warning {
            at: Some((warning.line, warning.column)),
            message: warning.message,
        })
        .collect();
    let mut found = lexed
        .commands
        .iter()
        .enumerate()
        .filter_map(|(index, command)| {
            let start = command.words.iter().position(is_curl)?;
            Some((index, start))
        });
    let Some((found_at, start)) = found.next() else {
        let first = lexed
            .commands
            .iter()
            .find_map(|command| command.words.first());
        return Err(Error::Curl {
            origin: origin.to_owned(),
            at: first.map(|word| (word.line, word.column)),
            message: match first {
                Some(word) => format!(
                    "no curl command found (this one runs {}); paste a command that starts with curl",
                    word.text()
                ),
                None => "no curl command found: the input is empty".into(),
            },
        });
    };
    let other = found.next();
    let command = &lexed.commands[found_at];
    let curl = &command.words[start];
    let at = (curl.line, curl.column);
    if start > 0 {
        warnings.push(Warning {
            at: Some((curl.line, curl.column)),
            message: format!("{} before curl left out", command.words[0].text()),
        });
    }
    if let Some((other, index)) = other {
        let word = &lexed.commands[other].words[index];
        warnings.push(Warning {
            at: Some((word.line, word.column)),
            message: "only the first curl command is converted".into(),
        });
    }
    // The parser takes the words' text instead of copying it.
    let lex::Command {
        words,
        stdin,
        stdin_file,
        ..
    } = &mut lexed.commands[found_at];
    let stdin = match (stdin, stdin_file) {
        (Some(text), _) => Some(Stdin::Text(text)),
        (None, Some(file)) => file.literal().map(Stdin::File),
        (None, None) => None,
    };
    convert(
        &mut words[start + 1..],
        at,
        stdin,
        origin,
        options,
        warnings,
    )
}

/// Reads curl's arguments already split by the user's shell (`snippet -- curl URL -d ...`).
/// A leading `curl` is skipped. Places in messages count arguments as columns of line 1.
pub fn parse_curl_args(args: &[String], options: &CurlOptions) -> Result<Parsed, Error> {
    let skip = usize::from(
        args.first()
            .is_some_and(|first| first == "curl" || first == "curl.exe"),
    );
    let mut words: Vec<Word> = args
        .iter()
        .enumerate()
        .skip(skip)
        .map(|(index, arg)| Word {
            pieces: variables(arg).into(),
            line: 1,
            column: index + 1,
        })
        .collect();
    convert(&mut words, (1, 1), None, "arguments", options, Vec::new())
}

/// An argument's pieces: a `$NAME` or `${NAME}` still in it was quoted on purpose
/// by the user's shell, so it means the variable (`-H 'Authorization: Bearer $HF_TOKEN'`).
fn variables(arg: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut rest = arg;
    while let Some(start) = rest.find('$') {
        let after = &rest[start + 1..];
        let (name, length) = match after.strip_prefix('{') {
            Some(braced) => match braced.find('}') {
                Some(end) => (&braced[..end], end + 2),
                None => ("", 0),
            },
            None => {
                let end = after
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(after.len());
                (&after[..end], end)
            }
        };
        if !crate::validate::is_env_name(name) {
            literal.push_str(&rest[..=start]);
            rest = after;
            continue;
        }
        literal.push_str(&rest[..start]);
        if !literal.is_empty() {
            pieces.push(Piece::Literal(std::mem::take(&mut literal)));
        }
        pieces.push(Piece::Var(name.to_owned()));
        rest = &after[length..];
    }
    literal.push_str(rest);
    if !literal.is_empty() || pieces.is_empty() {
        pieces.push(Piece::Literal(literal));
    }
    pieces
}

/// What a command reads on standard input, when the text says.
enum Stdin<'a> {
    /// A heredoc or here-string body.
    Text(&'a str),
    /// `< file`.
    File(String),
}

/// `at` is where the command starts (its `curl`), the place of what it lacks.
fn convert(
    args: &mut [Word],
    at: (usize, usize),
    stdin: Option<Stdin<'_>>,
    origin: &str,
    options: &CurlOptions,
    mut warnings: Vec<Warning>,
) -> Result<Parsed, Error> {
    let mut invocation = parse::parse(args, origin)?;
    // `@-` reads standard input: the text says what it is, or the conversion cannot.
    // `-d @-` drops line breaks as it does for a file; `--data-binary @-` keeps them.
    for part in &mut invocation.data {
        let Data::File { path, strip } = &part.value else {
            continue;
        };
        if path != "-" {
            continue;
        }
        let strip = *strip;
        part.value = match &stdin {
            Some(Stdin::Text(text)) if strip => Data::Text(text.replace(['\r', '\n'], "")),
            Some(Stdin::Text(text)) => Data::Text((*text).to_owned()),
            Some(Stdin::File(path)) => Data::File {
                path: path.clone(),
                strip,
            },
            None => {
                return Err(Error::Curl {
                    origin: origin.to_owned(),
                    at: Some(part.at),
                    message:
                        "the body is read from standard input (@-); put it in a file or paste it"
                            .into(),
                });
            }
        };
    }
    let (request, more) = assemble::assemble(invocation, at, origin, options.keep_token)?;
    warnings.extend(more);
    Ok(Parsed { request, warnings })
}

fn is_curl(word: &Word) -> bool {
    match &word.pieces[..] {
        [Piece::Literal(text)] => {
            let name = text.rsplit(['/', '\\']).next().unwrap_or(text);
            name == "curl" || name == "curl.exe"
        }
        _ => false,
    }
}
