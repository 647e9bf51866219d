//! curl's argv → what each option asked for, in curl's own terms ([`Invocation`]).
//! [`super::assemble`] then turns that into a [`Request`](crate::Request).

use super::lex::{Piece, Pieces, Word};
use super::options::{self, Kind, Opt};
use super::{Warning, encode};
use crate::error::Error;

/// A value with the place of the word it came from.
#[derive(Clone, Debug)]
pub(crate) struct Located<T> {
    pub value: T,
    pub at: (usize, usize),
}

/// One `-d`-family value, as curl will send it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Data {
    Text(String),
    /// `@file`: `strip` when curl removes CR and LF (`-d`, `--data-ascii`).
    File {
        path: String,
        strip: bool,
    },
}

/// Everything the options of one curl command asked for.
#[derive(Debug, Default)]
pub(crate) struct Invocation {
    pub urls: Vec<Located<String>>,
    pub method: Option<Located<String>>,
    pub head: bool,
    pub get: bool,
    pub upload: Option<Located<String>>,
    /// Headers as written, with the word that gave them (for variables).
    pub headers: Vec<Located<Word>>,
    pub data: Vec<Located<Data>>,
    /// `--json` was used: its parts join without `&`.
    pub json: bool,
    /// `-F` values, and whether each is `--form-string` (taken literally).
    pub forms: Vec<Located<(String, bool)>>,
    pub query: Vec<String>,
    pub user: Option<Located<String>>,
    pub bearer: Option<Located<Word>>,
    /// `--proto-default`: the scheme of a URL written without one.
    pub proto_default: Option<String>,
    pub warnings: Vec<Warning>,
}

/// Reads curl's arguments (the words after `curl`).
/// A value word is taken out of `args` (left empty), not copied.
pub(crate) fn parse(args: &mut [Word], origin: &str) -> Result<Invocation, Error> {
    let mut invocation = Invocation::default();
    let mut index = 0;
    let mut only_urls = false;
    while index < args.len() {
        let Some((word, following)) = args[index..].split_first_mut() else {
            break;
        };
        let word = &*word;
        index += 1;
        let text = word.text();
        if only_urls || !text.starts_with('-') || text == "-" {
            invocation.url(word, origin)?;
            continue;
        }
        if text == "--" {
            only_urls = true;
            continue;
        }
        if text == "--next" || text == "-:" {
            invocation.warn(
                (word.line, word.column),
                "only the request before --next is converted",
            );
            break;
        }
        if let Some(name) = text.strip_prefix("--") {
            // `--name=value` in one word, as recent curl versions accept.
            if let Some((name, attached)) = name.split_once('=')
                && let Some(opt) = options::long(name).filter(|opt| opt.takes_value)
            {
                let value = tail(word, text.len() - attached.len());
                invocation.apply(opt, false, Some(value), word, origin)?;
                continue;
            }
            let Some(opt) = options::long(name) else {
                let hint = options::suggest(name)
                    .map(|known| format!(" (did you mean --{known}?)"))
                    .unwrap_or_default();
                return Err(located(
                    origin,
                    word,
                    format!("unknown option {text}{hint}"),
                ));
            };
            let value = if opt.takes_value {
                let Some(value) = following.first_mut() else {
                    return Err(located(
                        origin,
                        word,
                        format!("option {text} needs a value"),
                    ));
                };
                index += 1;
                Some(std::mem::take(value))
            } else {
                None
            };
            let negated = name.starts_with("no-") && opt.long != name;
            invocation.apply(opt, negated, value, word, origin)?;
            continue;
        }
        // A cluster of short options: `-sSL`, `-XPOST`, `-H'X: y'`.
        let mut rest = text[1..].chars();
        while let Some(letter) = rest.next() {
            let Some(opt) = options::short(letter) else {
                return Err(located(
                    origin,
                    word,
                    format!("unknown option -{letter} in {text}"),
                ));
            };
            if !opt.takes_value {
                invocation.apply(opt, false, None, word, origin)?;
                continue;
            }
            let attached: String = rest.collect();
            let value = if attached.is_empty() {
                let Some(value) = following.first_mut() else {
                    return Err(located(
                        origin,
                        word,
                        format!("option -{letter} needs a value"),
                    ));
                };
                index += 1;
                std::mem::take(value)
            } else {
                // The value is the rest of this word, variables and all.
                tail(word, text.len() - attached.len())
            };
            invocation.apply(opt, false, Some(value), word, origin)?;
            break;
        }
    }
    Ok(invocation)
}

impl Invocation {
    /// A URL as documentation writes it: shell variables and `{name}` / `<name>`
    /// placeholders are kept for the reader to replace, with a warning each.
    fn url(&mut self, word: &Word, origin: &str) -> Result<(), Error> {
        let at = (word.line, word.column);
        let mut url = String::new();
        let pieces = match &word.pieces[..] {
            // Most URLs are one literal: copied once.
            [Piece::Literal(text)] => {
                url.clone_from(text);
                &[][..]
            }
            pieces => pieces,
        };
        for piece in pieces {
            match piece {
                Piece::Literal(text) => url.push_str(text),
                Piece::Var(name) => {
                    self.warn(
                        at,
                        &format!("${name} in the URL is kept as text; replace it with its value"),
                    );
                    url.push('$');
                    url.push_str(name);
                }
                Piece::Opaque(text) => {
                    return Err(located(
                        origin,
                        word,
                        format!(
                            "the URL holds {text}, which only a shell can run; write the URL out"
                        ),
                    ));
                }
            }
        }
        self.urls.push(Located {
            value: placeholders(url, at, &mut self.warnings),
            at,
        });
        Ok(())
    }

    fn apply(
        &mut self,
        opt: &Opt,
        negated: bool,
        value: Option<Word>,
        word: &Word,
        origin: &str,
    ) -> Result<(), Error> {
        let at = (word.line, word.column);
        let name = opt.long;
        match opt.kind {
            Kind::Harmless => {
                if name == "insecure" && !negated {
                    self.warn(
                        at,
                        "--insecure: the snippets keep checking TLS certificates",
                    );
                }
                return Ok(());
            }
            Kind::Unsupported => {
                self.warn(at, &format!("--{name} is not reproduced by the snippets"));
                return Ok(());
            }
            Kind::Request => {}
        }
        let Some(value) = value else {
            match name {
                "get" => self.get = !negated,
                "head" => self.head = !negated,
                _ => self.warn(at, &format!("--{name} is not reproduced by the snippets")),
            }
            return Ok(());
        };
        let literal = |what: &str| -> Result<String, Error> {
            value.literal().ok_or_else(|| {
                located(
                    origin,
                    &value,
                    format!(
                        "the {what} {} comes from the shell; write it out",
                        value.text()
                    ),
                )
            })
        };
        let text = value.text();
        let value_at = (value.line, value.column);
        match name {
            "request" => {
                self.method = Some(Located {
                    value: literal("method")?,
                    at,
                })
            }
            "url" => self.url(&value, origin)?,
            "header" => {
                if let Some(path) = text.strip_prefix('@') {
                    // curl reads the file when it runs; the conversion reads it now.
                    let lines = read(path).map_err(|err| located(origin, &value, err))?;
                    self.warn(value_at, &format!("headers read from {path} as it is now"));
                    for line in lines
                        .lines()
                        .map(str::trim_end)
                        .filter(|line| !line.is_empty())
                    {
                        self.headers.push(Located {
                            value: literal_word(line, &value),
                            at: value_at,
                        });
                    }
                    return Ok(());
                }
                self.headers.push(Located {
                    value,
                    at: value_at,
                });
            }
            "user-agent" => self.header_line("User-Agent", &value, value_at),
            "referer" => {
                let referer = text.strip_suffix(";auto").unwrap_or(&text).to_owned();
                if referer.is_empty() {
                    self.warn(at, "--referer ';auto' sets no header the snippets can send");
                } else {
                    self.headers.push(Located {
                        value: literal_word(&format!("Referer: {referer}"), &value),
                        at: value_at,
                    });
                }
            }
            "cookie" => {
                if text.contains('=') {
                    self.header_line("Cookie", &value, value_at);
                } else {
                    self.warn(
                        at,
                        &format!("--cookie {text}: cookies from a file are not reproduced"),
                    );
                }
            }
            "data" | "data-ascii" | "data-raw" | "data-binary" | "json" => {
                if value.literal().is_none() {
                    self.warn(
                        value_at,
                        &format!("--{name}: shell expansions kept as literal text: {text}"),
                    );
                }
                let data = match text.strip_prefix('@') {
                    Some(path) if name != "data-raw" => Data::File {
                        path: path.to_owned(),
                        strip: matches!(name, "data" | "data-ascii"),
                    },
                    _ => Data::Text(text.into_owned()),
                };
                if name == "json" {
                    self.json = true;
                }
                self.data.push(Located { value: data, at });
            }
            "data-urlencode" => {
                let encoded = urlencoded(&text).map_err(|err| located(origin, &value, err))?;
                if names_file(&text) {
                    self.warn(
                        value_at,
                        &format!(
                            "--data-urlencode {text}: the file's content is embedded as it is now"
                        ),
                    );
                }
                self.data.push(Located {
                    value: Data::Text(encoded),
                    at,
                });
            }
            "url-query" => {
                let query = match text.strip_prefix('+') {
                    Some(verbatim) => verbatim.to_owned(),
                    None => urlencoded(&text).map_err(|err| located(origin, &value, err))?,
                };
                self.query.push(query);
            }
            "form" | "form-string" => self.forms.push(Located {
                value: (text.into_owned(), name == "form-string"),
                at: value_at,
            }),
            "range" => self.header_line(
                "Range",
                &literal_word(&format!("bytes={text}"), &value),
                value_at,
            ),
            "proto-default" => self.proto_default = Some(literal("protocol")?),
            "upload-file" => {
                self.upload = Some(Located {
                    value: literal("file name")?,
                    at,
                })
            }
            "user" => {
                self.user = Some(Located {
                    value: literal("user")?,
                    at,
                })
            }
            "oauth2-bearer" => {
                self.bearer = Some(Located {
                    value,
                    at: value_at,
                })
            }
            _ => self.warn(at, &format!("--{name} is not reproduced by the snippets")),
        }
        Ok(())
    }

    /// A header from an option that names it (`-A`, `-b`), keeping variables.
    fn header_line(&mut self, name: &str, value: &Word, at: (usize, usize)) {
        let mut pieces = vec![Piece::Literal(format!("{name}: "))];
        pieces.extend(value.pieces.iter().cloned());
        self.headers.push(Located {
            value: Word {
                pieces: pieces.into(),
                line: value.line,
                column: value.column,
            },
            at,
        });
    }

    pub(crate) fn warn(&mut self, at: (usize, usize), message: &str) {
        self.warnings.push(Warning {
            at: Some(at),
            message: message.to_owned(),
        });
    }
}

/// `{name}` and `<name>` placeholders without their brackets, which no client sends
/// as written (curl itself globs `{name}` to `name`).
fn placeholders(url: String, at: (usize, usize), warnings: &mut Vec<Warning>) -> String {
    if !url.contains(['{', '<']) {
        return url;
    }
    let mut out = String::with_capacity(url.len());
    let mut rest = url.as_str();
    while let Some(start) = rest.find(['{', '<']) {
        let close = if rest.as_bytes()[start] == b'{' {
            '}'
        } else {
            '>'
        };
        let Some(length) = rest[start + 1..].find(close) else {
            break;
        };
        let name = &rest[start + 1..start + 1 + length];
        if name.is_empty() || name.contains([',', '{', '<', '/']) {
            break;
        }
        warnings.push(Warning {
            at: Some(at),
            message: format!(
                "placeholder {} in the URL is sent as {name}; replace it with its value",
                &rest[start..start + length + 2]
            ),
        });
        out.push_str(&rest[..start]);
        out.push_str(name);
        rest = &rest[start + length + 2..];
    }
    out.push_str(rest);
    out
}

/// `--data-urlencode` forms: `content`, `=content`, `name=content`, and the two
/// that read a file, `@file` and `name@file` (read now, as curl would when it runs).
fn urlencoded(text: &str) -> Result<String, String> {
    if let Some(content) = text.strip_prefix('=') {
        return Ok(encode::percent(content));
    }
    if names_file(text) {
        let at = text.find('@').unwrap_or_default();
        let encoded = encode::percent(&read(&text[at + 1..])?);
        return Ok(if at == 0 {
            encoded
        } else {
            format!("{}={encoded}", &text[..at])
        });
    }
    Ok(match text.split_once('=') {
        Some((name, content)) => format!("{name}={}", encode::percent(content)),
        None => encode::percent(text),
    })
}

/// Whether a `--data-urlencode` value is `@file` or `name@file`: an `@` before any `=`.
fn names_file(text: &str) -> bool {
    match (text.find('@'), text.find('=')) {
        (Some(at), Some(eq)) => at < eq,
        (Some(_), None) => true,
        _ => false,
    }
}

/// A file an option names, read at conversion time.
fn read(path: &str) -> Result<String, String> {
    if path == "-" {
        return Err("the value is read from standard input (@-); paste it".into());
    }
    std::fs::read_to_string(path).map_err(|err| {
        format!("cannot read {path} ({err}); curl reads it when it runs: convert where the file is, or paste its content")
    })
}

/// The part of `word` after its first `skip` bytes of text, pieces kept.
fn tail(word: &Word, skip: usize) -> Word {
    let mut pieces = Vec::new();
    let mut skipped = 0;
    for piece in &word.pieces {
        let length = match piece {
            Piece::Literal(text) => text.len(),
            Piece::Var(name) => name.len() + 1,
            Piece::Opaque(text) => text.len(),
        };
        if skipped >= skip {
            pieces.push(piece.clone());
        } else if skipped + length > skip {
            if let Piece::Literal(text) = piece {
                pieces.push(Piece::Literal(text[skip - skipped..].to_owned()));
            } else {
                pieces.push(piece.clone());
            }
        }
        skipped += length;
    }
    Word {
        pieces: pieces.into(),
        line: word.line,
        column: word.column + skip,
    }
}

fn literal_word(text: &str, like: &Word) -> Word {
    Word {
        pieces: Pieces::One(Piece::Literal(text.to_owned())),
        line: like.line,
        column: like.column,
    }
}

pub(crate) fn located(origin: &str, word: &Word, message: String) -> Error {
    Error::Curl {
        origin: origin.to_owned(),
        at: Some((word.line, word.column)),
        message,
    }
}
