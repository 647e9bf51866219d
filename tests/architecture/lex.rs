//! Rust source as the tokens a module graph needs: identifiers, `::` and
//! punctuation, each with its line; comments, strings, characters, lifetimes and
//! numbers are left out, so that a path in a doc comment or a string is no import.

/// A token of Rust source, with its line; comments, strings, characters,
/// lifetimes and numbers are left out.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Token {
    Ident(String),
    /// `::`
    Path,
    Punct(char),
}

pub(super) fn lex(text: &str) -> Vec<(Token, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut line = 1;
    let mut i = 0;
    // Skips to the end of a quoted literal opened at `i` (the quote itself).
    let skip_quoted = |i: &mut usize, line: &mut usize, quote: char| {
        *i += 1;
        while *i < chars.len() && chars[*i] != quote {
            if chars[*i] == '\\' {
                *i += 1;
            }
            if chars.get(*i) == Some(&'\n') {
                *line += 1;
            }
            *i += 1;
        }
        *i += 1;
    };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if c == '"' {
            skip_quoted(&mut i, &mut line, '"');
        } else if c == '\'' {
            // A character (`'a'`, `'\n'`) or a lifetime (`'a`).
            if next == Some('\\') || chars.get(i + 2) == Some(&'\'') {
                skip_quoted(&mut i, &mut line, '\'');
            } else {
                i += 1;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let quote = chars.get(i).copied();
            let raw =
                matches!(word.as_str(), "r" | "br" | "cr") && matches!(quote, Some('"' | '#'));
            if raw {
                // r"...", r#"..."#: ends at the quote followed by as many hashes.
                let mut hashes = 0;
                while chars.get(i) == Some(&'#') {
                    hashes += 1;
                    i += 1;
                }
                if chars.get(i) != Some(&'"') {
                    // `r#ident`, a raw identifier.
                    let start = i;
                    while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                        i += 1;
                    }
                    tokens.push((Token::Ident(chars[start..i].iter().collect()), line));
                    continue;
                }
                i += 1;
                loop {
                    match chars.get(i) {
                        None => break,
                        Some('"') if (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) => {
                            i += 1 + hashes;
                            break;
                        }
                        Some('\n') => line += 1,
                        Some(_) => {}
                    }
                    i += 1;
                }
            } else if matches!(word.as_str(), "b" | "c") && quote == Some('"') {
                skip_quoted(&mut i, &mut line, '"');
            } else if word == "b" && quote == Some('\'') {
                skip_quoted(&mut i, &mut line, '\'');
            } else {
                tokens.push((Token::Ident(word), line));
            }
        } else if c.is_ascii_digit() {
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
        } else if c == ':' && next == Some(':') {
            tokens.push((Token::Path, line));
            i += 2;
        } else {
            tokens.push((Token::Punct(c), line));
            i += 1;
        }
    }
    tokens
}
