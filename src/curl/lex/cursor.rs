//! Reading position in the input, and skipping nested constructs kept verbatim.

use crate::diagnostic::{Code, Place};
use crate::error::Error;

/// A position in the input (a byte offset, always on a character boundary) and
/// the characters ahead. Reading the `&str` in place: no copy of the input.
pub(super) struct Cursor<'a> {
    text: &'a str,
    pub(super) pos: usize,
    /// The byte offset of `text` in the input places are counted in.
    base: usize,
    line: usize,
    column: usize,
    /// The column of the first character.
    first_column: usize,
    /// The column every line after the first starts at: 1, or more for a text
    /// indented in a bigger one (a fenced block in a Markdown list).
    indent: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(text: &'a str, start: Place, indent: usize) -> Self {
        Cursor {
            text,
            pos: 0,
            base: start.start,
            line: start.line,
            column: start.column,
            first_column: start.column,
            indent,
        }
    }

    pub(super) fn peek(&self) -> Option<char> {
        let byte = *self.text.as_bytes().get(self.pos)?;
        if byte.is_ascii() {
            return Some(char::from(byte));
        }
        self.text[self.pos..].chars().next()
    }

    /// The input from the cursor on.
    pub(super) fn rest(&self) -> &'a str {
        let text: &'a str = self.text;
        &text[self.pos..]
    }

    /// Moves the cursor `len` bytes on (to a character boundary) and returns the text
    /// passed: one step for a run of characters, the line and column kept right.
    pub(super) fn take(&mut self, len: usize) -> &'a str {
        let text: &'a str = self.text;
        let passed = &text[self.pos..self.pos + len];
        // One pass: a newline starts a line, any other byte but a continuation byte
        // (`0b10xx_xxxx`) starts a character.
        for &byte in passed.as_bytes() {
            if byte == b'\n' {
                self.line += 1;
                self.column = self.indent;
            } else if (byte as i8) >= -0x40 {
                self.column += 1;
            }
        }
        self.pos += len;
        passed
    }

    pub(super) fn peek_at(&self, ahead: usize) -> Option<char> {
        self.text[self.pos..].chars().nth(ahead)
    }

    pub(super) fn looking_at(&self, s: &str) -> bool {
        self.text[self.pos..].starts_with(s)
    }

    pub(super) fn looking_at_from(&self, ahead: usize, s: &str) -> bool {
        let mut rest = self.text[self.pos..].chars();
        for _ in 0..ahead {
            if rest.next().is_none() {
                return false;
            }
        }
        rest.as_str().starts_with(s)
    }

    pub(super) fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.column = self.indent;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    pub(super) fn skip(&mut self, n: usize) {
        for _ in 0..n {
            self.bump();
        }
    }

    /// The place of the next character, its byte offset counted from `start`'s.
    pub(super) fn at(&self) -> Place {
        let offset = self.base + self.pos;
        Place {
            line: self.line,
            column: self.column,
            start: offset,
            end: offset,
        }
    }

    /// The place an "unterminated" error points at: the end of the last line.
    pub(super) fn end(&self) -> Place {
        if self.text.ends_with('\n') && self.pos == self.text.len() {
            // The newline itself is the last character: point at it, not at a line that
            // does not exist.
            let before = &self.text[..self.text.len() - 1];
            let column = match before.rfind('\n') {
                Some(newline) => self.indent + before[newline + 1..].chars().count(),
                None => self.first_column + before.chars().count(),
            };
            let offset = self.base + before.len();
            return Place {
                line: self.line - 1,
                column,
                start: offset,
                end: offset,
            };
        }
        self.at()
    }

    pub(super) fn text(&self, from: usize) -> String {
        self.text[from.min(self.pos)..self.pos].to_owned()
    }

    /// The text from `from` to the cursor, less the last character read (a closing
    /// quote or bracket).
    pub(super) fn before_last(&self, from: usize) -> &'a str {
        let text: &'a str = self.text;
        let last = text[..self.pos]
            .chars()
            .next_back()
            .map_or(0, char::len_utf8);
        text.get(from..self.pos - last).unwrap_or("")
    }

    /// The `len` characters at the cursor.
    pub(super) fn ahead(&self, len: usize) -> &'a str {
        let text: &'a str = self.text;
        let rest = &text[self.pos..];
        let end = rest
            .char_indices()
            .nth(len)
            .map_or(rest.len(), |(at, _)| at);
        &rest[..end]
    }

    pub(super) fn error(&self, at: Place, code: Code, message: impl Into<String>) -> Error {
        Error::new(code, message).at(at)
    }

    /// The error for a construct opened at `open` and still open at the end of the input.
    pub(super) fn unterminated(&self, what: &str, open: Place) -> Error {
        self.error(
            self.end(),
            Code::Unterminated,
            format!(
                "unterminated {what} opened at line {}, column {}",
                open.line, open.column
            ),
        )
    }
}

/// What a nested construct skipped by [`skip_nested`] is inside of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Nest {
    /// `$(` … `)`
    Substitution,
    /// `(` … `)` inside a substitution
    Paren,
    /// `${` … `}`
    Brace,
    DoubleQuote,
    SingleQuote,
    /// `` ` `` … `` ` `` (bash only)
    Backquote,
}

impl Nest {
    pub(super) fn name(self) -> &'static str {
        match self {
            Nest::Substitution => "$(",
            Nest::Paren => "(",
            Nest::Brace => "${",
            Nest::DoubleQuote => "double quote",
            Nest::SingleQuote => "single quote",
            Nest::Backquote => "backquote",
        }
    }
}

/// Moves past the end of a construct opened at `open` (the cursor already past its opener),
/// following the quotes and nesting inside it. `escape` is the shell's escape character.
///
/// An explicit stack rather than recursion: deep nesting in hostile input cannot overflow.
/// Comments and `case` patterns inside are not understood: a `)` in them ends the construct.
pub(super) fn skip_nested(
    cursor: &mut Cursor,
    first: Nest,
    open: Place,
    escape: char,
) -> Result<(), Error> {
    let mut stack = vec![(first, open)];
    while let Some(&(nest, opened)) = stack.last() {
        let here = cursor.at();
        let Some(c) = cursor.bump() else {
            return Err(cursor.unterminated(nest.name(), opened));
        };
        match nest {
            Nest::SingleQuote => {
                if c == '\'' {
                    stack.pop();
                }
            }
            _ if c == escape => {
                cursor.bump();
            }
            Nest::Backquote => {
                if c == '`' {
                    stack.pop();
                }
            }
            Nest::DoubleQuote => match c {
                '"' => {
                    stack.pop();
                }
                '`' if escape == '\\' => stack.push((Nest::Backquote, here)),
                '$' => open_dollar(cursor, &mut stack, here),
                _ => {}
            },
            Nest::Substitution | Nest::Paren | Nest::Brace => match c {
                '\'' => stack.push((Nest::SingleQuote, here)),
                '"' => stack.push((Nest::DoubleQuote, here)),
                '`' if escape == '\\' => stack.push((Nest::Backquote, here)),
                '$' => open_dollar(cursor, &mut stack, here),
                '(' if nest != Nest::Brace => stack.push((Nest::Paren, here)),
                ')' if nest != Nest::Brace => {
                    stack.pop();
                }
                '}' if nest == Nest::Brace => {
                    stack.pop();
                }
                _ => {}
            },
        }
    }
    Ok(())
}

pub(super) fn open_dollar(cursor: &mut Cursor, stack: &mut Vec<(Nest, Place)>, at: Place) {
    match cursor.peek() {
        Some('(') => {
            cursor.bump();
            stack.push((Nest::Substitution, at));
        }
        Some('{') => {
            cursor.bump();
            stack.push((Nest::Brace, at));
        }
        _ => {}
    }
}
