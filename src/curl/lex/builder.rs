//! Collecting words into commands: redirections, assignments, heredoc owners.

use super::{Assignment, Command, Cursor, MAX_DEPTH, Piece, Pieces, Shell, Word, lex_at};
use crate::diagnostic::{Code, Diagnostic, Place};
use crate::error::Error;
use crate::model::is_env_name;

/// A word being read.
pub(super) struct WordBuilder {
    pub(super) pieces: Pieces,
    at: Place,
    /// Characters at the start written without quotes, escapes or expansions: only those can
    /// make a file-descriptor number (`2>`) or an assignment name (`NAME=`).
    pub(super) plain_len: usize,
    pub(super) plain: bool,
    /// A `$(...)` or backtick body met right after `NAME=`, with where its text starts.
    pub(super) substitution: Option<(String, Place)>,
    /// Unquoted braces seen so far: bash's brace expansion (`{a,b}`) needs an unquoted
    /// `{`, then `,` or `..`, then `}`.
    pub(super) braces: Braces,
}

/// How far the unquoted text of a word has gone into a brace expansion.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum Braces {
    #[default]
    None,
    Open,
    /// `{` then `,` or `..`: a `}` now makes bash expand the word into several.
    Listed,
    Expands,
}

impl WordBuilder {
    /// Where the word starts.
    pub(super) fn at(&self) -> Place {
        self.at
    }

    pub(super) fn push_str(&mut self, s: &str) {
        self.plain = false;
        if s.is_empty() {
            return;
        }
        if let Some(Piece::Literal(last)) = self.pieces.last_mut() {
            last.push_str(s);
        } else {
            // Words grow a character at a time: room for a typical one saves reallocations.
            let mut literal = String::with_capacity(s.len().max(32));
            literal.push_str(s);
            self.pieces.push(Piece::Literal(literal));
        }
    }

    pub(super) fn push_char(&mut self, c: char) {
        let plain = self.plain;
        self.push_str(c.encode_utf8(&mut [0; 4]));
        self.plain = plain;
        if plain {
            self.plain_len += 1;
        }
    }

    /// A run of characters written without quotes, escapes or expansions.
    pub(super) fn push_plain(&mut self, s: &str) {
        // Most runs hold no `{` and follow none: one quick look decides.
        let bytes = s.as_bytes();
        let open = matches!(self.braces, Braces::Open | Braces::Listed);
        if open || bytes.contains(&b'{') {
            for (index, &byte) in bytes.iter().enumerate() {
                self.braces = match (self.braces, byte) {
                    (_, b'{') => Braces::Open,
                    (Braces::Open, b',') => Braces::Listed,
                    (Braces::Open, b'.') if bytes.get(index + 1) == Some(&b'.') => Braces::Listed,
                    (Braces::Listed, b'}') => Braces::Expands,
                    (Braces::Open, b'}') => Braces::None,
                    (state, _) => state,
                };
            }
        }
        let plain = self.plain;
        self.push_str(s);
        self.plain = plain;
        if plain {
            self.plain_len += s.chars().count();
        }
    }

    pub(super) fn push(&mut self, piece: Piece) {
        self.plain = false;
        match piece {
            Piece::Literal(s) => self.push_str(&s),
            other => self.pieces.push(other),
        }
    }

    fn finish(mut self) -> Word {
        if self.pieces.is_empty() {
            self.pieces.push(Piece::Literal(String::new()));
        }
        Word {
            pieces: self.pieces,
            at: self.at,
        }
    }

    /// `NAME=` or `NAME+=` written plainly at the start: the name and where the value starts.
    pub(super) fn assignment_name(&self) -> Option<(String, usize)> {
        let Some(Piece::Literal(first)) = self.pieces.first() else {
            return None;
        };
        let plain_end = first
            .char_indices()
            .nth(self.plain_len)
            .map_or(first.len(), |(at, _)| at);
        let prefix = &first[..plain_end];
        let eq = prefix.find('=')?;
        let name = prefix[..eq].strip_suffix('+').unwrap_or(&prefix[..eq]);
        is_env_name(name).then(|| (name.to_string(), eq + 1))
    }
}

/// Where a redirection sends or takes its data; the word after the operator is its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Redirect {
    /// `< file`
    StdinFile,
    /// `<<< word`
    HereString,
    /// `<<DELIM`, `<<-DELIM` (leading tabs stripped)
    Heredoc { strip_tabs: bool },
    /// `>`, `>>`, `2>&1`, `&>`: nothing the request needs.
    Output,
}

/// A heredoc whose body starts after the next newline.
pub(super) struct Heredoc {
    pub(super) operator: String,
    pub(super) delimiter: String,
    pub(super) strip_tabs: bool,
    /// Whether the body expands `$` (the delimiter was written without quotes).
    pub(super) expands: bool,
    pub(super) at: Place,
    /// The command that reads it: `None` while that command is still being read.
    pub(super) owner: Option<usize>,
}

/// Collects words into commands.
pub(super) struct Builder {
    shell: Shell,
    /// The column the input's lines start at (see `lex_placed`).
    indent: usize,
    depth: usize,
    pub(super) commands: Vec<Command>,
    pub(super) current: Command,
    pub(super) word: Option<WordBuilder>,
    redirect: Option<(Redirect, String, Place)>,
    pub(super) heredocs: Vec<Heredoc>,
    /// Commands found inside the current command's `NAME=$(curl ...)`, to follow it.
    inner: Vec<Command>,
    pub(super) warnings: Vec<Diagnostic>,
    /// Where the words that bash's brace expansion would split start.
    pub(super) brace_words: Vec<Place>,
}

impl Builder {
    pub(super) fn new(shell: Shell, indent: usize, depth: usize) -> Self {
        Builder {
            shell,
            indent,
            depth,
            commands: Vec::new(),
            current: Command::default(),
            word: None,
            redirect: None,
            heredocs: Vec::new(),
            inner: Vec::new(),
            warnings: Vec::new(),
            brace_words: Vec::new(),
        }
    }

    pub(super) fn warn(&mut self, at: Place, code: Code, message: impl Into<String>) {
        self.warnings
            .push(Diagnostic::warning(code, message).at(at));
    }

    /// The word being read, started at `at` if there is none.
    pub(super) fn word(&mut self, at: Place) -> &mut WordBuilder {
        self.word.get_or_insert_with(|| WordBuilder {
            pieces: Pieces::default(),
            at,
            plain_len: 0,
            plain: true,
            substitution: None,
            braces: Braces::None,
        })
    }

    pub(super) fn in_word(&self) -> bool {
        self.word.is_some()
    }

    /// Whether nothing of the current command has been read yet.
    pub(super) fn command_is_empty(&self) -> bool {
        self.word.is_none()
            && self.redirect.is_none()
            && self.current.words.is_empty()
            && self.current.assignments.is_empty()
    }

    pub(super) fn finish_word(&mut self) -> Result<(), Error> {
        let Some(word) = self.word.take() else {
            return Ok(());
        };
        if let Some((redirect, op, at)) = self.redirect.take() {
            // A heredoc's delimiter written with quotes or escapes keeps its body as is.
            let quoted = !word.plain;
            self.redirect_target(redirect, &op, at, word.finish(), quoted);
            return Ok(());
        }
        if self.shell == Shell::Bash
            && self.current.words.is_empty()
            && let Some((name, value_start)) = word.assignment_name()
        {
            return self.assignment(name, value_start, word);
        }
        if self.current.words.capacity() == 0 {
            // Room for a typical curl command at once, instead of growing 4, 8, 16.
            self.current.words.reserve(16);
        }
        self.current.words.push(word.finish());
        Ok(())
    }

    fn assignment(
        &mut self,
        name: String,
        value_start: usize,
        mut word: WordBuilder,
    ) -> Result<(), Error> {
        let substitution = word.substitution.take();
        let mut pieces = std::mem::take(&mut word.pieces).into_vec();
        if let Some(Piece::Literal(first)) = pieces.first_mut() {
            *first = first.chars().skip(value_start).collect();
            if first.is_empty() {
                pieces.remove(0);
            }
        }
        let value_is_substitution = matches!(pieces.as_slice(), [Piece::Opaque(_)]);
        let value = Word {
            pieces: pieces.into(),
            at: word.at.shifted(value_start),
        };
        self.current.assignments.push(Assignment { name, value });
        if let (true, Some((body, at))) = (value_is_substitution, substitution) {
            self.follow_substitution(&body, at)?;
        }
        Ok(())
    }

    /// `NAME=$(curl ...)`: the curl inside is the command the user wants converted.
    fn follow_substitution(&mut self, body: &str, at: Place) -> Result<(), Error> {
        let starts_with_curl = body
            .trim_start()
            .strip_prefix("curl")
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace));
        if !starts_with_curl {
            return Ok(());
        }
        if self.depth >= MAX_DEPTH {
            self.warn(
                at,
                Code::LeftOut,
                "command substitution nested too deep; not read",
            );
            return Ok(());
        }
        self.warn(at, Code::LeftOut, "curl command taken from inside $(...)");
        let inner = lex_at(body, self.shell, at, self.indent, self.depth + 1)?;
        self.warnings.extend(inner.warnings);
        self.brace_words.extend(inner.brace_words);
        self.inner.extend(inner.commands);
        Ok(())
    }

    fn redirect_target(
        &mut self,
        redirect: Redirect,
        op: &str,
        at: Place,
        target: Word,
        quoted: bool,
    ) {
        match redirect {
            Redirect::StdinFile => self.current.stdin_file = Some(target),
            Redirect::HereString => {
                self.current.stdin = Some(target.text().into_owned() + "\n");
                self.current.stdin_expands = true;
            }
            Redirect::Heredoc { strip_tabs } => self.heredocs.push(Heredoc {
                operator: op.to_string(),
                delimiter: target.text().into_owned(),
                strip_tabs,
                expands: !quoted,
                at,
                owner: None,
            }),
            Redirect::Output => {}
        }
    }

    /// Starts a redirection: the next word is its target, not an argument. A word of plain
    /// digits right before the operator is the file descriptor (`2>`), not an argument either.
    pub(super) fn redirect(
        &mut self,
        redirect: Redirect,
        op: &str,
        at: Place,
    ) -> Result<(), Error> {
        if let Some(word) = &self.word {
            let digits = word.plain
                && matches!(&word.pieces[..],
                    [Piece::Literal(s)] if s.chars().all(|c| c.is_ascii_digit()));
            if digits {
                self.word = None;
            }
        }
        self.finish_word()?;
        if let Some((_, previous, previous_at)) = &self.redirect {
            return Err(self.missing_target(previous, *previous_at, op));
        }
        self.redirect = Some((redirect, op.to_string(), at));
        Ok(())
    }

    fn missing_target(&self, op: &str, at: Place, found: &str) -> Error {
        Error::new(
            Code::MissingRedirectTarget,
            format!("expected a file name or word after `{op}`, found {found}"),
        )
        .at(at)
    }

    /// Ends the current command; `found` names what ended it, for the error of a redirection
    /// left without its target.
    /// Consumes the `len` characters of an operator at the cursor: a redirection makes
    /// the next word its target, `|` pipes, anything else ends the command.
    pub(super) fn operator(
        &mut self,
        cursor: &mut Cursor,
        len: usize,
        redirect: Option<Redirect>,
        at: Place,
    ) -> Result<(), Error> {
        let op = cursor.ahead(len).to_owned();
        cursor.skip(len);
        match redirect {
            Some(redirect) => self.redirect(redirect, &op, at),
            None if op.starts_with('|') && op != "||" => self.pipe(&format!("`{op}`")),
            None => self.end_command(&format!("`{op}`")),
        }
    }

    pub(super) fn end_command(&mut self, found: &str) -> Result<(), Error> {
        self.finish_word()?;
        if let Some((_, op, at)) = self.redirect.take() {
            return Err(self.missing_target(&op, at, found));
        }
        let command = std::mem::take(&mut self.current);
        let owner = if command.words.is_empty() && command.assignments.is_empty() {
            usize::MAX
        } else {
            self.commands.push(command);
            self.commands.len() - 1
        };
        for heredoc in &mut self.heredocs {
            heredoc.owner.get_or_insert(owner);
        }
        self.commands.append(&mut self.inner);
        Ok(())
    }

    /// Ends the current command at a `|`: the next one reads its output.
    pub(super) fn pipe(&mut self, found: &str) -> Result<(), Error> {
        self.end_command(found)?;
        self.current.piped = true;
        Ok(())
    }
}
