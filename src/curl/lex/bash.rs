//! bash words: quotes, escapes, expansions kept by name, redirections and heredocs, and the
//! repairs a pasted command needs (prompts, odd spaces, typographic quotes).

use super::builder::Braces;
use super::{Builder, Cursor, Heredoc, Nest, Piece, Redirect, skip_nested};
use crate::diagnostic::{Code, Place};
use crate::error::Error;
use crate::model::is_env_name;
use crate::text::{Segment, Text, Var};

/// Prompts copied along with a command, at the start of its first line.
const PROMPTS: [&str; 6] = ["$ ", "$\t", "% ", ">>> ", "~ ", "~$ "];
/// Secondary prompts (bash `PS2`, Python's REPL), at column 1 of a continued line.
const CONTINUATION_PROMPTS: [&str; 2] = ["> ", "... "];

const DANGLING_BACKSLASH: &str = "backslash at the end of the input continues nothing; ignored";

pub(super) fn lex(cursor: &mut Cursor, out: &mut Builder) -> Result<(), Error> {
    let mut line_start = true;
    let mut continued = false;
    loop {
        if line_start {
            line_start = false;
            remove_prompt(cursor, out, continued);
        }
        let Some(c) = cursor.peek() else { break };
        let at = cursor.at();
        match c {
            ' ' | '\t' => {
                cursor.bump();
                out.finish_word()?;
            }
            '\u{a0}' => {
                cursor.bump();
                out.warn(at, Code::Repaired, "non-breaking space read as a space");
                out.finish_word()?;
            }
            '\n' => {
                cursor.bump();
                out.end_command("end of line")?;
                read_heredocs(cursor, out)?;
                line_start = true;
                continued = false;
            }
            '\\' => {
                if backslash(cursor, out) {
                    line_start = true;
                    continued = true;
                }
            }
            '\'' => single_quote(cursor, out)?,
            '"' => {
                cursor.bump();
                out.word(at).push_str("");
                double_quote(cursor, out, at, &|c| c == '"', "double quote")?;
            }
            '$' => dollar(cursor, out, false)?,
            '`' => backquote(cursor, out)?,
            '#' if !out.in_word() => {
                while cursor.peek().is_some_and(|c| c != '\n') {
                    cursor.bump();
                }
            }
            '<' if placeholder(cursor).is_some() => {
                // Docs write `https://<job_id>.hf.jobs` and `<ENDPOINT_URL>/generate`:
                // a placeholder, which bash would read as a redirection that can only
                // fail (`<name>` leaves `>` without a target, or reads a file named
                // like a placeholder).
                let length = placeholder(cursor).unwrap_or_default();
                let text: String = (0..length).filter_map(|_| cursor.bump()).collect();
                out.warn(
                    at,
                    Code::Placeholder,
                    format!("{text} read as a placeholder, not a redirection"),
                );
                out.word(at).push_str(&text);
            }
            ';' | '&' | '|' | '(' | ')' | '<' | '>' => operator(cursor, out, c)?,
            '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}' if quote_can_open(out) => {
                typographic_quote(cursor, out, c)?;
            }
            _ => {
                let run = plain_run(cursor.rest());
                if run > 0 {
                    let word = out.word(at);
                    word.push_plain(cursor.take(run));
                    // Only a word of the curl command is a problem: kept for the reader.
                    if word.braces == Braces::Expands {
                        let start = word.at();
                        if out.brace_words.last() != Some(&start) {
                            out.brace_words.push(start);
                        }
                    }
                } else {
                    cursor.bump();
                    out.word(at).push_char(c);
                }
            }
        }
    }
    out.end_command("end of input")?;
    if let Some(heredoc) = out.heredocs.first() {
        return Err(unterminated_heredoc(cursor, heredoc));
    }
    Ok(())
}

/// The length of the run of ASCII characters at the start of `text` that the loop of
/// [`lex`] would take one by one as word text: read at once instead.
fn plain_run(text: &str) -> usize {
    text.bytes()
        .position(|b| {
            !b.is_ascii()
                || matches!(
                    b,
                    b' ' | b'\t'
                        | b'\n'
                        | b'\\'
                        | b'\''
                        | b'"'
                        | b'$'
                        | b'`'
                        | b'#'
                        | b';'
                        | b'&'
                        | b'|'
                        | b'('
                        | b')'
                        | b'<'
                        | b'>'
                )
        })
        .unwrap_or(text.len())
}

/// Removes a prompt pasted with the command; a real command never starts with one.
fn remove_prompt(cursor: &mut Cursor, out: &mut Builder, continued: bool) {
    let blanks = (0..)
        .take_while(|&i| matches!(cursor.peek_at(i), Some(' ' | '\t')))
        .count();
    let prompts: &[&str] = match (continued, blanks) {
        (false, _) => &PROMPTS,
        (true, 0) => &CONTINUATION_PROMPTS,
        (true, _) => &[],
    };
    if let Some(prompt) = prompts.iter().find(|p| cursor.looking_at_from(blanks, p)) {
        cursor.skip(blanks);
        out.warn(
            cursor.at(),
            Code::Prompt,
            format!("prompt `{}` removed", prompt.trim_end()),
        );
        cursor.skip(prompt.chars().count());
    }
}

/// An unquoted backslash; returns whether it continued the line.
fn backslash(cursor: &mut Cursor, out: &mut Builder) -> bool {
    let at = cursor.at();
    cursor.bump();
    match cursor.peek() {
        None => {
            out.warn(at, Code::DanglingContinuation, DANGLING_BACKSLASH);
            false
        }
        Some('\n') => {
            cursor.bump();
            if cursor.peek().is_none() {
                out.warn(at, Code::DanglingContinuation, DANGLING_BACKSLASH);
            }
            true
        }
        Some(' ' | '\t') => {
            let blanks = (0..)
                .take_while(|&i| matches!(cursor.peek_at(i), Some(' ' | '\t')))
                .count();
            if matches!(cursor.peek_at(blanks), None | Some('\n')) {
                // bash would read an escaped space and end the command at the newline; the
                // author meant a continuation and an editor kept the trailing spaces.
                cursor.skip(blanks + 1);
                out.warn(
                    at,
                    Code::Repaired,
                    "spaces after a line-continuation backslash ignored",
                );
                if cursor.peek().is_none() {
                    out.warn(at, Code::DanglingContinuation, DANGLING_BACKSLASH);
                }
                return true;
            }
            let blank = cursor.bump().unwrap_or(' ');
            out.word(at).push_str(blank.encode_utf8(&mut [0; 4]));
            false
        }
        Some(c) => {
            cursor.bump();
            out.word(at).push_str(c.encode_utf8(&mut [0; 4]));
            false
        }
    }
}

fn single_quote(cursor: &mut Cursor, out: &mut Builder) -> Result<(), Error> {
    let at = cursor.at();
    cursor.bump();
    let rest = cursor.rest();
    let Some(len) = rest.find('\'') else {
        cursor.take(rest.len());
        return Err(cursor.unterminated("single quote", at));
    };
    let text = cursor.take(len);
    cursor.bump();
    super::literal_variables(text, at, super::Shell::Bash, out);
    out.word(at).push_str(text);
    Ok(())
}

/// The inside of a double-quoted string, the cursor past its opener.
fn double_quote(
    cursor: &mut Cursor,
    out: &mut Builder,
    open: Place,
    is_close: &dyn Fn(char) -> bool,
    name: &str,
) -> Result<(), Error> {
    loop {
        let at = cursor.at();
        let Some(c) = cursor.peek() else {
            return Err(cursor.unterminated(name, open));
        };
        match c {
            _ if is_close(c) => {
                cursor.bump();
                return Ok(());
            }
            '\\' => match cursor.peek_at(1) {
                Some(e @ ('$' | '`' | '"' | '\\')) => {
                    cursor.skip(2);
                    out.word(open).push_str(e.encode_utf8(&mut [0; 4]));
                }
                Some('\n') => cursor.skip(2),
                _ => {
                    cursor.bump();
                    out.word(open).push_str("\\");
                }
            },
            '$' => dollar(cursor, out, true)?,
            '`' => backquote(cursor, out)?,
            _ => {
                // A run of ASCII text at once; `"` ends it, which only the typographic
                // closers read as text, one character at a time below.
                let run = cursor
                    .rest()
                    .bytes()
                    .position(|b| !b.is_ascii() || matches!(b, b'"' | b'\\' | b'$' | b'`'))
                    .unwrap_or(cursor.rest().len());
                if run > 0 {
                    out.word(at).push_str(cursor.take(run));
                } else {
                    cursor.bump();
                    out.word(at).push_str(c.encode_utf8(&mut [0; 4]));
                }
            }
        }
    }
}

/// `$` and what follows it; `quoted` inside double quotes.
fn dollar(cursor: &mut Cursor, out: &mut Builder, quoted: bool) -> Result<(), Error> {
    let at = cursor.at();
    let start = cursor.pos;
    match cursor.peek_at(1) {
        Some('(') => {
            let arithmetic = cursor.peek_at(2) == Some('(');
            cursor.skip(2);
            skip_nested(cursor, Nest::Substitution, at, '\\')?;
            let text = cursor.text(start);
            // Kept as written and never run; the parser refuses it where a snippet
            // would need its value.
            if !arithmetic {
                let body = cursor.before_last(start + 2).to_owned();
                note_substitution(out, body, at.shifted(2));
            }
            out.word(at).push(Piece::Opaque(text));
        }
        Some('{') => {
            cursor.skip(2);
            skip_nested(cursor, Nest::Brace, at, '\\')?;
            let text = cursor.text(start);
            match parameter(&text[2..text.len() - 1]) {
                Some(var) => out.word(at).push(Piece::Var(Box::new(var))),
                // Only a shell can tell its value: the parser refuses it where it matters.
                None => out.word(at).push(Piece::Opaque(text)),
            }
        }
        Some(c) if c.is_ascii_alphabetic() || c == '_' => {
            cursor.bump();
            let name_start = cursor.pos;
            while cursor
                .peek()
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
            {
                cursor.bump();
            }
            let name = cursor.text(name_start);
            out.word(at).push(Piece::Var(Box::new(Var::new(name))));
        }
        Some(c) if c.is_ascii_digit() || "@*#?$!-".contains(c) => {
            cursor.skip(2);
            out.word(at).push(Piece::Opaque(cursor.text(start)));
        }
        Some('\'') if !quoted => ansi_c_quote(cursor, out)?,
        Some('"') if !quoted => {
            // `$"..."` is translated by the locale; untranslated, it is a double quote.
            cursor.skip(2);
            out.word(at).push_str("");
            double_quote(cursor, out, at, &|c| c == '"', "double quote")?;
        }
        _ => {
            cursor.bump();
            out.word(at).push_char('$');
        }
    }
    Ok(())
}

/// Remembers the body of a substitution written right after `NAME=`, so that a curl inside
/// it can be read (see `Builder::follow_substitution`).
fn note_substitution(out: &mut Builder, body: String, at: Place) {
    let Some(word) = &mut out.word else { return };
    // `NAME="$(curl ...)"` too: the quotes add no text.
    let right_after_name = matches!(&word.pieces[..],
            [Piece::Literal(s)] if s.chars().count() == word.plain_len)
        && word
            .assignment_name()
            .is_some_and(|(_, value_start)| value_start == word.plain_len);
    if right_after_name {
        word.substitution = Some((body, at));
    }
}

fn backquote(cursor: &mut Cursor, out: &mut Builder) -> Result<(), Error> {
    let at = cursor.at();
    let start = cursor.pos;
    cursor.bump();
    skip_nested(cursor, Nest::Backquote, at, '\\')?;
    let text = cursor.text(start);
    let mut body = String::new();
    let mut chars = cursor.before_last(start + 1).chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some(&e @ ('\\' | '`' | '$'))) => {
                chars.next();
                body.push(e);
            }
            _ => body.push(c),
        }
    }
    note_substitution(out, body, at.shifted(1));
    out.word(at).push(Piece::Opaque(text));
    Ok(())
}

/// `$'...'`, the cursor on the `$`. Escapes make bytes, as in bash: `\xc3\xa9` is `é`.
fn ansi_c_quote(cursor: &mut Cursor, out: &mut Builder) -> Result<(), Error> {
    let at = cursor.at();
    cursor.skip(2);
    let mut bytes = Vec::new();
    let push = |bytes: &mut Vec<u8>, c: char| {
        bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    };
    loop {
        let Some(c) = cursor.bump() else {
            return Err(cursor.unterminated("$' quote", at));
        };
        match c {
            '\'' => break,
            '\\' => {
                let Some(e) = cursor.bump() else {
                    return Err(cursor.unterminated("$' quote", at));
                };
                let simple = match e {
                    'a' => Some(0x07),
                    'b' => Some(0x08),
                    'e' | 'E' => Some(0x1b),
                    'f' => Some(0x0c),
                    'n' => Some(b'\n'),
                    'r' => Some(b'\r'),
                    't' => Some(b'\t'),
                    'v' => Some(0x0b),
                    '\\' | '\'' | '"' | '?' => Some(e as u8),
                    _ => None,
                };
                if let Some(b) = simple {
                    bytes.push(b);
                    continue;
                }
                match e {
                    '0'..='7' => {
                        let rest = digits(cursor, 8, 2);
                        let value = (e as u32 - '0' as u32) * 8u32.pow(rest.1) + rest.0;
                        bytes.push((value & 0xff) as u8);
                    }
                    'x' | 'u' | 'U' => {
                        let max = match e {
                            'x' => 2,
                            'u' => 4,
                            _ => 8,
                        };
                        let (value, count) = digits(cursor, 16, max);
                        match (e, count, char::from_u32(value)) {
                            (_, 0, _) => {
                                push(&mut bytes, '\\');
                                push(&mut bytes, e);
                            }
                            ('x', _, _) => bytes.push((value & 0xff) as u8),
                            (_, _, Some(ch)) => push(&mut bytes, ch),
                            (_, _, None) => push(&mut bytes, char::REPLACEMENT_CHARACTER),
                        }
                    }
                    'c' => match cursor.bump() {
                        Some(ctl) if ctl.is_ascii() => bytes.push(ctl as u8 & 0x1f),
                        Some(other) => {
                            push(&mut bytes, '\\');
                            push(&mut bytes, 'c');
                            push(&mut bytes, other);
                        }
                        None => return Err(cursor.unterminated("$' quote", at)),
                    },
                    _ => {
                        push(&mut bytes, '\\');
                        push(&mut bytes, e);
                    }
                }
            }
            _ => push(&mut bytes, c),
        }
    }
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        out.warn(
            at,
            Code::Repaired,
            "$'...' ends at its \\0 byte, as in bash",
        );
        bytes.truncate(nul);
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            out.warn(
                at,
                Code::Repaired,
                "$'...' escapes make invalid UTF-8; replaced with U+FFFD",
            );
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    out.word(at).push_str(&text);
    Ok(())
}

/// Up to `max` digits in `radix`: their value and how many were read.
fn digits(cursor: &mut Cursor, radix: u32, max: u32) -> (u32, u32) {
    let mut value = 0u32;
    let mut count = 0;
    while count < max {
        let Some(d) = cursor.peek().and_then(|c| c.to_digit(radix)) else {
            break;
        };
        cursor.bump();
        value = value * radix + d;
        count += 1;
    }
    (value, count)
}

/// A typographic quote opens a quote only where a word or a value starts: elsewhere it is
/// text (`don’t`).
fn quote_can_open(out: &Builder) -> bool {
    match &out.word {
        None => true,
        Some(word) => matches!(word.pieces.last(), Some(Piece::Literal(s)) if s.ends_with('=')),
    }
}

fn typographic_quote(cursor: &mut Cursor, out: &mut Builder, open: char) -> Result<(), Error> {
    let at = cursor.at();
    cursor.bump();
    let single = matches!(open, '\u{2018}' | '\u{2019}');
    let ascii = if single { '\'' } else { '"' };
    out.warn(
        at,
        Code::Repaired,
        format!("typographic quote {open} read as {ascii}"),
    );
    out.word(at).push_str("");
    let name = format!("typographic quote {open}");
    if !single {
        let is_close = |c| matches!(c, '\u{201c}' | '\u{201d}');
        return double_quote(cursor, out, at, &is_close, &name);
    }
    let start = cursor.pos;
    loop {
        match cursor.bump() {
            None => return Err(cursor.unterminated(&name, at)),
            Some('\u{2018}' | '\u{2019}') => break,
            Some(_) => {}
        }
    }
    let text = cursor.before_last(start);
    out.word(at).push_str(text);
    Ok(())
}

/// Control operators end the command; redirection operators make the next word their target.
fn operator(cursor: &mut Cursor, out: &mut Builder, c: char) -> Result<(), Error> {
    let at = cursor.at();
    let next = cursor.peek_at(1);
    let (len, redirect) = match (c, next) {
        (';', _) => (1, None),
        ('&', Some('&')) | ('|', Some('|' | '&')) => (2, None),
        ('&', Some('>')) if cursor.peek_at(2) == Some('>') => (3, Some(Redirect::Output)),
        ('&', Some('>')) => (2, Some(Redirect::Output)),
        ('&' | '|' | '(' | ')', _) => (1, None),
        ('<' | '>', Some('(')) => return process_substitution(cursor, out),
        ('<', Some('<')) => match cursor.peek_at(2) {
            Some('<') => (3, Some(Redirect::HereString)),
            Some('-') => (3, Some(Redirect::Heredoc { strip_tabs: true })),
            _ => (2, Some(Redirect::Heredoc { strip_tabs: false })),
        },
        ('<', Some('>' | '&')) => (2, Some(Redirect::Output)),
        ('<', _) => (1, Some(Redirect::StdinFile)),
        ('>', Some('>' | '|' | '&')) => (2, Some(Redirect::Output)),
        _ => (1, Some(Redirect::Output)),
    };
    out.operator(cursor, len, redirect, at)
}

/// `<(...)` and `>(...)`: a file name made by a command; kept as is, like `$(...)`.
fn process_substitution(cursor: &mut Cursor, out: &mut Builder) -> Result<(), Error> {
    let at = cursor.at();
    let start = cursor.pos;
    cursor.skip(2);
    skip_nested(cursor, Nest::Substitution, at, '\\')?;
    out.word(at).push(Piece::Opaque(cursor.text(start)));
    Ok(())
}

/// Reads the bodies of the heredocs opened on the line just ended.
fn read_heredocs(cursor: &mut Cursor, out: &mut Builder) -> Result<(), Error> {
    for heredoc in std::mem::take(&mut out.heredocs) {
        let mut body = String::new();
        loop {
            if cursor.peek().is_none() {
                return Err(unterminated_heredoc(cursor, &heredoc));
            }
            let start = cursor.pos;
            while cursor.peek().is_some_and(|c| c != '\n') {
                cursor.bump();
            }
            let line = cursor.text(start);
            cursor.bump();
            let line = if heredoc.strip_tabs {
                line.trim_start_matches('\t')
            } else {
                &line
            };
            if line == heredoc.delimiter {
                break;
            }
            body.push_str(line);
            body.push('\n');
        }
        let command = match heredoc.owner {
            Some(index) => out.commands.get_mut(index),
            None => Some(&mut out.current),
        };
        if let Some(command) = command {
            command.stdin = Some(body);
            command.stdin_expands = heredoc.expands;
        }
    }
    Ok(())
}

fn unterminated_heredoc(cursor: &Cursor, heredoc: &Heredoc) -> Error {
    cursor.error(
        heredoc.at,
        Code::Unterminated,
        format!(
            "unterminated heredoc {}{} (no line {})",
            heredoc.operator, heredoc.delimiter, heredoc.delimiter
        ),
    )
}

/// The text of a heredoc body (or here-string) the shell expands: `$NAME` and
/// `${...}` read their variables; `\\`, `\$` and `` \` `` are escapes and a
/// backslash before a line break joins the lines; `$(...)`, backquotes and other
/// expansions only a shell can run are refused.
pub(crate) fn expand(body: &str) -> Result<Text, Error> {
    let mut text = Text::new();
    let mut chars = body.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '\\' => match chars.peek().map(|&(_, next)| next) {
                Some(next @ ('$' | '`' | '\\')) => {
                    chars.next();
                    text.push_str(next.encode_utf8(&mut [0; 4]));
                }
                Some('\n') => {
                    chars.next();
                }
                _ => text.push_str("\\"),
            },
            '$' => {
                let rest = &body[at + 1..];
                if let Some(braced) = rest.strip_prefix('{') {
                    let end = braced.find('}').unwrap_or(braced.len());
                    let Some(var) = parameter(&braced[..end]) else {
                        return Err(refused(&body[at..]));
                    };
                    text.push(Segment::Var(var));
                    for _ in 0..braced[..end].chars().count() + 2 {
                        chars.next();
                    }
                } else if rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
                    let end = rest
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                        .unwrap_or(rest.len());
                    text.push(Segment::Var(Var::new(&rest[..end])));
                    for _ in 0..end {
                        chars.next();
                    }
                } else if rest
                    .starts_with(|c: char| c == '(' || c.is_ascii_digit() || "@*#?$!-".contains(c))
                {
                    return Err(refused(&body[at..]));
                } else {
                    text.push_str("$");
                }
            }
            '`' => return Err(refused(&body[at..])),
            c => text.push_str(c.encode_utf8(&mut [0; 4])),
        }
    }
    Ok(text)
}

/// A shell expansion, at the start of `rest`, that only a shell could run.
fn refused(rest: &str) -> Error {
    let shown: String = rest.chars().take_while(|c| *c != '\n').take(24).collect();
    Error::new(
        Code::ShellExpansion,
        format!("standard input holds {shown}..., which only a shell can run"),
    )
    .advice("write its value out, or quote the heredoc's delimiter (<<'EOF') to send it as written")
}

/// The variable of a `${...}` expansion's inside, when it is one a snippet can read:
/// `NAME`, `NAME:-default` (a default of plain text), `NAME:?` and `NAME?` with
/// their messages (the snippets stop, naming the variable, as the shell does).
pub(crate) fn parameter(inside: &str) -> Option<Var> {
    let end = inside
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(inside.len());
    let (name, rest) = inside.split_at(end);
    if !is_env_name(name) {
        return None;
    }
    let default = match rest {
        "" => None,
        _ if rest.starts_with(":?") || rest.starts_with('?') => None,
        _ => {
            let default = rest.strip_prefix(":-")?;
            if default.contains(['"', '\'', '$', '`', '\\', '}', '!', '\n']) {
                return None;
            }
            Some(default.to_owned())
        }
    };
    Some(Var {
        default,
        ..Var::new(name)
    })
}

/// The length of a `<name>` placeholder at the cursor (`name` made of letters,
/// digits, `_` and `-`), when there is one.
fn placeholder(cursor: &Cursor) -> Option<usize> {
    let mut length = 1;
    while let Some(c) = cursor.peek_at(length) {
        match c {
            '>' if length > 1 => return Some(length + 1),
            c if c.is_ascii_alphanumeric() || c == '_' || c == '-' => length += 1,
            _ => return None,
        }
    }
    None
}
