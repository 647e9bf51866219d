//! The stable codes of diagnostics: one line per code with its name, its one-line
//! meaning, and the severity `docs::lint` gives it, so that no code exists with
//! that decision left to a default.

use std::fmt;

use super::Severity;

/// A code's lint severity, as written in the table: `lint(Note)` when the two
/// agree, else `lint(fatal: Error, warning: Note)`.
macro_rules! lint {
    ($both:ident) => {
        (Severity::$both, Severity::$both)
    };
    (fatal: $fatal:ident, warning: $warning:ident) => {
        (Severity::$fatal, Severity::$warning)
    };
}

/// Declares [`Code`] in one list: per code its one-line summary (the doc comment),
/// its stable name, and `lint(...)`, the severity `snippet docs lint` gives a
/// finding of the code in a published command. `fatal` is the severity when the
/// reading of the command stops at the problem (the converter's error), `warning`
/// when it goes on (the converter's warning or note, or a finding of lint's own: a
/// prompt, a published token). Lint's `error` means the command cannot work as
/// pasted, `warning` a likely mistake, `note` what only the converter cannot
/// reproduce.
macro_rules! codes {
    ($($(#[doc = $doc:literal])+ $variant:ident = $name:literal, lint($($lint:tt)+),)+) => {
        /// What kind of problem a diagnostic reports: a stable, kebab-case name that
        /// tools can match on while messages are free to improve.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $($(#[doc = $doc])+ $variant,)+
        }

        impl Code {
            /// Every code, in the order of this list.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)+];

            /// The stable name, e.g. `unknown-option`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)+
                }
            }

            /// What the code means, in one line.
            pub fn summary(self) -> &'static str {
                match self {
                    $(Code::$variant => concat!($($doc),+).trim_ascii(),)+
                }
            }

            /// The severity `snippet docs lint` gives a finding of this code in a
            /// published command, for the severity the converter gave it: what a
            /// page's reader needs to know is whether the command works as pasted.
            ///
            /// # Example
            /// ```
            /// use inference_snippets::{Code, Severity};
            ///
            /// // curl fails on it: the command cannot work.
            /// assert_eq!(Code::UnknownOption.lint_severity(Severity::Error), Severity::Error);
            /// // The converter cannot keep it; curl runs it as written.
            /// assert_eq!(Code::UnsupportedOption.lint_severity(Severity::Warning), Severity::Note);
            /// // The converter reads past it; pasted, the shell waits for more.
            /// assert_eq!(Code::DanglingContinuation.lint_severity(Severity::Warning), Severity::Error);
            /// ```
            pub fn lint_severity(self, converter: Severity) -> Severity {
                let (fatal, warning) = match self {
                    $(Code::$variant => lint!($($lint)+),)+
                };
                match converter {
                    Severity::Error => fatal,
                    Severity::Warning | Severity::Note => warning,
                }
            }
        }
    };
}

codes! {
    // Any input.
    /// The input is not UTF-8 text.
    NotUtf8 = "not-utf8", lint(fatal: Error, warning: Note),
    /// The input is empty.
    EmptyInput = "empty-input", lint(Note),
    /// A file could not be read.
    ReadFailed = "read-failed", lint(Note),
    /// The command line is used wrongly.
    Usage = "usage", lint(Note),

    // JSON request specs.
    /// The text is not valid JSON.
    InvalidJson = "invalid-json", lint(Note),
    /// The spec has a key it does not know.
    UnknownKey = "unknown-key", lint(Note),
    /// An object gives the same key twice.
    DuplicateKey = "duplicate-key", lint(Note),
    /// A value has the wrong JSON type.
    WrongType = "wrong-type", lint(Note),
    /// The request has no URL.
    MissingUrl = "missing-url", lint(fatal: Error, warning: Note),
    /// Two sources give a body.
    ConflictingBodies = "conflicting-bodies", lint(fatal: Error, warning: Note),
    /// Two sources give different content types.
    ConflictingContentType = "conflicting-content-type", lint(Note),
    /// A content type is given without a body.
    ContentTypeWithoutBody = "content-type-without-body", lint(Note),
    /// The MIME type of a file cannot be told from its name.
    UnknownMimeType = "unknown-mime-type", lint(Note),
    /// The task is not a known pipeline tag.
    UnknownTask = "unknown-task", lint(Note),
    /// The token notation names no valid environment variable.
    InvalidTokenVariable = "invalid-token-variable", lint(Note),
    /// The request holds what a JSON spec cannot describe (a variable, a form).
    NotInSpec = "not-in-spec", lint(Note),
    /// A `base64_files` JSON Pointer names no place in `json` a file's base64 may go.
    InvalidPointer = "invalid-pointer", lint(Note),
    /// A file's base64 is read elsewhere than alone in a string of a JSON body.
    MisplacedBase64 = "misplaced-base64", lint(Note),

    // OpenAPI documents.
    /// The text is not valid YAML.
    InvalidYaml = "invalid-yaml", lint(Note),
    /// The document is not an OpenAPI 3.0 or 3.1 description.
    NotOpenapi = "not-openapi", lint(Note),
    /// A `$ref` that is not a string, names nothing, or points outside the document.
    InvalidRef = "invalid-ref", lint(Note),
    /// A chain of `$ref`s that comes back to itself or goes on too long.
    RefCycle = "ref-cycle", lint(Note),
    /// An operation no request could be built for, with the reason.
    OperationLeftOut = "operation-left-out", lint(Note),
    /// The document gives no absolute server URL: its URLs read `ENDPOINT_URL`.
    RelativeServer = "relative-server", lint(Note),
    /// Samples cannot be written into the document without changing anything else.
    SamplesNotWritten = "samples-not-written", lint(Note),

    // What any request must satisfy.
    /// The URL is not one every client sends as written.
    InvalidUrl = "invalid-url", lint(Note),
    /// The method is not one every client sends.
    InvalidMethod = "invalid-method", lint(Note),
    /// A header name is not an HTTP token.
    InvalidHeaderName = "invalid-header-name", lint(Note),
    /// A header value is not one every client sends unchanged.
    InvalidHeaderValue = "invalid-header-value", lint(Note),
    /// A header is given twice.
    RepeatedHeader = "repeated-header", lint(Note),
    /// A header is one the HTTP client sets itself.
    ClientHeader = "client-header", lint(Note),
    /// An Authorization header and the token both give the credentials.
    TokenConflict = "token-conflict", lint(Note),
    /// The token placeholder is empty or not a valid header value.
    InvalidToken = "invalid-token", lint(Note),
    /// A file path is empty or holds a control character.
    InvalidFilePath = "invalid-file-path", lint(Note),
    /// A multipart form is one clients would send differently.
    InvalidMultipart = "invalid-multipart", lint(Note),
    /// A variable read form-encoded outside a form value (the URL's query, a form body).
    MisplacedEncoding = "misplaced-encoding", lint(fatal: Note, warning: Warning),
    /// A real-looking token would be copied into the snippets.
    RealToken = "real-token", lint(Note),
    /// A real-looking token was replaced by the `HF_TOKEN` variable.
    TokenReplaced = "token-replaced", lint(Note),

    // Reading a curl command.
    /// No command in the input runs curl.
    NoCurlCommand = "no-curl-command", lint(Note),
    /// A quote, heredoc or substitution is never closed.
    Unterminated = "unterminated", lint(fatal: Error, warning: Note),
    /// A NUL byte, which no shell passes to a program.
    NulByte = "nul-byte", lint(fatal: Error, warning: Note),
    /// A redirection has no target.
    MissingRedirectTarget = "missing-redirect-target", lint(fatal: Error, warning: Note),
    /// A shell expansion that only a shell could resolve.
    ShellExpansion = "shell-expansion", lint(Note),
    /// A shell variable kept as the literal text of its name.
    LiteralVariable = "literal-variable", lint(fatal: Note, warning: Warning),
    /// A line continuation that continues nothing.
    DanglingContinuation = "dangling-continuation", lint(fatal: Note, warning: Error),
    /// Input read as what was clearly meant (a typographic quote, a stray space).
    Repaired = "repaired", lint(fatal: Note, warning: Warning),
    /// A part of the input left out: a prompt, another command, another URL.
    LeftOut = "left-out", lint(Note),
    /// curl has no such option.
    UnknownOption = "unknown-option", lint(fatal: Error, warning: Note),
    /// An option is missing its value.
    MissingValue = "missing-value", lint(fatal: Error, warning: Note),
    /// An option's value is not one curl takes (a timeout that is not a number).
    InvalidOptionValue = "invalid-option-value", lint(fatal: Error, warning: Note),
    /// An option the snippets do not reproduce.
    UnsupportedOption = "unsupported-option", lint(Note),
    /// `--insecure`: certificates are not checked.
    Insecure = "insecure", lint(fatal: Note, warning: Warning),
    /// A URL without a scheme.
    MissingScheme = "missing-scheme", lint(Note),
    /// A placeholder (`<name>`, `{name}`) kept as text for the reader to replace.
    Placeholder = "placeholder", lint(Note),
    /// A shell prompt pasted before the command, removed.
    Prompt = "prompt", lint(Note),
    /// A prompt before a published command that the shell would run (`~ curl`).
    ShellPrompt = "shell-prompt", lint(Error),
    /// A header line without `:`.
    HeaderWithoutColon = "header-without-colon", lint(fatal: Note, warning: Warning),
    /// `-H 'Name:'` removes a header curl adds, which the clients may still send.
    RemovedHeader = "removed-header", lint(Note),
    /// A body read from standard input.
    StdinBody = "stdin-body", lint(Note),
    /// A body or query shape the snippets cannot send.
    UnsupportedBody = "unsupported-body", lint(Note),
    /// A `-F` value that cannot be read.
    InvalidForm = "invalid-form", lint(Note),
    /// `-u` without a password, for which curl would prompt.
    MissingPassword = "missing-password", lint(Note),
    /// Credentials left out because the bearer token is sent instead.
    CredentialsLeftOut = "credentials-left-out", lint(Note),
    /// A file read when the command is converted, not when it runs.
    FileReadNow = "file-read-now", lint(Note),
    /// A body written as JSON that curl sends as form data, for want of a Content-Type.
    JsonSentAsForm = "json-sent-as-form", lint(fatal: Note, warning: Warning),
    /// `-X GET` with a body, which servers often ignore.
    GetWithBody = "get-with-body", lint(fatal: Note, warning: Warning),

    // Writing snippets.
    /// A typed client needs the inference task, and the request names none.
    MissingTask = "missing-task", lint(Note),
    /// This client cannot send exactly this request; another one can.
    UnsupportedByClient = "unsupported-by-client", lint(Note),
    /// Clients that cannot send the request were left out of every client's snippets.
    ClientsLeftOut = "clients-left-out", lint(Note),
    /// A snippet does what the command asks only in part: a time limit its client
    /// bounds differently, a connect timeout it has no way to set.
    NotCarriedOver = "not-carried-over", lint(Note),
    /// A template failed to render (a bug).
    Internal = "internal", lint(Note),

    // Markdown regions.
    /// A marker is not at the top level of the page.
    MisplacedMarker = "misplaced-marker", lint(Note),
    /// A region begins inside another.
    NestedRegion = "nested-region", lint(Note),
    /// An end marker without a region to end.
    StrayEndMarker = "stray-end-marker", lint(Note),
    /// A region that never ends.
    UnclosedRegion = "unclosed-region", lint(Note),
    /// A begin marker that cannot be read.
    InvalidMarker = "invalid-marker", lint(fatal: Note, warning: Warning),
    /// A region names no source, or its fenced block is missing.
    MissingSource = "missing-source", lint(Note),
    /// `request=` names a file outside the page's folder.
    UnsafePath = "unsafe-path", lint(Note),
    /// The layout cannot show a client asked for.
    LayoutCannotShow = "layout-cannot-show", lint(Note),
    /// A region's content is not what the tool generates.
    OutOfDate = "out-of-date", lint(Note),
    /// A region was rewritten.
    RegionUpdated = "region-updated", lint(Note),
    /// A real-looking token is published in a page.
    PublishedToken = "published-token", lint(Error),

    // Verifying snippets on the wire (`snippet verify`).
    /// A block sends another request than the curl block of its tab group.
    RequestDiffers = "request-differs", lint(Error),
    /// A block tried to reach the network without the proxy it was given.
    BypassesProxy = "bypasses-proxy", lint(Error),
    /// A block that could not be run to its one request: the reason says why.
    NotVerified = "not-verified", lint(Note),
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Code {
    /// Whether the code is a client's refusal of a request that another client can send.
    pub fn is_refusal(self) -> bool {
        matches!(self, Code::MissingTask | Code::UnsupportedByClient)
    }
}
