//! What one conversion does: read the request, pick the clients, format the output.

use std::io::{IsTerminal, Read};

use inference_snippets::{
    Client, Code, CurlOptions, Diagnostic, Error, FileBytes, Hint, Language, Options, Parsed,
    Payload, Place, Places, Request, Shell, Snippet, Task, Text, Token, caveats, docs, guess_mime,
    locate_in_spec, parse_curl, parse_curl_args, parse_spec, protect_tokens, render_all_with,
    render_default_with, render_with,
};

use crate::cli::{Args, Format, ShellArg};

/// What one conversion prints: the output, and warnings for standard error.
pub(crate) struct Output {
    pub text: String,
    /// The snippets, when they go to one file each (`--all` as code).
    pub snippets: Option<Vec<Snippet>>,
    pub warnings: Vec<Diagnostic>,
}

/// Why a conversion printed nothing.
pub(crate) enum Failure {
    /// Bad input or usage.
    Input(Error),
    /// `--strict`, and the curl command had these warnings.
    Strict(Vec<Diagnostic>),
}

impl From<Error> for Failure {
    fn from(err: Error) -> Self {
        Failure::Input(err)
    }
}

pub(crate) fn run(args: &Args) -> Result<Output, Failure> {
    let (request, input, mut warnings) = request(args)?;
    let (snippets, left_out) = snippets(args, &request).map_err(|err| input.about(err))?;
    // What a chosen client does differently from the command is a warning too.
    for snippet in &snippets {
        let differences = caveats(&request, snippet.client);
        warnings.extend(differences.into_iter().map(|warning| input.place(warning)));
    }
    if args.strict && !warnings.is_empty() {
        return Err(Failure::Strict(warnings));
    }
    let text = format(&snippets, args.format);
    // Notes, never turned into errors by --strict: which clients --all left out.
    warnings.extend(left_out);
    let snippets = (args.all && args.format == Format::Code).then_some(snippets);
    Ok(Output {
        text,
        snippets,
        warnings,
    })
}

/// Where the request came from: its name for diagnostics, and how to find where it
/// writes each field.
struct Input {
    name: String,
    fields: Fields,
}

/// How an input tells where it writes a field of the request.
enum Fields {
    /// A JSON spec: the key of the field.
    Spec(String),
    /// A curl command: the word of the field.
    Curl(Box<Places>),
    /// The quick form's arguments: no text to point into.
    Arguments,
}

impl Input {
    fn new(name: &str, fields: Fields) -> Input {
        Input {
            name: name.to_owned(),
            fields,
        }
    }

    /// `err`, found after reading (a refusal, a token), made a problem of this input.
    fn about(&self, err: Error) -> Error {
        self.place(err.into_diagnostic()).into()
    }

    /// `diagnostic`, found after reading, in this input (unless it names its own):
    /// where the input writes its field, else at the start of the text.
    fn place(&self, mut diagnostic: Diagnostic) -> Diagnostic {
        if diagnostic.source.is_some() {
            return diagnostic;
        }
        diagnostic.source = Some(self.name.clone());
        let field = diagnostic.field.as_ref();
        let written = match &self.fields {
            Fields::Spec(text) => field.and_then(|field| locate_in_spec(text, field)),
            Fields::Curl(places) => field.and_then(|field| places.of(field)),
            Fields::Arguments => return diagnostic,
        };
        diagnostic.place = written.or(Some(Place::at(1, 1)));
        diagnostic
    }
}

/// A usage error about `option`, when it is about one.
fn usage(option: Option<&str>, message: String) -> Error {
    let diagnostic = Diagnostic::error(Code::Usage, message);
    match option {
        Some(option) => diagnostic.in_source(option).into(),
        None => diagnostic.into(),
    }
}

/// The names `--lang` takes, for "did you mean".
const LANGUAGES: &[&str] = &[
    "curl",
    "python",
    "js",
    "rust",
    "sh",
    "shell",
    "bash",
    "py",
    "javascript",
    "node",
    "rs",
];

/// The names `--client` takes, for "did you mean".
fn client_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = Client::ALL.iter().map(|client| client.name()).collect();
    names.extend(Client::ALL.iter().map(|client| client.id()));
    names.dedup();
    names
}

/// The usage error `message` about `option`, with a "did you mean" when `name` is
/// close to one of `known`.
fn suggest(option: &str, message: String, name: &str, known: &[&str]) -> Error {
    let diagnostic = Diagnostic::error(Code::Usage, message).in_source(option);
    let lower = name.to_ascii_lowercase();
    match inference_snippets::closest(&lower, known.iter().copied(), 2) {
        Some(known) => diagnostic.hint(Hint::DidYouMean(known.to_owned())).into(),
        None => diagnostic.into(),
    }
}

/// The language of the client `name` when it has only one; a name two languages
/// share (`openai`) needs `--lang`.
fn client_language(name: &str) -> Result<Language, Error> {
    let clients = Client::named(name)
        .map_err(|message| suggest("--client", message, name, &client_names()))?;
    match clients.as_slice() {
        [client] => Ok(client.language()),
        several => {
            let languages: Vec<&str> = several.iter().map(|c| c.language().name()).collect();
            Err(usage(
                Some("--client"),
                format!(
                    "client {name:?} writes {}: add --lang to say which",
                    languages.join(" and ")
                ),
            ))
        }
    }
}

/// The snippets the arguments ask for, and a note for each client of the languages
/// asked for that `--all` left out.
fn snippets(args: &Args, request: &Request) -> Result<(Vec<Snippet>, Vec<Diagnostic>), Error> {
    let language = match args.lang.as_deref() {
        Some(name) => Some(
            name.parse::<Language>()
                .map_err(|message| suggest("--lang", message, name, LANGUAGES))?,
        ),
        // A client of one language names it: `--client reqwest` is Rust.
        None if !args.all => match args.client.as_deref() {
            Some(name) => Some(client_language(name)?),
            None => None,
        },
        None => None,
    };
    let options = Options::default().install_line(!args.no_install_line);
    let snippets = match (args.all, language) {
        (true, language) => {
            let wanted = |client: Client| language.is_none_or(|l| client.language() == l);
            let mut all = render_all_with(request, &options)?;
            all.snippets.retain(|snippet| wanted(snippet.client));
            let notes = all
                .left_out
                .into_iter()
                .filter(|left| wanted(left.client))
                .map(|left| left.note)
                .collect();
            return Ok((all.snippets, notes));
        }
        (false, Some(language)) => match &args.client {
            Some(name) => {
                // --lang picks the client of a name two languages share (openai).
                let client = Client::named_in(name, language)
                    .map_err(|message| suggest("--client", message, name, &client_names()))?;
                if client.language() != language {
                    return Err(usage(
                        Some("--client"),
                        format!(
                            "client {client} writes {}, not {language}",
                            client.language()
                        ),
                    ));
                }
                vec![Snippet {
                    language,
                    client,
                    content: render_with(request, client, &options)?,
                }]
            }
            None => vec![render_default_with(request, language, &options)?],
        },
        (false, None) => {
            return Err(usage(
                None,
                "choose a language with --lang, or --all".into(),
            ));
        }
    };
    Ok((snippets, Vec::new()))
}

fn format(snippets: &[Snippet], format: Format) -> String {
    match format {
        Format::Json => {
            let mut text = serde_json::to_string_pretty(snippets).unwrap_or_default();
            text.push('\n');
            text
        }
        Format::Code if snippets.len() == 1 => snippets[0].content.clone(),
        // Several snippets: each under a header line in its language's comment
        // syntax, naming client and language, a blank line between them.
        Format::Code => snippets
            .iter()
            .map(|snippet| {
                let comment = match snippet.language {
                    Language::JavaScript | Language::Rust => "//",
                    _ => "#",
                };
                format!(
                    "{comment} ===== {} ({}) =====\n{}",
                    snippet.client, snippet.language, snippet.content
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
        // The page layout of the same name: one fence a snippet, none broken by
        // backticks inside.
        Format::Markdown => docs::fences(snippets),
    }
}

/// The request from --request, a curl command, or the quick-form arguments, with
/// the --task, --token and --model overrides applied; the input it came from; and
/// the warnings.
fn request(args: &Args) -> Result<(Request, Input, Vec<Diagnostic>), Error> {
    let options = CurlOptions {
        shell: args.shell.map(|shell| match shell {
            ShellArg::Bash => Shell::Bash,
            ShellArg::Cmd => Shell::Cmd,
            ShellArg::Powershell => Shell::PowerShell,
        }),
        keep_token: args.keep_token,
    };
    let curl = |parsed: Parsed, name: &str| {
        (
            Input::new(name, Fields::Curl(Box::new(parsed.places))),
            (parsed.request, parsed.warnings),
        )
    };
    let (input, (mut request, mut warnings)) = if let Some(path) = &args.request {
        let text = read_source(path)?;
        let request = parse_spec(&text, path)?;
        (Input::new(path, Fields::Spec(text)), (request, Vec::new()))
    } else if let Some(command) = &args.curl {
        let (name, text) = if command == "-" {
            ("-", read_source("-")?)
        } else {
            ("--curl", command.clone())
        };
        curl(parse_curl(&text, name, &options)?, name)
    } else if !args.curl_args.is_empty() {
        // Its places count arguments as the columns of one line.
        curl(parse_curl_args(&args.curl_args, &options)?, "arguments")
    } else if let Some(url) = &args.url {
        let request = quick_request(args, url)?;
        (
            Input::new("arguments", Fields::Arguments),
            (request, Vec::new()),
        )
    } else if !std::io::stdin().is_terminal() {
        let text = read_source("-")?;
        curl(parse_curl(&text, "-", &options)?, "-")
    } else {
        return Err(usage(
            None,
            "give a URL, --request FILE, --curl COMMAND, or a curl command on stdin".into(),
        ));
    };
    if let Some(task) = &args.task {
        request.task = Some(
            task.parse::<Task>()
                .map_err(|err| in_option(err.into(), "--task"))?,
        );
    }
    if let Some(token) = &args.token {
        request.token = Token::parse(token).map_err(|err| in_option(err, "--token"))?;
    }
    if args.no_token {
        request.token = Token::None;
    }
    if let Some(model) = &args.model {
        request.model = Some(model.clone());
    }
    if !args.keep_token {
        let replaced = protect_tokens(&mut request).map_err(|err| input.about(err))?;
        warnings.extend(replaced.into_iter().map(|warning| input.place(warning)));
    }
    request.validate().map_err(|err| input.about(err))?;
    Ok((request, input, warnings))
}

fn quick_request(args: &Args, url: &str) -> Result<Request, Error> {
    let mut request = Request::new(url);
    request.method = args
        .method
        .as_ref()
        .map(|method| method.to_ascii_uppercase());
    for header in &args.headers {
        let Some((name, value)) = header.split_once(':') else {
            return Err(Diagnostic::error(
                Code::HeaderWithoutColon,
                format!("{header:?} is not `Name: value`"),
            )
            .in_source("--header")
            .into());
        };
        request
            .headers
            .push((name.trim().to_owned(), Text::from(value.trim())));
    }
    if let Some(json) = &args.data {
        let value = serde_json::from_str(json).map_err(|err| -> Error {
            // serde_json ends its message with the place, which is given apart.
            let text = err.to_string();
            let what = text
                .rfind(" at line ")
                .map_or(text.as_str(), |end| &text[..end]);
            Diagnostic::error(Code::InvalidJson, format!("invalid JSON ({what})"))
                .in_source("--data")
                .at(Place::at(err.line(), err.column().max(1)))
                .advice(r#"quote it for the shell, e.g. -d '{"inputs": "Hi"}'"#)
                .into()
        })?;
        request.payload = Payload::Json(value);
    }
    if let Some(path) = &args.file {
        let content_type = match (&args.content_type, guess_mime(path)) {
            (Some(given), _) => given.clone(),
            (None, Some(guessed)) => guessed.to_owned(),
            (None, None) => {
                return Err(Diagnostic::error(
                    Code::UnknownMimeType,
                    format!("cannot tell the MIME type of {path:?}"),
                )
                .in_source("--file")
                .advice("add --content-type, e.g. audio/flac")
                .into());
            }
        };
        request.payload = Payload::File {
            path: path.clone(),
            content_type: Some(content_type),
            bytes: FileBytes::AsIs,
        };
    }
    Ok(request)
}

/// `err` about the command-line option `option`.
fn in_option(err: Error, option: &str) -> Error {
    err.into_diagnostic().in_source(option).into()
}

/// The text of a file, or of standard input for `-`.
fn read_source(path: &str) -> Result<String, Error> {
    let io_error = |err: std::io::Error| {
        Error::from(Diagnostic::error(Code::ReadFailed, err.to_string()).in_source(path))
    };
    let bytes = if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(io_error)?;
        bytes
    } else {
        std::fs::read(path).map_err(io_error)?
    };
    crate::text::decode(bytes, path)
}
