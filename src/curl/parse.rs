//! curl's argv → what each option asked for, in curl's own terms ([`Invocation`]).
//! [`super::assemble`] then turns that into a [`Request`](crate::Request).

use super::encode;
use super::lex::{Piece, Pieces, Word};
use super::options::{self, Action, DataOption, Kind, Opt};
use crate::diagnostic::{Code, Diagnostic, Hint, Place};
use crate::error::Error;
use crate::model::{Connection, FileBytes};
use crate::text::{Escapes, Segment, Text};

/// A value with the place of the word it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Located<T> {
    pub value: T,
    pub at: Place,
}

/// One `-d`-family value, as curl will send it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Data {
    Text(Text),
    /// `@file` (`-d`, `--data-ascii`: CR and LF dropped), or `"$(cat file)"` (the line
    /// breaks at the end dropped, by the shell).
    File {
        path: String,
        bytes: FileBytes,
    },
}

/// Everything the options of one curl command asked for.
#[derive(Debug, Default)]
pub(crate) struct Invocation {
    pub urls: Vec<Located<Text>>,
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
    pub forms: Vec<Located<(Word, bool)>>,
    pub query: Vec<Text>,
    pub user: Option<Located<Text>>,
    pub bearer: Option<Located<Word>>,
    /// `--proto-default`: the scheme of a URL written without one.
    pub proto_default: Option<String>,
    /// `-k`, `-m`, `--connect-timeout`, `-x`, `--compressed`, `-L`.
    pub connection: Connection,
    /// The first of those options.
    pub connection_at: Option<Place>,
    pub warnings: Vec<Diagnostic>,
}

/// Reads curl's arguments (the words after `curl`).
/// A value word is taken out of `args` (left empty), not copied. An error carries
/// the warnings of the arguments before it.
pub(crate) fn parse(args: &mut [Word]) -> Result<Invocation, Error> {
    let mut invocation = Invocation::default();
    match read_args(args, &mut invocation) {
        Ok(()) => Ok(invocation),
        Err(err) => Err(err.after(invocation.warnings)),
    }
}

fn read_args(args: &mut [Word], invocation: &mut Invocation) -> Result<(), Error> {
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
            invocation.url(word)?;
            continue;
        }
        if text == "--" {
            only_urls = true;
            continue;
        }
        if text == "--next" || text == "-:" {
            invocation.warn(
                word.at,
                Code::LeftOut,
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
                invocation.apply(opt, false, Some(value), word)?;
                continue;
            }
            let Some(opt) = options::long(name) else {
                let error =
                    Error::new(Code::UnknownOption, format!("unknown option {text}")).at(word.at);
                return Err(match options::suggest(name) {
                    Some(known) => error.hint(Hint::DidYouMean(format!("--{known}"))),
                    None => error,
                });
            };
            let value = if opt.takes_value {
                let Some(value) = following.first_mut() else {
                    return Err(missing_value(&text, word));
                };
                index += 1;
                Some(std::mem::take(value))
            } else {
                None
            };
            let negated = name.starts_with("no-") && opt.long != name;
            invocation.apply(opt, negated, value, word)?;
            continue;
        }
        // A cluster of short options: `-sSL`, `-XPOST`, `-H'X: y'`.
        let mut rest = text[1..].chars();
        while let Some(letter) = rest.next() {
            let Some(opt) = options::short(letter) else {
                return Err(Error::new(
                    Code::UnknownOption,
                    format!("unknown option -{letter} in {text}"),
                )
                .at(word.at));
            };
            if !opt.takes_value {
                invocation.apply(opt, false, None, word)?;
                continue;
            }
            let attached: String = rest.collect();
            let value = if attached.is_empty() {
                let Some(value) = following.first_mut() else {
                    return Err(missing_value(&format!("-{letter}"), word));
                };
                index += 1;
                std::mem::take(value)
            } else {
                // The value is the rest of this word, variables and all.
                tail(word, text.len() - attached.len())
            };
            invocation.apply(opt, false, Some(value), word)?;
            break;
        }
    }
    Ok(())
}

fn missing_value(option: &str, word: &Word) -> Error {
    Error::new(Code::MissingValue, format!("option {option} needs a value")).at(word.at)
}

impl Invocation {
    /// A URL as documentation writes it: a shell variable is read when the snippet
    /// runs; a `{name}` or `<name>` placeholder is kept verbatim for the reader to
    /// replace, with a warning each.
    fn url(&mut self, word: &Word) -> Result<(), Error> {
        let at = word.at;
        let text = text(word, "the URL")?;
        self.urls.push(Located {
            value: placeholders(text, at, &mut self.warnings),
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
    ) -> Result<(), Error> {
        let at = word.at;
        match (opt.kind, value) {
            (Kind::Harmless, _) => {}
            (Kind::Unsupported, _) => self.not_reproduced(opt, at),
            (Kind::Request(action), None) => self.flag(opt, action, negated, at),
            (Kind::Request(action), Some(value)) => self.option(opt, action, value, at)?,
        }
        Ok(())
    }

    /// An option without a value.
    fn flag(&mut self, opt: &Opt, action: Action, negated: bool, at: Place) {
        match action {
            Action::Get => self.get = !negated,
            Action::Head => self.head = !negated,
            Action::Insecure => {
                self.connection.insecure = !negated;
                if !negated {
                    self.warn(
                        at,
                        Code::Insecure,
                        "--insecure: the snippets do not check TLS certificates either",
                    );
                }
            }
            Action::Compressed => self.connection.compressed = !negated,
            Action::Location => self.connection.follow_redirects = !negated,
            _ => return self.not_reproduced(opt, at),
        }
        if matches!(
            action,
            Action::Insecure | Action::Compressed | Action::Location
        ) {
            self.connection_at.get_or_insert(at);
        }
    }

    /// An option with its value; `at` is the option's place.
    fn option(&mut self, opt: &Opt, action: Action, value: Word, at: Place) -> Result<(), Error> {
        let located = |value: String| Located { value, at };
        match action {
            Action::Method => self.method = Some(located(literal(&value, "method")?)),
            Action::Url => self.url(&value)?,
            Action::Header => self.header(value)?,
            Action::UserAgent => self.header_line("User-Agent", &value),
            Action::Referer => self.referer(&value, at),
            Action::Cookie => self.cookie(&value, at),
            Action::Data(kind) => self.data(kind, &value, at)?,
            Action::DataUrlencode => self.data_urlencode(&value, at)?,
            Action::UrlQuery => {
                let query = text(&value, "--url-query value")?;
                let query = match query.as_literal() {
                    Some(literal) => match literal.strip_prefix('+') {
                        Some(verbatim) => Text::from(verbatim),
                        None => Text::from(
                            urlencoded(literal, Escapes::Uppercase)
                                .map_err(|err| err.at(value.at))?,
                        ),
                    },
                    None => {
                        let mut segments = query.segments().iter();
                        match segments.next() {
                            // `+` keeps the rest as written, variables read.
                            Some(Segment::Literal(first)) if first.starts_with('+') => {
                                let mut verbatim = Text::from(&first[1..]);
                                segments.for_each(|segment| verbatim.push(segment.clone()));
                                verbatim
                            }
                            _ => form_encoded(&query, "--url-query", Escapes::Uppercase)
                                .map_err(|err| err.at(value.at))?,
                        }
                    }
                };
                self.query.push(query);
            }
            Action::Form | Action::FormString => self.forms.push(Located {
                at: value.at,
                value: (value, action == Action::FormString),
            }),
            Action::Range => self.header_line(
                "Range",
                &literal_word(&format!("bytes={}", value.text()), &value),
            ),
            Action::ProtoDefault => self.proto_default = Some(literal(&value, "protocol")?),
            Action::UploadFile => self.upload = Some(located(literal(&value, "file name")?)),
            Action::User => {
                self.user = Some(Located {
                    value: text(&value, "user")?,
                    at,
                })
            }
            Action::OAuth2Bearer => {
                self.bearer = Some(Located {
                    at: value.at,
                    value,
                })
            }
            Action::MaxTime => {
                self.connection.timeout = seconds(&value, opt)?;
                self.connection_at.get_or_insert(at);
            }
            Action::ConnectTimeout => {
                self.connection.connect_timeout = seconds(&value, opt)?;
                self.connection_at.get_or_insert(at);
            }
            Action::Proxy => {
                let mut proxy = text(&value, "the proxy")?;
                // curl takes a proxy without a scheme as an HTTP one; the clients want it said.
                if let Some(literal) = proxy.as_literal()
                    && !literal.is_empty()
                    && !literal.contains("://")
                {
                    proxy = Text::from(format!("http://{literal}"));
                }
                // `-x ""` turns a proxy off, as curl reads it.
                self.connection.proxy = (!proxy.is_empty()).then_some(proxy);
                self.connection_at.get_or_insert(at);
            }
            Action::Get
            | Action::Head
            | Action::Insecure
            | Action::Compressed
            | Action::Location => self.not_reproduced(opt, at),
        }
        Ok(())
    }

    /// `-e URL`, or `URL;auto` (which only sets the header on redirects).
    fn referer(&mut self, value: &Word, at: Place) {
        let text = value.text();
        let referer = text.strip_suffix(";auto").unwrap_or(&text);
        if referer.is_empty() {
            self.warn(
                at,
                Code::UnsupportedOption,
                "--referer ';auto' sets no header the snippets can send",
            );
        } else {
            self.headers.push(Located {
                value: literal_word(&format!("Referer: {referer}"), value),
                at: value.at,
            });
        }
    }

    /// `-b name=value`: the Cookie header; `-b FILE` reads a cookie jar.
    fn cookie(&mut self, value: &Word, at: Place) {
        let text = value.text();
        if text.contains('=') {
            self.header_line("Cookie", value);
        } else {
            self.warn(
                at,
                Code::UnsupportedOption,
                format!("--cookie {text}: cookies from a file are not reproduced"),
            );
        }
    }

    /// `-d` and its kin: text, `@file` where the option reads files, or the shell's
    /// `"$(cat file)"`.
    fn data(&mut self, kind: DataOption, value: &Word, at: Place) -> Result<(), Error> {
        let whole_file = match &value.pieces[..] {
            [Piece::Opaque(opaque)] => cat(opaque),
            _ => None,
        };
        let data = if let Some(path) = whole_file {
            Data::File {
                path,
                bytes: FileBytes::TrimTrailingNewlines,
            }
        } else {
            let body = text(value, "the body")?;
            match body.as_literal().and_then(|text| text.strip_prefix('@')) {
                Some(path) if kind != DataOption::Raw => Data::File {
                    path: path.to_owned(),
                    bytes: if kind == DataOption::Ascii {
                        FileBytes::StripLineBreaks
                    } else {
                        FileBytes::AsIs
                    },
                },
                _ => Data::Text(body),
            }
        };
        self.json |= kind == DataOption::Json;
        self.data.push(Located { value: data, at });
        Ok(())
    }

    /// `--data-urlencode`: the value encoded, a file's content read now.
    fn data_urlencode(&mut self, value: &Word, at: Place) -> Result<(), Error> {
        let read = text(value, "the --data-urlencode value")?;
        let Some(text) = read.as_literal() else {
            let encoded = form_encoded(&read, "--data-urlencode", Escapes::Uppercase)
                .map_err(|err| err.at(value.at))?;
            self.data.push(Located {
                value: Data::Text(encoded),
                at,
            });
            return Ok(());
        };
        let text = text.to_owned();
        let encoded = urlencoded(&text, Escapes::Uppercase).map_err(|err| err.at(value.at))?;
        if names_file(&text) {
            self.warn(
                value.at,
                Code::FileReadNow,
                format!("--data-urlencode {text}: the file's content is embedded as it is now"),
            );
        }
        self.data.push(Located {
            value: Data::Text(Text::from(encoded)),
            at,
        });
        Ok(())
    }

    /// `-H`: a header line, or the lines of `@file` (read now; curl reads it when it runs).
    fn header(&mut self, value: Word) -> Result<(), Error> {
        let text = value.text();
        let Some(path) = text.strip_prefix('@') else {
            self.headers.push(Located {
                at: value.at,
                value,
            });
            return Ok(());
        };
        let lines = read(path).map_err(|err| err.at(value.at))?;
        self.warn(
            value.at,
            Code::FileReadNow,
            format!("headers read from {path} as it is now"),
        );
        for line in lines
            .lines()
            .map(str::trim_end)
            .filter(|line| !line.is_empty())
        {
            self.headers.push(Located {
                value: literal_word(line, &value),
                at: value.at,
            });
        }
        Ok(())
    }

    /// A header from an option that names it (`-A`, `-b`), keeping variables.
    fn header_line(&mut self, name: &str, value: &Word) {
        let mut pieces = vec![Piece::Literal(format!("{name}: "))];
        pieces.extend(value.pieces.iter().cloned());
        self.headers.push(Located {
            value: Word {
                pieces: pieces.into(),
                at: value.at,
            },
            at: value.at,
        });
    }

    fn not_reproduced(&mut self, opt: &Opt, at: Place) {
        let message = match opt.long {
            "retry" => "--retry: the snippets send the request once, without retrying".to_owned(),
            long => format!("--{long} is not reproduced by the snippets"),
        };
        self.warn(at, Code::UnsupportedOption, message);
    }

    pub(crate) fn warn(&mut self, at: Place, code: Code, message: impl Into<String>) {
        self.warnings
            .push(Diagnostic::warning(code, message).at(at));
    }
}

/// `text` with each `<name>`, `{name}` or `{{name}}` of its literal text a
/// placeholder, kept verbatim in every snippet, with a warning each.
fn placeholders(text: Text, at: Place, warnings: &mut Vec<Diagnostic>) -> Text {
    if text.segments().iter().all(|segment| match segment {
        Segment::Literal(literal) => !literal.contains(['{', '<']),
        _ => true,
    }) {
        return text;
    }
    let mut out = Text::new();
    for segment in text.segments() {
        let Segment::Literal(literal) = segment else {
            out.push(segment.clone());
            continue;
        };
        let mut rest = literal.as_str();
        while let Some((start, placeholder)) = next_placeholder(rest) {
            warnings.push(placeholder_kept(placeholder, "the URL", at));
            out.push_str(&rest[..start]);
            out.push(Segment::Placeholder(placeholder.to_owned()));
            rest = &rest[start + placeholder.len()..];
        }
        out.push_str(rest);
    }
    out
}

/// The first `<name>`, `{name}` or `{{name}}` of `text`, and where it starts.
pub(crate) fn next_placeholder(text: &str) -> Option<(usize, &str)> {
    let mut from = 0;
    // Every header of every command is scanned: memchr, not a char set search.
    while let Some(found) = memchr::memchr2(b'{', b'<', &text.as_bytes()[from..]) {
        let start = from + found;
        let (open, close) = if text[start..].starts_with("{{") {
            ("{{", "}}")
        } else if text[start..].starts_with('{') {
            ("{", "}")
        } else {
            ("<", ">")
        };
        let after = &text[start + open.len()..];
        let length = after.find(close)?;
        let name = &after[..length];
        // A name as docs write one (`endpoint-url`, `YOUR TOKEN`), not JSON or markup.
        let named = name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' ' | '.'));
        if name.trim().is_empty() || !named {
            from = start + open.len();
            continue;
        }
        return Some((
            start,
            &text[start..start + open.len() + length + close.len()],
        ));
    }
    None
}

/// The warning for a placeholder kept in `what` (the URL, a header).
pub(crate) fn placeholder_kept(placeholder: &str, what: &str, at: Place) -> Diagnostic {
    Diagnostic::warning(
        Code::Placeholder,
        format!("placeholder {placeholder} in {what} is kept as written"),
    )
    .at(at)
    .advice("replace it with its value before running the snippet")
}

/// The text of `word` as a snippet reads it: variables read when it runs. What only
/// a shell can tell (`$(...)`, backquotes, `$((...))`, `$1`) is refused; `what`
/// names the word in the message.
pub(crate) fn text(word: &Word, what: &str) -> Result<Text, Error> {
    if let [Piece::Literal(literal)] = &word.pieces[..] {
        return Ok(Text::from(literal.as_str()));
    }
    let mut text = Text::new();
    for piece in &word.pieces {
        match piece {
            Piece::Literal(literal) => text.push_str(literal),
            Piece::Var(var) => text.push(Segment::Var((**var).clone())),
            Piece::Opaque(opaque) => {
                if let Some(path) = cat(opaque) {
                    text.push(Segment::File(path));
                    continue;
                }
                if let Some(path) = base64_of(opaque) {
                    text.push(Segment::FileBase64(path));
                    continue;
                }
                return Err(Error::new(
                    Code::ShellExpansion,
                    format!("{what} holds {opaque}, which only a shell can run"),
                )
                .at(word.at)
                .advice("write its value out"));
            }
        }
    }
    Ok(text)
}

/// The file of `$(base64 < FILE | tr -d '\n')`, the standard padded base64 of its
/// bytes on one line, as the curl snippets write it: FILE a plain path, or quoted as
/// they quote one.
fn base64_of(opaque: &str) -> Option<String> {
    let inner = opaque.strip_prefix("$(")?.strip_suffix(')')?.trim();
    // The path may hold `|`; the command after it does not.
    let (read, tr) = inner.rsplit_once('|')?;
    if tr.split_whitespace().collect::<Vec<_>>() != ["tr", "-d", r"'\n'"] {
        return None;
    }
    let path = read
        .trim()
        .strip_prefix("base64")?
        .trim_start()
        .strip_prefix('<')?
        .trim();
    if is_plain_path(path) {
        return Some(path.to_owned());
    }
    unquote(path).filter(|path| !path.is_empty())
}

/// A word as the curl snippets quote a path (`shell::word`): single-quoted pieces,
/// `\'` and `\!` between them, and characters no shell reads specially.
fn unquote(word: &str) -> Option<String> {
    let mut out = String::with_capacity(word.len());
    let mut chars = word.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => loop {
                match chars.next()? {
                    '\'' => break,
                    c => out.push(c),
                }
            },
            '\\' => out.push(chars.next()?),
            c if c.is_ascii_alphanumeric() || "-_=/,.+".contains(c) => out.push(c),
            _ => return None,
        }
    }
    Some(out)
}

/// The file of `$(cat FILE)`, `$(< FILE)` or `` `cat FILE` `` (the shell gives its
/// text, the line breaks at the end dropped), when FILE is a plain path.
fn cat(opaque: &str) -> Option<String> {
    let inner = opaque
        .strip_prefix("$(")
        .and_then(|rest| rest.strip_suffix(')'))
        .or_else(|| {
            opaque
                .strip_prefix('`')
                .and_then(|rest| rest.strip_suffix('`'))
        })?
        .trim();
    let path = inner
        .strip_prefix("cat ")
        .or_else(|| inner.strip_prefix('<'))?
        .trim();
    let path = match path
        .strip_prefix('\'')
        .and_then(|rest| rest.strip_suffix('\''))
    {
        Some(quoted) => quoted,
        None => path
            .strip_prefix('"')
            .and_then(|rest| rest.strip_suffix('"'))
            .unwrap_or(path),
    };
    is_plain_path(path).then(|| path.to_owned())
}

/// A path the shell reads as written: no quotes, spaces, expansions or operators,
/// and `~` only as `~/` at the start.
fn is_plain_path(path: &str) -> bool {
    !path.is_empty()
        && !path.contains(|c: char| c.is_whitespace() || "'\"$`\\;|&<>(){}*?[]".contains(c))
        && !path.chars().skip(1).any(|c| c == '~')
        && (!path.starts_with('~') || path.starts_with("~/"))
}

/// `--data-urlencode` forms: `content`, `=content`, `name=content`, and the two
/// that read a file, `@file` and `name@file` (read now, as curl would when it runs).
fn urlencoded(text: &str, escapes: Escapes) -> Result<String, Error> {
    if let Some(content) = text.strip_prefix('=') {
        return Ok(encode::percent(content, escapes));
    }
    if names_file(text) {
        let at = text.find('@').unwrap_or_default();
        let encoded = encode::percent(&read(&text[at + 1..])?, escapes);
        return Ok(if at == 0 {
            encoded
        } else {
            format!("{}={encoded}", &text[..at])
        });
    }
    Ok(match text.split_once('=') {
        Some((name, content)) => format!("{name}={}", encode::percent(content, escapes)),
        None => encode::percent(text, escapes),
    })
}

/// A `--data-urlencode` or `--url-query` value that reads variables, as curl sends
/// it: the name before the first `=` as written, the content after it encoded, each
/// variable read form-encoded when the snippet runs. The `=` must come before any
/// variable: curl splits the value after the shell has put the values in.
fn form_encoded(text: &Text, option: &str, escapes: Escapes) -> Result<Text, Error> {
    let mut segments = text.segments().iter();
    let first = match segments.next() {
        Some(Segment::Literal(first)) => first.as_str(),
        _ => "",
    };
    let Some((name, content)) = first.split_once('=') else {
        return Err(Error::new(
            Code::ShellExpansion,
            format!("{option} {text}: curl splits the value at its first `=` once the shell has read the variables, so what it encodes depends on their values"),
        )
        .advice(format!("write {option} \"name=$VAR\", or \"=$VAR\" for a value without a name")));
    };
    if name.contains('@') {
        return Err(Error::new(
            Code::ShellExpansion,
            format!("{option} {text}: a file named with a variable is read by curl when it runs"),
        )
        .advice("write the file's name out"));
    }
    let mut encoded = Text::new();
    if !name.is_empty() {
        encoded.push_str(&format!("{name}="));
    }
    encoded.push_str(&encode::percent(content, escapes));
    for segment in segments {
        match segment {
            Segment::Literal(literal) => encoded.push_str(&encode::percent(literal, escapes)),
            Segment::Var(var) => encoded.push(Segment::Var(var.clone().form_encoded(escapes))),
            _ => {
                return Err(Error::new(
                    Code::ShellExpansion,
                    format!(
                        "{option} {text}: the snippets form-encode variables, not a file's text"
                    ),
                )
                .advice("write the value out"));
            }
        }
    }
    Ok(encoded)
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
fn read(path: &str) -> Result<String, Error> {
    if path == "-" {
        return Err(Error::new(
            Code::StdinBody,
            "the value is read from standard input (@-)",
        )
        .advice("paste it"));
    }
    std::fs::read_to_string(path).map_err(|err| {
        Error::new(Code::ReadFailed, format!("cannot read {path} ({err})"))
            .advice("curl reads it when it runs: convert where the file is, or paste its content")
    })
}

/// The part of `word` after its first `skip` bytes of text, pieces kept.
fn tail(word: &Word, skip: usize) -> Word {
    let mut pieces = Vec::new();
    let mut skipped = 0;
    for piece in &word.pieces {
        let length = match piece {
            Piece::Literal(text) => text.len(),
            // As `Word::text` writes it.
            Piece::Var(var) => match &var.default {
                None => var.name.len() + 1,
                Some(_) => var.to_string().len(),
            },
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
        at: word.at.shifted(skip),
    }
}

/// The longest time limit read: about 31 years.
const MAX_SECONDS: f64 = 1e9;

/// The seconds of a timeout option: a number, maybe with a fraction, as curl reads
/// it; `None` for 0, which curl takes as "no limit".
fn seconds(value: &Word, opt: &Opt) -> Result<Option<f64>, Error> {
    let text = literal(value, &format!("--{} value", opt.long))?;
    let seconds = text
        .trim()
        .parse::<f64>()
        .ok()
        // Beyond a few years a limit means nothing, and no client's type holds it all.
        .filter(|seconds| (0.0..=MAX_SECONDS).contains(seconds))
        .ok_or_else(|| {
            Error::new(
                Code::InvalidOptionValue,
                format!("--{} {text}: not a number of seconds", opt.long),
            )
            .at(value.at)
            .advice("write a number of seconds, such as 30 or 2.5")
        })?;
    Ok((seconds > 0.0).then_some(seconds))
}

/// The text of `value`, which must not come from the shell: the `what` (a method,
/// a file name) of a request is written out.
fn literal(value: &Word, what: &str) -> Result<String, Error> {
    value.literal().ok_or_else(|| {
        Error::new(
            Code::ShellExpansion,
            format!("the {what} {} comes from the shell", value.text()),
        )
        .at(value.at)
        .advice("write it out")
    })
}

fn literal_word(text: &str, like: &Word) -> Word {
    Word {
        pieces: Pieces::One(Piece::Literal(text.to_owned())),
        at: like.at,
    }
}
