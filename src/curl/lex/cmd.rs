//! cmd.exe words, as a browser's "Copy as cURL (cmd)" writes them.
//!
//! Two readers see a cmd command line: cmd itself (carets, `%VAR%`, operators) and then the
//! program's C runtime, which splits the line into arguments (`"` quoting, `\"` for a quote).
//! Both are followed here in one pass.
//!
//! One deliberate difference from cmd: `^` escapes the next character inside double quotes too,
//! where cmd would keep it. Browsers write `"{^\"a^\":1}"` and mean `{"a":1}`; no one means the
//! carets. `^"` gives a `"` that the runtime still reads as a quote (browsers wrap every
//! argument in `^"...^"`); a literal quote is `\"`, written `^\"` or `^\^"`.

use super::{Builder, Cursor, Piece, Redirect};
use crate::diagnostic::{Code, Place};
use crate::error::Error;
use crate::text::Var;

pub(super) fn lex(cursor: &mut Cursor, out: &mut Builder) -> Result<(), Error> {
    let mut runtime = Runtime::default();
    // cmd's own quoting, which only decides whether `&`, `|`, `<`, `>` are operators.
    let mut cmd_quoted = false;
    while let Some(c) = cursor.peek() {
        let at = cursor.at();
        match c {
            '^' => caret(cursor, out, &mut runtime)?,
            '\n' => {
                runtime.end(out, at)?;
                cursor.bump();
                cmd_quoted = false;
                out.end_command("end of line")?;
            }
            '%' => match variable(cursor) {
                Some(name) => {
                    runtime.flush(out, at);
                    out.word(at).push(Piece::Var(Box::new(Var::new(name))));
                }
                None => {
                    cursor.bump();
                    runtime.feed(out, '%', at)?;
                }
            },
            '"' => {
                cursor.bump();
                cmd_quoted = !cmd_quoted;
                if runtime.quoted.is_some() && cursor.peek() == Some('"') {
                    // `""` inside quotes is one literal quote for the runtime.
                    cursor.bump();
                    cmd_quoted = !cmd_quoted;
                    runtime.flush(out, at);
                    out.word(at).push_str("\"");
                } else {
                    runtime.feed(out, '"', at)?;
                }
            }
            '&' | '|' | '<' | '>' if !cmd_quoted => {
                runtime.end(out, at)?;
                operator(cursor, out, c)?;
            }
            _ => {
                cursor.bump();
                runtime.feed(out, c, at)?;
            }
        }
    }
    runtime.end(out, cursor.at())?;
    out.end_command("end of input")
}

fn caret(cursor: &mut Cursor, out: &mut Builder, runtime: &mut Runtime) -> Result<(), Error> {
    let at = cursor.at();
    cursor.bump();
    let blanks = (0..)
        .take_while(|&i| matches!(cursor.peek_at(i), Some(' ' | '\t')))
        .count();
    if blanks > 0 && matches!(cursor.peek_at(blanks), Some('\n')) {
        // cmd would escape one space and end the command; the author meant a continuation.
        out.warn(
            at,
            Code::Repaired,
            "spaces after a line-continuation caret ignored",
        );
        cursor.skip(blanks);
    }
    match cursor.bump() {
        None => out.warn(
            at,
            Code::DanglingContinuation,
            "caret at the end of the input continues nothing; ignored",
        ),
        Some('\n') => {
            // cmd also takes the character after the line break literally: a browser writes
            // a line break inside an argument as `^` and two line breaks.
            if cursor.peek() == Some('\n') {
                let newline_at = cursor.at();
                cursor.bump();
                runtime.feed(out, '\n', newline_at)?;
            }
        }
        Some(c) => runtime.feed(out, c, at)?,
    }
    Ok(())
}

/// `%NAME%`, the cursor on the first `%`: the name, the cursor moved past the closing `%`.
fn variable(cursor: &mut Cursor) -> Option<String> {
    let first = cursor.peek_at(1)?;
    if !(first.is_ascii_alphabetic() || first == '_') {
        return None;
    }
    let len = (1..)
        .take_while(|&i| {
            cursor
                .peek_at(i)
                .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '(' | ')'))
        })
        .count();
    if cursor.peek_at(len + 1) != Some('%') {
        return None;
    }
    cursor.bump();
    let start = cursor.pos;
    cursor.skip(len);
    let name = cursor.text(start);
    cursor.bump();
    Some(name)
}

fn operator(cursor: &mut Cursor, out: &mut Builder, c: char) -> Result<(), Error> {
    let at = cursor.at();
    let next = cursor.peek_at(1);
    let (len, redirect) = match (c, next) {
        ('&', Some('&')) | ('|', Some('|')) => (2, None),
        ('&' | '|', _) => (1, None),
        ('<', _) => (1, Some(Redirect::StdinFile)),
        ('>', Some('>' | '&')) => (2, Some(Redirect::Output)),
        _ => (1, Some(Redirect::Output)),
    };
    out.operator(cursor, len, redirect, at)
}

/// The C runtime's argument splitting (`CommandLineToArgvW`), fed the characters cmd passes on.
#[derive(Default)]
struct Runtime {
    /// Where the open quote was opened.
    quoted: Option<Place>,
    /// Backslashes not yet written: their meaning depends on whether a `"` follows.
    backslashes: usize,
}

impl Runtime {
    fn feed(&mut self, out: &mut Builder, c: char, at: Place) -> Result<(), Error> {
        match c {
            '\\' => {
                out.word(at);
                self.backslashes += 1;
            }
            '"' => {
                let n = std::mem::take(&mut self.backslashes);
                let word = out.word(at);
                word.push_str(&"\\".repeat(n / 2));
                if n % 2 == 1 {
                    word.push_str("\"");
                } else if self.quoted.is_some() {
                    self.quoted = None;
                } else {
                    self.quoted = Some(at);
                }
            }
            ' ' | '\t' if self.quoted.is_none() => {
                self.flush(out, at);
                out.finish_word()?;
            }
            _ => {
                self.flush(out, at);
                out.word(at).push_char(c);
            }
        }
        Ok(())
    }

    fn flush(&mut self, out: &mut Builder, at: Place) {
        let n = std::mem::take(&mut self.backslashes);
        if n > 0 {
            out.word(at).push_str(&"\\".repeat(n));
        }
    }

    /// The end of a command line: a quote still open is an error.
    fn end(&mut self, out: &mut Builder, at: Place) -> Result<(), Error> {
        self.flush(out, at);
        match self.quoted.take() {
            Some(open) => Err(Error::new(
                Code::Unterminated,
                format!(
                    "unterminated double quote opened at line {}, column {}",
                    open.line, open.column
                ),
            )
            .at(at)),
            None => Ok(()),
        }
    }
}
