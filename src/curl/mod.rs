//! curl commands → [`Request`]: a shell lexer (bash, cmd, PowerShell), curl's option
//! table, and the parser that gives each option curl's meaning.
//!
//! What the parser understood but a [`Request`] cannot hold comes back as a
//! warning [`Diagnostic`], never silence; what it cannot read is an [`Error`] with
//! its place.

mod assemble;
pub(crate) mod encode;
mod form;
pub(crate) mod lex;
pub(crate) mod options;
mod parse;
mod places;

pub use lex::Shell;
pub use places::Places;

use crate::diagnostic::{Code, Diagnostic, Place};
use crate::error::Error;
use crate::lines::Lines;
use crate::model::{FileBytes, Request, is_env_name};
use crate::text::{Segment, Text, Var};
use lex::{Piece, Word};
use parse::{Data, Located};

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
    /// Everything understood but not reproduced, in order: warnings, each with its
    /// code and place.
    pub warnings: Vec<Diagnostic>,
    /// Where each field of the request is written in the command, to place a problem
    /// found later.
    pub places: Places,
}

/// Reads a curl command as pasted from documentation or a browser's "Copy as cURL".
/// `origin` names the text in diagnostics (a path, `--curl`, `-` for standard input).
///
/// # Example
/// ```
/// use inference_snippets::{Code, CurlOptions, Payload, Token, parse_curl};
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
///
/// let parsed = parse_curl("curl -k https://x.cloud", "-", &CurlOptions::default())?;
/// assert_eq!(parsed.warnings[0].code, Code::Insecure);
/// assert_eq!(parsed.warnings[0].to_string(), "-:1:6: --insecure: the snippets do not check TLS certificates either");
/// # Ok::<(), inference_snippets::Error>(())
/// ```
pub fn parse_curl(text: &str, origin: &str, options: &CurlOptions) -> Result<Parsed, Error> {
    // The lexer counts bytes in the text it reads: the input's own, unless it had to
    // drop the CR of CRLF line ends first.
    if !text.contains('\r') {
        return parse_curl_at(text, origin, options, Place::at(1, 1));
    }
    let lines = Lines::new(text);
    match parse_curl_at(text, origin, options, Place::at(1, 1)) {
        Ok(mut parsed) => {
            for warning in &mut parsed.warnings {
                lines.resolve_diagnostic(warning);
            }
            parsed.places.resolve(&lines);
            Ok(parsed)
        }
        Err(mut err) => {
            for diagnostic in err.diagnostics_mut() {
                lines.resolve_diagnostic(diagnostic);
            }
            Err(err)
        }
    }
}

/// [`parse_curl`] for a command whose first character sits at `start` of a page,
/// every later line starting at the same column (a fenced block, maybe in a list):
/// places in warnings and errors are the page's lines and columns, their bytes left
/// for the caller to find in the page.
pub(crate) fn parse_curl_at(
    text: &str,
    origin: &str,
    options: &CurlOptions,
    start: Place,
) -> Result<Parsed, Error> {
    let mut parsed = read(text, options, start).map_err(|err| err.in_source(origin))?;
    for warning in &mut parsed.warnings {
        warning.source = Some(origin.to_owned());
    }
    Ok(parsed)
}

/// The request of the first curl command of `text`. An error carries the warnings
/// found before it.
fn read(text: &str, options: &CurlOptions, start: Place) -> Result<Parsed, Error> {
    let mut lexed = lex::lex_placed(text, options.shell, start)?;
    let mut warnings = std::mem::take(&mut lexed.warnings);
    match read_lexed(&mut lexed, options, start, &mut warnings) {
        Ok(mut parsed) => {
            warnings.append(&mut parsed.warnings);
            // In the order of the command, whichever step found them.
            warnings.sort_by_key(|warning| warning.place.map(|place| (place.line, place.column)));
            parsed.warnings = warnings;
            Ok(parsed)
        }
        Err(err) => Err(err.after(warnings)),
    }
}

/// The request of the first curl command `lexed` found; its own warnings go in
/// `warnings`.
fn read_lexed(
    lexed: &mut lex::Lexed,
    options: &CurlOptions,
    start: Place,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Parsed, Error> {
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
        return Err(match first {
            Some(word) => Error::new(
                Code::NoCurlCommand,
                format!("no curl command found (this one runs {})", word.text()),
            )
            .at(word.at)
            .advice("paste a command that starts with curl"),
            None => Error::new(
                Code::EmptyInput,
                "no curl command found: the input is empty",
            )
            .at(start),
        });
    };
    let other = found.next();
    let command = &lexed.commands[found_at];
    if let Some(word) = command.words[start..]
        .iter()
        .find(|word| lexed.brace_words.contains(&word.at))
    {
        return Err(Error::new(
            Code::ShellExpansion,
            format!(
                "bash expands the unquoted braces of {} into several words",
                word.text()
            ),
        )
        .at(word.at)
        .advice("quote the word, as it was surely meant to be sent whole"));
    }
    let curl = &command.words[start];
    let at = curl.at;
    if start > 0 {
        warnings.push(
            Diagnostic::warning(
                Code::LeftOut,
                format!("{} before curl left out", command.words[0].text()),
            )
            .at(at),
        );
    }
    if let Some((other, index)) = other {
        let word = &lexed.commands[other].words[index];
        warnings.push(
            Diagnostic::warning(Code::LeftOut, "only the first curl command is converted")
                .at(word.at),
        );
    }
    // The parser takes the words' text instead of copying it.
    let lex::Command {
        words,
        stdin,
        stdin_expands,
        stdin_file,
        ..
    } = &mut lexed.commands[found_at];
    let stdin = match (stdin, stdin_file) {
        (Some(text), _) => Some(Stdin::Text(text, *stdin_expands)),
        (None, Some(file)) => file.literal().map(Stdin::File),
        (None, None) => None,
    };
    let shell = lexed.shell;
    convert(&mut words[start + 1..], at, stdin, shell, options)
}

/// The source name of diagnostics about arguments given one by one.
const ARGUMENTS: &str = "arguments";

/// Reads curl's arguments already split by the user's shell (`snippet -- curl URL -d ...`).
/// A leading `curl` is skipped. Places in diagnostics count arguments as columns of
/// line 1 of the source `arguments`.
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
            at: Place::at(1, index + 1),
        })
        .collect();
    let in_source = |mut diagnostic: Diagnostic| {
        diagnostic.source = Some(ARGUMENTS.to_owned());
        diagnostic
    };
    // The user's shell already read the arguments: as bash would.
    let mut parsed = convert(&mut words, Place::at(1, 1), None, Shell::Bash, options)
        .map_err(|err| err.in_source(ARGUMENTS))?;
    parsed.warnings = parsed.warnings.into_iter().map(in_source).collect();
    Ok(parsed)
}

/// An argument's pieces: a `$NAME` or `${NAME}` still in it was quoted on purpose
/// by the user's shell, so it means the variable (`-H 'Authorization: Bearer $HF_TOKEN'`).
fn variables(arg: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut rest = arg;
    while let Some(start) = rest.find('$') {
        let after = &rest[start + 1..];
        let (var, length) = match after.strip_prefix('{') {
            Some(braced) => match braced.find('}') {
                Some(end) => (lex::parameter(&braced[..end]), end + 2),
                None => (None, 0),
            },
            None => {
                let end = after
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(after.len());
                let name = &after[..end];
                (is_env_name(name).then(|| Var::new(name)), end)
            }
        };
        let Some(var) = var else {
            literal.push_str(&rest[..=start]);
            rest = after;
            continue;
        };
        literal.push_str(&rest[..start]);
        if !literal.is_empty() {
            pieces.push(Piece::Literal(std::mem::take(&mut literal)));
        }
        pieces.push(Piece::Var(Box::new(var)));
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
    /// A heredoc or here-string body, and whether the shell expands `$` in it.
    Text(&'a str, bool),
    /// `< file`.
    File(String),
}

/// `at` is where the command starts (its `curl`), the place of what it lacks.
fn convert(
    args: &mut [Word],
    at: Place,
    stdin: Option<Stdin<'_>>,
    shell: Shell,
    options: &CurlOptions,
) -> Result<Parsed, Error> {
    let mut invocation = parse::parse(args)?;
    if let Err(err) = read_stdin(&mut invocation.data, stdin.as_ref()) {
        return Err(err.after(invocation.warnings));
    }
    let (request, warnings, places) =
        assemble::assemble(invocation, at, shell, options.keep_token)?;
    Ok(Parsed {
        request,
        warnings,
        places,
    })
}

/// `@-` reads standard input: the text says what it is, or the conversion cannot.
/// `-d @-` drops line breaks as it does for a file; `--data-binary @-` keeps them.
fn read_stdin(data: &mut [Located<Data>], stdin: Option<&Stdin<'_>>) -> Result<(), Error> {
    for part in data {
        let Data::File { path, bytes } = &part.value else {
            continue;
        };
        if path != "-" {
            continue;
        }
        let bytes = *bytes;
        part.value = match stdin {
            Some(Stdin::Text(text, expands)) => {
                let text = if *expands {
                    lex::expand(text).map_err(|err| err.at(part.at))?
                } else {
                    Text::from(*text)
                };
                Data::Text(match bytes {
                    FileBytes::StripLineBreaks => without_line_breaks(text),
                    _ => text,
                })
            }
            Some(Stdin::File(path)) => Data::File {
                path: path.clone(),
                bytes,
            },
            None => {
                return Err(Error::new(
                    Code::StdinBody,
                    "the body is read from standard input (@-)",
                )
                .at(part.at)
                .advice("put it in a file or paste it"));
            }
        };
    }
    Ok(())
}

/// `text` without CR and LF in its literal parts, as curl reads `-d @-`.
fn without_line_breaks(text: Text) -> Text {
    let mut out = Text::new();
    for segment in text.segments() {
        match segment {
            Segment::Literal(literal) => out.push_str(&literal.replace(['\r', '\n'], "")),
            other => out.push(other.clone()),
        }
    }
    out
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
