//! Problems as data: what went wrong (a stable [`Code`]), how bad it is
//! ([`Severity`]), where ([`Place`] in a named input), what part of the request it
//! is about ([`Field`]) or which of a front end's arguments ([`Argument`]), and what
//! to do ([`Hint`]).
//!
//! The library words messages in its own terms. A hint that names something a
//! front end asks for in its own way (another client, the task) stays data until a
//! front end words it through [`Words`]: the command line says `--client fetch`, a
//! Markdown marker `clients=fetch`.
//!
//! ```
//! use inference_snippets::{Code, Severity, parse_spec};
//!
//! let error = parse_spec("{\"url\": \"https://x.cloud\",\n \"jsn\": {}}", "spec.json").unwrap_err();
//! let diagnostic = error.diagnostic();
//! assert_eq!(diagnostic.code, Code::UnknownKey);
//! assert_eq!(diagnostic.code.name(), "unknown-key");
//! assert_eq!(diagnostic.severity, Severity::Error);
//! let place = diagnostic.place.expect("a place in the spec");
//! assert_eq!((place.line, place.column), (2, 2));
//! assert_eq!(diagnostic.to_string(), r#"spec.json:2:2: unknown key "jsn"; did you mean "json"?"#);
//! ```

use std::fmt;
use std::ops::Range;

use crate::Client;

mod code;
mod json;
mod severity;

pub use code::Code;
pub use json::ERRORS_URL;
pub use severity::Severity;

/// A place in an input text: the 1-based line and column (in characters) of its
/// start, and the bytes it covers.
///
/// # Example
/// ```
/// use inference_snippets::Place;
///
/// let place = Place::at(2, 3);
/// assert_eq!(place.to_string(), "2:3");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Place {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte offset of the first byte, in the input.
    pub start: usize,
    /// Byte offset past the last byte; `start` when only the start is known.
    pub end: usize,
}

impl Place {
    /// The place at `line` and `column`, its bytes not yet known.
    pub fn at(line: usize, column: usize) -> Place {
        Place {
            line,
            column,
            start: 0,
            end: 0,
        }
    }

    /// The bytes of the input the place covers.
    pub fn bytes(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The place `n` ASCII characters further on the same line.
    pub(crate) fn shifted(self, n: usize) -> Place {
        Place {
            line: self.line,
            column: self.column + n,
            start: self.start + n,
            end: self.end + n,
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// The part of a request a problem is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Field {
    /// The URL.
    Url,
    /// The method.
    Method,
    /// A header, by its name as written.
    Header(String),
    /// The token (the `Authorization` header it makes).
    Token,
    /// The MIME type of the body.
    ContentType,
    /// The file the body is read from.
    File,
    /// A part of a multipart form, by its name.
    Part(String),
    /// The body as a whole.
    Body,
    /// A value inside a JSON body, as a JSON Pointer (`/inputs/0`, RFC 6901).
    Json(String),
    /// How the request travels: certificates, timeouts, proxy, compression, redirects.
    Connection,
}

/// What a front end takes by name besides the request (an option, a keyword
/// argument, a marker key): which of them a problem is about, for the front end to
/// word as its own (`--client`, `client=`, `clients=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Argument {
    /// The client to write for.
    Client,
    /// The language to write.
    Language,
    /// The shell a curl command is written for.
    Shell,
    /// The inference task, which a front end may give besides the request.
    Task,
}

impl Argument {
    /// Its name in the library's words: `client`, `language`, `shell`, `task`.
    pub fn name(self) -> &'static str {
        match self {
            Argument::Client => "client",
            Argument::Language => "language",
            Argument::Shell => "shell",
            Argument::Task => "task",
        }
    }
}

/// What to do about a problem. Hints that name something a front end asks for in
/// its own words are rendered through [`Words`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Hint {
    /// Another client can send the request.
    UseClient(Client),
    /// The request needs its inference task.
    AddTask,
    /// A client name several languages share needs the language too.
    AddLanguage,
    /// The request needs a token (the client would otherwise send one of its own
    /// finding): `$HF_TOKEN`, read from the environment, is the usual one.
    AddToken,
    /// A real-looking token can be copied into the snippet on purpose.
    KeepToken,
    /// The known name closest to an unknown one, as the input would write it.
    DidYouMean(String),
    /// Advice in the library's own words.
    Advice(String),
}

impl Hint {
    /// The hint in `words`; `None` when that front end has no way to do it.
    pub fn text(&self, words: &dyn Words) -> Option<String> {
        match self {
            Hint::UseClient(client) => Some(words.use_client(*client)),
            Hint::AddTask => Some(words.add_task()),
            Hint::AddLanguage => Some(words.add_language()),
            Hint::AddToken => Some(words.add_token()),
            Hint::KeepToken => words.keep_token(),
            Hint::DidYouMean(name) => Some(format!("did you mean {name}?")),
            Hint::Advice(text) => Some(text.clone()),
        }
    }
}

/// How a front end words the hints that name its own inputs. The defaults are the
/// library's words, for messages that no front end rewords.
///
/// # Example
/// ```
/// use inference_snippets::{Client, Hint, Words};
///
/// /// A Python binding's words: keyword arguments.
/// struct Keywords;
///
/// impl Words for Keywords {
///     fn use_client(&self, client: Client) -> String {
///         format!("use client={:?}", client.name())
///     }
///
///     fn add_task(&self) -> String {
///         "pass task=...".to_owned()
///     }
/// }
///
/// assert_eq!(Hint::UseClient(Client::Fetch).text(&Keywords).unwrap(), r#"use client="fetch""#);
/// assert_eq!(Hint::KeepToken.text(&Keywords), None);
/// ```
pub trait Words {
    /// How to choose another client: `use --client fetch`, `use clients=fetch`.
    fn use_client(&self, client: Client) -> String {
        format!("the {client} client can send it")
    }

    /// How to name the task: `add --task TASK`, `add task=TASK to the marker`.
    fn add_task(&self) -> String {
        "name the inference task".to_owned()
    }

    /// How to name the language of a client name several languages share:
    /// `add --lang to say which`, `pass language=...`.
    fn add_language(&self) -> String {
        "name the language too".to_owned()
    }

    /// How to give the request a token read from `$HF_TOKEN`: `add --token
    /// '$HF_TOKEN'`, `add token=$HF_TOKEN to the marker`.
    fn add_token(&self) -> String {
        "give the request a token, e.g. $HF_TOKEN".to_owned()
    }

    /// How to keep a real-looking token, when the front end has a way.
    fn keep_token(&self) -> Option<String> {
        None
    }
}

/// The library's own words, which [`Diagnostic`]'s `Display` uses.
#[derive(Clone, Copy, Debug, Default)]
pub struct LibraryWords;

impl Words for LibraryWords {}

/// One problem: what, how bad, where, about what, and what to do.
///
/// Its `Display` is `source:line:column: message; hint; hint`, in the library's words.
///
/// # Example
/// ```
/// use inference_snippets::{Code, CurlOptions, Severity, parse_curl};
///
/// let parsed = parse_curl("curl https://x.cloud \\\n  --cert client.pem", "-", &CurlOptions::default())?;
/// let warning = &parsed.warnings[0];
/// assert_eq!((warning.code, warning.severity), (Code::UnsupportedOption, Severity::Warning));
/// let place = warning.place.unwrap();
/// assert_eq!((place.line, place.column), (2, 3));
/// assert_eq!(warning.to_string(), "-:2:3: --cert is not reproduced by the snippets");
/// # Ok::<(), inference_snippets::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// What kind of problem.
    pub code: Code,
    /// How bad.
    pub severity: Severity,
    /// What is wrong, in the library's words (no front end's option names).
    pub message: String,
    /// The input it is in: a path, `--curl`, `-` for standard input; `None` when the
    /// problem is not in an input (a client refusing a request, say).
    pub source: Option<String>,
    /// Where in that input; `None` when the input is not text or the problem has no
    /// single place.
    pub place: Option<Place>,
    /// The part of the request it is about, when it is about one.
    pub field: Option<Field>,
    /// The front end's argument it is about (an unknown client name, say), for the
    /// front end to name; `None` when it is about the input.
    pub argument: Option<Argument>,
    /// What to do, most useful first.
    pub hints: Vec<Hint>,
}

impl Diagnostic {
    /// A diagnostic of `severity`, with no place, field or hint yet.
    pub fn new(severity: Severity, code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            source: None,
            place: None,
            field: None,
            argument: None,
            hints: Vec::new(),
        }
    }

    /// An error.
    pub fn error(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Error, code, message)
    }

    /// A warning.
    pub fn warning(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, code, message)
    }

    /// A note.
    pub fn note(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Note, code, message)
    }

    /// Placed at `place`.
    pub fn at(mut self, place: Place) -> Diagnostic {
        self.place = Some(place);
        self
    }

    /// In the input named `source`.
    pub fn in_source(mut self, source: impl Into<String>) -> Diagnostic {
        self.source = Some(source.into());
        self
    }

    /// About `field` of the request.
    pub fn about(mut self, field: Field) -> Diagnostic {
        self.field = Some(field);
        self
    }

    /// About the front end's `argument`.
    pub fn about_argument(mut self, argument: Argument) -> Diagnostic {
        self.argument = Some(argument);
        self
    }

    /// With one more hint.
    pub fn hint(mut self, hint: Hint) -> Diagnostic {
        self.hints.push(hint);
        self
    }

    /// With advice in the library's words.
    pub fn advice(self, text: impl Into<String>) -> Diagnostic {
        self.hint(Hint::Advice(text.into()))
    }

    /// The hints in `words`, joined by `; `; `None` when there is none to say.
    pub fn hint_text(&self, words: &dyn Words) -> Option<String> {
        let texts: Vec<String> = self
            .hints
            .iter()
            .filter_map(|hint| hint.text(words))
            .collect();
        (!texts.is_empty()).then(|| texts.join("; "))
    }

    /// The message followed by the hints in `words`: `message; hint; hint`.
    pub fn message_with_hints(&self, words: &dyn Words) -> String {
        match self.hint_text(words) {
            Some(hints) => format!("{}; {hints}", self.message),
            None => self.message.clone(),
        }
    }

    /// `source:line:column: ` (what is known of it), or nothing.
    pub fn location(&self) -> String {
        match (&self.source, &self.place) {
            (Some(source), Some(place)) => format!("{source}:{place}: "),
            (Some(source), None) => format!("{source}: "),
            (None, Some(place)) => format!("{place}: "),
            (None, None) => String::new(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}{}",
            self.location(),
            self.message_with_hints(&LibraryWords)
        )
    }
}
