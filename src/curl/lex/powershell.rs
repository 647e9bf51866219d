//! PowerShell words: backtick escapes, `'...'` with `''`, `"..."` with `` `" `` and `""`,
//! and `$env:NAME` / `$NAME` kept by name.
//!
//! Not read: here-strings (`@'...'@`), `--%`, array and hashtable literals, `<# #>` comments.

use super::{Builder, Cursor, Nest, Piece, Redirect, skip_nested};
use crate::diagnostic::Code;
use crate::error::Error;
use crate::text::Var;

/// PowerShell reads the typographic quotes as quotes of its own.
fn is_single_quote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}')
}

fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{201e}')
}

pub(super) fn lex(cursor: &mut Cursor, out: &mut Builder) -> Result<(), Error> {
    while let Some(c) = cursor.peek() {
        let at = cursor.at();
        match c {
            // PowerShell itself counts a no-break space as a blank.
            ' ' | '\t' | '\u{a0}' => {
                cursor.bump();
                out.finish_word()?;
            }
            '\n' => {
                cursor.bump();
                out.end_command("end of line")?;
            }
            '`' => backtick(cursor, out),
            _ if is_single_quote(c) => single_quote(cursor, out)?,
            _ if is_double_quote(c) => double_quote(cursor, out)?,
            '$' => dollar(cursor, out)?,
            '#' if !out.in_word() => {
                while cursor.peek().is_some_and(|c| c != '\n') {
                    cursor.bump();
                }
            }
            // The call operator: `& curl.exe ...` runs curl.exe.
            '&' if out.command_is_empty() && cursor.peek_at(1) != Some('&') => {
                cursor.bump();
            }
            ';' | '|' | '&' | '<' | '>' => operator(cursor, out, c)?,
            _ => {
                cursor.bump();
                out.word(at).push_char(c);
            }
        }
    }
    out.end_command("end of input")
}

/// An unquoted backtick: a line continuation, or the next character taken literally.
fn backtick(cursor: &mut Cursor, out: &mut Builder) {
    const DANGLING: &str = "backtick at the end of the input continues nothing; ignored";
    let at = cursor.at();
    cursor.bump();
    let blanks = (0..)
        .take_while(|&i| matches!(cursor.peek_at(i), Some(' ' | '\t')))
        .count();
    if blanks > 0 && matches!(cursor.peek_at(blanks), None | Some('\n')) {
        // PowerShell would escape one space and end the command; the author meant a
        // continuation.
        out.warn(
            at,
            Code::Repaired,
            "spaces after a line-continuation backtick ignored",
        );
        cursor.skip(blanks);
    }
    match cursor.bump() {
        None => out.warn(at, Code::DanglingContinuation, DANGLING),
        Some('\n') => {
            if cursor.peek().is_none() {
                out.warn(at, Code::DanglingContinuation, DANGLING);
            }
        }
        Some(c) => out.word(at).push_str(c.encode_utf8(&mut [0; 4])),
    }
}

fn single_quote(cursor: &mut Cursor, out: &mut Builder) -> Result<(), Error> {
    let at = cursor.at();
    cursor.bump();
    let mut text = String::new();
    loop {
        let Some(c) = cursor.bump() else {
            return Err(cursor.unterminated("single quote", at));
        };
        if is_single_quote(c) {
            match cursor.peek() {
                Some(next) if is_single_quote(next) => {
                    cursor.bump();
                }
                _ => break,
            }
        }
        text.push(c);
    }
    super::literal_variables(&text, at, super::Shell::PowerShell, out);
    out.word(at).push_str(&text);
    Ok(())
}

fn double_quote(cursor: &mut Cursor, out: &mut Builder) -> Result<(), Error> {
    let open = cursor.at();
    cursor.bump();
    out.word(open).push_str("");
    loop {
        let Some(c) = cursor.peek() else {
            return Err(cursor.unterminated("double quote", open));
        };
        match c {
            _ if is_double_quote(c) => {
                cursor.bump();
                match cursor.peek() {
                    Some(next) if is_double_quote(next) => {
                        cursor.bump();
                        out.word(open).push_str("\"");
                    }
                    _ => return Ok(()),
                }
            }
            '`' => {
                cursor.bump();
                let Some(e) = cursor.bump() else {
                    return Err(cursor.unterminated("double quote", open));
                };
                let escaped = match e {
                    '0' => '\0',
                    'a' => '\u{7}',
                    'b' => '\u{8}',
                    'e' => '\u{1b}',
                    'f' => '\u{c}',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    'v' => '\u{b}',
                    'u' if cursor.peek() == Some('{') => unicode_escape(cursor).unwrap_or('u'),
                    other => other,
                };
                out.word(open).push_str(escaped.encode_utf8(&mut [0; 4]));
            }
            '$' => dollar(cursor, out)?,
            _ => {
                cursor.bump();
                out.word(open).push_str(c.encode_utf8(&mut [0; 4]));
            }
        }
    }
}

/// `` `u{1F600} ``, the cursor on the `{`: the character, or `None` (nothing consumed).
fn unicode_escape(cursor: &mut Cursor) -> Option<char> {
    let len = (1..)
        .take_while(|&i| cursor.peek_at(i).is_some_and(|c| c.is_ascii_hexdigit()))
        .count();
    if len == 0 || len > 6 || cursor.peek_at(len + 1) != Some('}') {
        return None;
    }
    let hex: String = (1..=len).filter_map(|i| cursor.peek_at(i)).collect();
    let c = char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?;
    cursor.skip(len + 2);
    Some(c)
}

fn dollar(cursor: &mut Cursor, out: &mut Builder) -> Result<(), Error> {
    let at = cursor.at();
    let start = cursor.pos;
    let is_name_char = |c: char| c.is_alphanumeric() || c == '_';
    match cursor.peek_at(1) {
        Some('(') => {
            cursor.skip(2);
            skip_nested(cursor, Nest::Substitution, at, '`')?;
            out.word(at).push(Piece::Opaque(cursor.text(start)));
        }
        Some('{') => {
            cursor.skip(2);
            skip_nested(cursor, Nest::Brace, at, '`')?;
            let text = cursor.text(start);
            let inside = &text[2..text.len() - 1];
            let name = inside.strip_prefix("env:").unwrap_or(inside);
            if !name.is_empty() && name.chars().all(is_name_char) {
                out.word(at).push(Piece::Var(Box::new(Var::new(name))));
            } else {
                out.word(at).push(Piece::Opaque(text));
            }
        }
        Some(c) if is_name_char(c) => {
            cursor.bump();
            if cursor.looking_at("env:") && cursor.peek_at(4).is_some_and(is_name_char) {
                cursor.skip(4);
            }
            let name_start = cursor.pos;
            while cursor.peek().is_some_and(is_name_char) {
                cursor.bump();
            }
            let name = cursor.text(name_start);
            out.word(at).push(Piece::Var(Box::new(Var::new(name))));
        }
        Some('$' | '?' | '^') => {
            cursor.skip(2);
            out.word(at).push(Piece::Opaque(cursor.text(start)));
        }
        _ => {
            cursor.bump();
            out.word(at).push_char('$');
        }
    }
    Ok(())
}

fn operator(cursor: &mut Cursor, out: &mut Builder, c: char) -> Result<(), Error> {
    let at = cursor.at();
    let next = cursor.peek_at(1);
    let (len, redirect) = match (c, next) {
        ('&', Some('&')) | ('|', Some('|')) => (2, None),
        (';' | '|' | '&', _) => (1, None),
        ('<', _) => (1, Some(Redirect::StdinFile)),
        ('>', Some('>' | '&')) => (2, Some(Redirect::Output)),
        _ => (1, Some(Redirect::Output)),
    };
    out.operator(cursor, len, redirect, at)
}
