//! What one conversion does: read the request, pick the clients, format the output.

use std::io::{IsTerminal, Read};

use inference_snippets::{
    Argument, Choice, Code, CurlOptions, Diagnostic, Error, FileBytes, Input, LeftOut, Options,
    Payload, Place, Request, Shell, Snippet, Text, Token, docs, guess_mime,
};

use crate::cli::{Args, Format, ShellArg};

/// What one conversion prints: the output, and warnings for standard error.
pub(crate) struct Output {
    pub text: String,
    /// The snippets, when they go to one file each (`--all` as code).
    pub snippets: Option<Vec<Snippet>>,
    pub warnings: Vec<Diagnostic>,
    /// The clients left out of every client's snippets, with why.
    pub left_out: Vec<LeftOut>,
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
    let input = request(args)?;
    let options = Options::default().install_line(!args.no_install_line);
    let choice = choice(args)?;
    let done = input.snippets(choice.clone(), &options)?;
    // What a chosen client does differently from the command is a warning too.
    let mut warnings = input.warnings;
    warnings.extend(done.caveats);
    if args.strict && !warnings.is_empty() {
        return Err(Failure::Strict(warnings));
    }
    let text = format(&done.snippets, args.format);
    let several = matches!(choice, Choice::All(_) | Choice::Clients(_));
    let snippets = (several && args.format == Format::Code).then_some(done.snippets);
    Ok(Output {
        text,
        snippets,
        warnings,
        // Notes, never turned into errors by --strict.
        left_out: done.left_out,
    })
}

/// A usage error about no option in particular.
fn usage(message: &str) -> Error {
    Diagnostic::error(Code::Usage, message).into()
}

/// The snippets the arguments ask for; a problem is about the option it names.
fn choice(args: &Args) -> Result<Choice, Error> {
    let (client, lang) = (args.client.as_deref(), args.lang.as_deref());
    Choice::named(client, lang, args.all).map_err(about_option)
}

/// `err` in the command line's words: in the option of the argument it is about.
fn about_option(err: Error) -> Error {
    let option = match err.diagnostic().argument {
        Some(Argument::Client) => "--client",
        Some(Argument::Language) => "--lang",
        Some(Argument::Shell) => "--shell",
        Some(Argument::Task) => "--task",
        _ => return err,
    };
    in_option(err, option)
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
                let comment = snippet.language.comment();
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
/// the --task, --token and --model overrides applied, ready to render.
fn request(args: &Args) -> Result<Input, Error> {
    let options = CurlOptions {
        shell: args.shell.map(|shell| match shell {
            ShellArg::Bash => Shell::Bash,
            ShellArg::Cmd => Shell::Cmd,
            ShellArg::Powershell => Shell::PowerShell,
        }),
        keep_token: args.keep_token,
    };
    let mut input = if let Some(path) = &args.request {
        Input::spec(&read_source(path)?, path)?
    } else if let Some(command) = &args.curl {
        if command == "-" {
            Input::curl(&read_source("-")?, "-", &options)?
        } else {
            Input::curl(command, "--curl", &options)?
        }
    } else if !args.curl_args.is_empty() {
        // Its places count arguments as the columns of one line.
        Input::curl_args(&args.curl_args, "arguments", &options)?
    } else if let Some(url) = &args.url {
        Input::built(quick_request(args, url)?, "arguments")
    } else if !std::io::stdin().is_terminal() {
        Input::curl(&read_source("-")?, "-", &options)?
    } else {
        return Err(usage(
            "give a URL, --request FILE, --curl COMMAND, or a curl command on stdin",
        ));
    };
    if let Some(task) = &args.task {
        input.set_task(task).map_err(about_option)?;
    }
    let request = &mut input.request;
    if let Some(token) = &args.token {
        request.token = Token::parse(token).map_err(|err| in_option(err, "--token"))?;
    }
    if args.no_token {
        request.token = Token::None;
    }
    if let Some(model) = &args.model {
        request.model = Some(model.clone());
    }
    input.prepare(args.keep_token)?;
    Ok(input)
}

fn quick_request(args: &Args, url: &str) -> Result<Request, Error> {
    let mut request = Request::new(url);
    // As the curl form reads it: --task overrides.
    request.task = request.task_of_route();
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
pub(crate) fn in_option(err: Error, option: &str) -> Error {
    err.map(|diagnostic| diagnostic.in_source(option))
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
    inference_snippets::decode_text(bytes, path)
}
