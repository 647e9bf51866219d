//! The stable codes of diagnostics, each with its one-line meaning.

use std::fmt;

/// Declares [`Code`] with its stable names and one-line summaries, in one list.
macro_rules! codes {
    ($($(#[doc = $doc:literal])+ $variant:ident = $name:literal,)+) => {
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
        }
    };
}

codes! {
    // Any input.
    /// The input is not UTF-8 text.
    NotUtf8 = "not-utf8",
    /// The input is empty.
    EmptyInput = "empty-input",
    /// A file could not be read.
    ReadFailed = "read-failed",
    /// The command line is used wrongly.
    Usage = "usage",

    // JSON request specs.
    /// The text is not valid JSON.
    InvalidJson = "invalid-json",
    /// The spec has a key it does not know.
    UnknownKey = "unknown-key",
    /// An object gives the same key twice.
    DuplicateKey = "duplicate-key",
    /// A value has the wrong JSON type.
    WrongType = "wrong-type",
    /// The request has no URL.
    MissingUrl = "missing-url",
    /// Two sources give a body.
    ConflictingBodies = "conflicting-bodies",
    /// Two sources give different content types.
    ConflictingContentType = "conflicting-content-type",
    /// A content type is given without a body.
    ContentTypeWithoutBody = "content-type-without-body",
    /// The MIME type of a file cannot be told from its name.
    UnknownMimeType = "unknown-mime-type",
    /// The task is not a known pipeline tag.
    UnknownTask = "unknown-task",
    /// The token notation names no valid environment variable.
    InvalidTokenVariable = "invalid-token-variable",
    /// The request holds what a JSON spec cannot describe (a variable, a form).
    NotInSpec = "not-in-spec",

    // What any request must satisfy.
    /// The URL is not one every client sends as written.
    InvalidUrl = "invalid-url",
    /// The method is not one every client sends.
    InvalidMethod = "invalid-method",
    /// A header name is not an HTTP token.
    InvalidHeaderName = "invalid-header-name",
    /// A header value is not one every client sends unchanged.
    InvalidHeaderValue = "invalid-header-value",
    /// A header is given twice.
    RepeatedHeader = "repeated-header",
    /// A header is one the HTTP client sets itself.
    ClientHeader = "client-header",
    /// An Authorization header and the token both give the credentials.
    TokenConflict = "token-conflict",
    /// The token placeholder is empty or not a valid header value.
    InvalidToken = "invalid-token",
    /// A file path is empty or holds a control character.
    InvalidFilePath = "invalid-file-path",
    /// A multipart form is one clients would send differently.
    InvalidMultipart = "invalid-multipart",
    /// A variable read form-encoded outside a form value (the URL's query, a form body).
    MisplacedEncoding = "misplaced-encoding",
    /// A real-looking token would be copied into the snippets.
    RealToken = "real-token",
    /// A real-looking token was replaced by the `HF_TOKEN` variable.
    TokenReplaced = "token-replaced",

    // Reading a curl command.
    /// No command in the input runs curl.
    NoCurlCommand = "no-curl-command",
    /// A quote, heredoc or substitution is never closed.
    Unterminated = "unterminated",
    /// A NUL byte, which no shell passes to a program.
    NulByte = "nul-byte",
    /// A redirection has no target.
    MissingRedirectTarget = "missing-redirect-target",
    /// A shell expansion that only a shell could resolve.
    ShellExpansion = "shell-expansion",
    /// A shell variable kept as the literal text of its name.
    LiteralVariable = "literal-variable",
    /// A line continuation that continues nothing.
    DanglingContinuation = "dangling-continuation",
    /// Input read as what was clearly meant (a typographic quote, a stray space).
    Repaired = "repaired",
    /// A part of the input left out: a prompt, another command, another URL.
    LeftOut = "left-out",
    /// curl has no such option.
    UnknownOption = "unknown-option",
    /// An option is missing its value.
    MissingValue = "missing-value",
    /// An option's value is not one curl takes (a timeout that is not a number).
    InvalidOptionValue = "invalid-option-value",
    /// An option the snippets do not reproduce.
    UnsupportedOption = "unsupported-option",
    /// `--insecure`: certificates are not checked.
    Insecure = "insecure",
    /// A URL without a scheme.
    MissingScheme = "missing-scheme",
    /// A placeholder (`<name>`, `{name}`) kept as text for the reader to replace.
    Placeholder = "placeholder",
    /// A shell prompt pasted before the command, removed.
    Prompt = "prompt",
    /// A prompt before a published command that the shell would run (`~ curl`).
    ShellPrompt = "shell-prompt",
    /// A header line without `:`.
    HeaderWithoutColon = "header-without-colon",
    /// `-H 'Name:'` removes a header curl adds, which the clients may still send.
    RemovedHeader = "removed-header",
    /// A body read from standard input.
    StdinBody = "stdin-body",
    /// A body or query shape the snippets cannot send.
    UnsupportedBody = "unsupported-body",
    /// A `-F` value that cannot be read.
    InvalidForm = "invalid-form",
    /// `-u` without a password, for which curl would prompt.
    MissingPassword = "missing-password",
    /// Credentials left out because the bearer token is sent instead.
    CredentialsLeftOut = "credentials-left-out",
    /// A file read when the command is converted, not when it runs.
    FileReadNow = "file-read-now",
    /// A body written as JSON that curl sends as form data, for want of a Content-Type.
    JsonSentAsForm = "json-sent-as-form",
    /// `-X GET` with a body, which servers often ignore.
    GetWithBody = "get-with-body",

    // Writing snippets.
    /// A typed client needs the inference task, and the request names none.
    MissingTask = "missing-task",
    /// This client cannot send exactly this request; another one can.
    UnsupportedByClient = "unsupported-by-client",
    /// A snippet does what the command asks only in part: a time limit its client
    /// bounds differently, a connect timeout it has no way to set.
    NotCarriedOver = "not-carried-over",
    /// A template failed to render (a bug).
    Internal = "internal",

    // Markdown regions.
    /// A marker is not at the top level of the page.
    MisplacedMarker = "misplaced-marker",
    /// A region begins inside another.
    NestedRegion = "nested-region",
    /// An end marker without a region to end.
    StrayEndMarker = "stray-end-marker",
    /// A region that never ends.
    UnclosedRegion = "unclosed-region",
    /// A begin marker that cannot be read.
    InvalidMarker = "invalid-marker",
    /// A region names no source, or its fenced block is missing.
    MissingSource = "missing-source",
    /// `request=` names a file outside the page's folder.
    UnsafePath = "unsafe-path",
    /// The layout cannot show a client asked for.
    LayoutCannotShow = "layout-cannot-show",
    /// A region's content is not what the tool generates.
    OutOfDate = "out-of-date",
    /// A region was rewritten.
    RegionUpdated = "region-updated",
    /// A real-looking token is published in a page.
    PublishedToken = "published-token",
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
