//! Shell words of a pasted curl command: bash, cmd and PowerShell.
//!
//! The lexer never runs anything: variables become [`Piece::Var`], command substitutions stay
//! verbatim as [`Piece::Opaque`], and the parser decides what to do with them. What a shell
//! would reject but a person clearly meant (a pasted prompt, a space after a line-continuation
//! backslash, typographic quotes) is repaired with a warning; what cannot be read with
//! confidence (an unterminated quote) is an [`Error`] with its place.
//!
//! Every step moves forward through the input, so lexing is linear in its length; the one
//! recursion (a curl inside `NAME=$(curl ...)`) is bounded by [`MAX_DEPTH`].

use std::borrow::Cow;

pub(crate) use bash::{expand, parameter};
use builder::{Builder, Heredoc, Redirect};
use cursor::{Cursor, Nest, skip_nested};

use crate::diagnostic::{Code, Diagnostic, Place};
use crate::error::Error;
use crate::text::Var;

mod bash;
mod builder;
mod cmd;
mod cursor;
mod powershell;
#[cfg(test)]
mod tests;

/// How deep `NAME=$(curl ...)` is followed into nested command substitutions.
const MAX_DEPTH: usize = 4;

/// Warns about each variable written inside single quotes (`text`, opened at
/// `quote_at`), which the shell sends as written: `$NAME` or `${NAME}` in bash,
/// `$env:NAME` in PowerShell. A bash name must have a capital and no lowercase
/// letter, as environment variables do: `$schema` and `$ref` are JSON's own.
fn literal_variables(text: &str, quote_at: Place, shell: Shell, out: &mut Builder) {
    let is_name = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut from = 0;
    while let Some(found) = memchr::memchr(b'$', &text.as_bytes()[from..]) {
        let dollar = from + found;
        from = dollar + 1;
        let rest = &text[from..];
        let (written, name) = match shell {
            Shell::PowerShell => {
                let Some(name) = rest
                    .get(..4)
                    .filter(|env| env.eq_ignore_ascii_case("env:"))
                    .map(|_| &rest[4..])
                else {
                    continue;
                };
                let len = name.bytes().take_while(|&b| is_name(b)).count();
                (format!("$env:{}", &name[..len]), &name[..len])
            }
            _ => {
                let braced = rest.strip_prefix('{');
                let name = braced.unwrap_or(rest);
                let len = name.bytes().take_while(|&b| is_name(b)).count();
                let name = &name[..len];
                let env_like = name.bytes().any(|b| b.is_ascii_uppercase())
                    && !name.bytes().any(|b| b.is_ascii_lowercase())
                    && !name.starts_with(|c: char| c.is_ascii_digit());
                if !env_like {
                    continue;
                }
                let written = if braced.is_some() {
                    format!("${{{name}}}")
                } else {
                    format!("${name}")
                };
                (written, name)
            }
        };
        if name.is_empty() {
            continue;
        }
        // On the quote's line, the place of the `$` itself.
        let before = &text[..dollar];
        let at = if before.is_ascii() && !before.contains('\n') {
            quote_at.shifted(1 + dollar)
        } else {
            quote_at
        };
        out.warn(
            at,
            Code::LiteralVariable,
            format!("{written} inside single quotes is sent literally; use double quotes to read the variable"),
        );
    }
}

/// The shell a command was written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(
    clippy::enum_variant_names,
    reason = "PowerShell is the product's name, not a kind of Shell"
)]
#[non_exhaustive]
pub enum Shell {
    /// bash, zsh and other POSIX shells.
    Bash,
    /// Windows `cmd.exe`, as in a browser's "Copy as cURL (cmd)".
    Cmd,
    /// Windows PowerShell and PowerShell 7.
    PowerShell,
}

/// One piece of a word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    /// Text, quotes removed, escapes resolved.
    Literal(String),
    /// A variable read by name: `$NAME`, `${NAME}`, `${NAME:-default}`, cmd `%NAME%`,
    /// PowerShell `$env:NAME`. Boxed: most words read none, and every word moves.
    Var(Box<Var>),
    /// A shell expansion kept verbatim and never run: `$(...)`, backticks, `${VAR:-x}`, `$1`.
    Opaque(String),
}

/// The pieces of a word. Most words are one literal, held without a `Vec` (a word
/// is lexed, parsed and dropped for every argument of every command converted).
#[derive(Clone, Debug)]
pub(crate) enum Pieces {
    One(Piece),
    Many(Vec<Piece>),
}

impl Pieces {
    pub(crate) fn push(&mut self, piece: Piece) {
        *self = match std::mem::take(self) {
            Pieces::Many(mut pieces) if !pieces.is_empty() => {
                pieces.push(piece);
                Pieces::Many(pieces)
            }
            Pieces::Many(_) => Pieces::One(piece),
            Pieces::One(first) => Pieces::Many(vec![first, piece]),
        };
    }

    pub(crate) fn into_vec(self) -> Vec<Piece> {
        match self {
            Pieces::One(piece) => vec![piece],
            Pieces::Many(pieces) => pieces,
        }
    }
}

impl Default for Pieces {
    /// No pieces (an empty `Vec` allocates nothing).
    fn default() -> Self {
        Pieces::Many(Vec::new())
    }
}

impl From<Vec<Piece>> for Pieces {
    fn from(mut pieces: Vec<Piece>) -> Self {
        match pieces.pop() {
            Some(piece) if pieces.is_empty() => Pieces::One(piece),
            Some(piece) => {
                pieces.push(piece);
                Pieces::Many(pieces)
            }
            None => Pieces::default(),
        }
    }
}

impl std::ops::Deref for Pieces {
    type Target = [Piece];

    fn deref(&self) -> &[Piece] {
        match self {
            Pieces::One(piece) => std::slice::from_ref(piece),
            Pieces::Many(pieces) => pieces,
        }
    }
}

impl std::ops::DerefMut for Pieces {
    fn deref_mut(&mut self) -> &mut [Piece] {
        match self {
            Pieces::One(piece) => std::slice::from_mut(piece),
            Pieces::Many(pieces) => pieces,
        }
    }
}

impl PartialEq for Pieces {
    /// The same pieces, however they are held.
    fn eq(&self, other: &Self) -> bool {
        self[..] == other[..]
    }
}

impl Eq for Pieces {}

impl<'a> IntoIterator for &'a Pieces {
    type Item = &'a Piece;
    type IntoIter = std::slice::Iter<'a, Piece>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// One shell word: an argument, a command name, a redirection target.
///
/// Adjacent literal text is merged, so an all-literal word has exactly one piece.
/// (The default, no pieces, is only what is left where a word was taken away.)
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Word {
    /// The pieces in order.
    pub pieces: Pieces,
    /// Where the word's first character is.
    pub at: Place,
}

impl Word {
    /// The text with variables written back as `$NAME` and opaque parts verbatim (for display and
    /// option names).
    pub(crate) fn text(&self) -> Cow<'_, str> {
        if let [Piece::Literal(text)] = &self.pieces[..] {
            // Most words: no copy.
            return Cow::Borrowed(text);
        }
        let mut text = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Literal(s) | Piece::Opaque(s) => text.push_str(s),
                Piece::Var(var) => match &var.default {
                    None => {
                        text.push('$');
                        text.push_str(&var.name);
                    }
                    Some(_) => text.push_str(&var.to_string()),
                },
            }
        }
        Cow::Owned(text)
    }

    /// The text when the word is all literal.
    pub(crate) fn literal(&self) -> Option<String> {
        let mut text = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Literal(s) => text.push_str(s),
                Piece::Var(_) | Piece::Opaque(_) => return None,
            }
        }
        Some(text)
    }
}

/// `NAME=value` before a command: the shell sets it, the command does not see it as an argument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Assignment {
    /// The variable name.
    pub name: String,
    /// The value, positioned at its first character (after the `=`).
    pub value: Word,
}

/// One simple command (words up to `;`, `&&`, `||`, `|`, `&`, or an unescaped newline).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Command {
    /// The arguments, the command name first. Redirections and leading assignments are not here.
    pub words: Vec<Word>,
    /// `NAME=value` words before the command name.
    pub assignments: Vec<Assignment>,
    /// What the command reads on standard input: a heredoc body (each line with its newline) or
    /// a here-string (`<<<`) followed by the newline bash adds. Variables inside are not
    /// expanded here: a heredoc body is kept verbatim, a here-string is its word's
    /// [`Word::text`].
    pub stdin: Option<String>,
    /// Whether the shell expands `$` in `stdin`: a here-string, or a heredoc whose
    /// delimiter is not quoted.
    pub stdin_expands: bool,
    /// The file after `<`.
    pub stdin_file: Option<Word>,
    /// Whether standard input is the previous command's output (`a | b`: true for `b`).
    pub piped: bool,
}

/// The commands of one pasted text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Lexed {
    /// The shell the text was read as.
    pub shell: Shell,
    /// The commands in order; a curl found inside `NAME=$(curl ...)` follows its assignment.
    pub commands: Vec<Command>,
    /// Repairs and ignored parts, in the order met.
    pub warnings: Vec<Diagnostic>,
    /// Where the words start that bash's brace expansion (`{a,b}`, `{1..3}`) would
    /// split into several.
    pub brace_words: Vec<Place>,
}

/// Splits `text` into commands of words, as `shell` would; `shell: None` detects the shell.
///
/// Empty input gives zero commands. CRLF line ends read as LF everywhere, inside quotes too:
/// a text pasted from Windows means the same command.
#[cfg(test)]
pub(crate) fn lex(text: &str, shell: Option<Shell>) -> Result<Lexed, Error> {
    lex_placed(text, shell, Place::at(1, 1))
}

/// [`lex`] for a text whose first character sits at `start` of a bigger one, every
/// later line starting at the same column (a fenced block in a page): the places in
/// warnings and errors are the bigger text's.
pub(crate) fn lex_placed(text: &str, shell: Option<Shell>, start: Place) -> Result<Lexed, Error> {
    let indent = start.column;
    if let Some(nul) = text.find('\0') {
        // No shell passes a NUL byte in an argument (C strings end there), so no
        // reading of it would be the command the user ran.
        let mut cursor = Cursor::new(text, start, indent);
        cursor.take(nul);
        return Err(cursor
            .error(
                cursor.at(),
                Code::NulByte,
                "NUL byte in the command, which no shell can pass to curl",
            )
            .advice("remove it"));
    }
    let shell = shell.unwrap_or_else(|| detect(text));
    lex_at(text, shell, start, indent, 0)
}

/// Lexes `text` whose first character sits at `start` of the original input and whose
/// later lines start at column `indent`.
fn lex_at(
    text: &str,
    shell: Shell,
    start: Place,
    indent: usize,
    depth: usize,
) -> Result<Lexed, Error> {
    // Dropping the CR of each CRLF moves no character to another line or column: it is the
    // last character of its line.
    let text = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(text)
    };
    let mut cursor = Cursor::new(&text, start, indent);
    let mut out = Builder::new(shell, indent, depth);
    match shell {
        Shell::Bash => bash::lex(&mut cursor, &mut out)?,
        Shell::Cmd => cmd::lex(&mut cursor, &mut out)?,
        Shell::PowerShell => powershell::lex(&mut cursor, &mut out)?,
    }
    Ok(Lexed {
        shell,
        commands: out.commands,
        warnings: out.warnings,
        brace_words: out.brace_words,
    })
}

/// Guesses the shell from the marks each one leaves in a copied command.
pub(crate) fn detect(text: &str) -> Shell {
    let first_word = text.split_whitespace().next().unwrap_or("");
    // Every sign of cmd or PowerShell holds `^`, `` ` `` or `$env:`: most commands have
    // none, and need no closer look.
    if !text.bytes().any(|b| b == b'^' || b == b'`')
        && !text.contains("$env:")
        && !first_word.eq_ignore_ascii_case("curl.exe")
    {
        return Shell::Bash;
    }
    let marks = Marks::find(text);
    // `^"` alone also appears inside bash's single-quoted data; cmd never uses `'`
    // quoting, so only a text without apostrophes is taken for cmd on that sign.
    if (text.contains("^\"") && !text.contains('\'')) || marks.caret_continuation {
        return Shell::Cmd;
    }
    if marks.env_variable
        || first_word.eq_ignore_ascii_case("curl.exe")
        || marks.backtick_continuation
    {
        return Shell::PowerShell;
    }
    Shell::Bash
}

/// The signs of cmd and PowerShell, found in one pass over the bytes (every sign is
/// ASCII, and no byte of a multi-byte character is).
#[derive(Default)]
struct Marks {
    /// A line outside bash quotes ends with ` ^`: cmd's continuation.
    caret_continuation: bool,
    /// A line outside bash quotes ends with `` ` `` after a blank: PowerShell's
    /// continuation (the blank: a backquoted bash command can end a line too).
    backtick_continuation: bool,
    /// `$env:NAME` where bash would expand it, so not inside single quotes (a
    /// single-quoted bash string may hold the text `$env:`).
    env_variable: bool,
}

impl Marks {
    fn find(text: &str) -> Marks {
        let bytes = text.as_bytes();
        let mut marks = Marks::default();
        // Only line ends outside bash quotes can be continuations: a quoted body may
        // end a line with ` or ^ too.
        let (mut single, mut double, mut escaped) = (false, false, false);
        // `$env:` follows its own view of quoting: a `'` toggles it even inside `"`.
        let (mut env_single, mut env_escaped) = (false, false);
        // The bytes before a line's end; the byte before the line is a newline, which
        // no sign holds, so the line need not be cut at its start.
        let line_end = |end: usize, marks: &mut Marks| {
            let kept = bytes[..end].iter().rposition(|&b| b != b'\r');
            let line = &bytes[..kept.map_or(0, |last| last + 1)];
            marks.caret_continuation |= line.ends_with(b" ^");
            marks.backtick_continuation |= line.ends_with(b" `") || line.ends_with(b"\t`");
        };
        let mut index = 0;
        while index < bytes.len() {
            // Other bytes change no state unless escaped: jump to the next one that does.
            if !(escaped || env_escaped) {
                let next = bytes[index..]
                    .iter()
                    .position(|b| matches!(b, b'\\' | b'\'' | b'"' | b'$' | b'\n'));
                match next {
                    Some(skip) => index += skip,
                    None => break,
                }
            }
            let byte = bytes[index];
            match byte {
                _ if env_escaped => env_escaped = false,
                b'\\' if !env_single => env_escaped = true,
                b'\'' => env_single = !env_single,
                b'$' if !env_single => {
                    let name = bytes[index + 1..].strip_prefix(b"env:");
                    marks.env_variable |= name.is_some_and(|name| {
                        name.first()
                            .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'_')
                    });
                }
                _ => {}
            }
            match byte {
                _ if escaped => escaped = false,
                b'\\' if !single => escaped = true,
                b'\'' if !double => single = !single,
                b'"' if !single => double = !double,
                b'\n' if !single && !double => line_end(index, &mut marks),
                _ => {}
            }
            index += 1;
        }
        if !single && !double {
            line_end(bytes.len(), &mut marks);
        }
        marks
    }
}
