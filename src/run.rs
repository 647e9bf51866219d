//! What one invocation does: build the request, pick the clients, format the output.

use std::io::{IsTerminal, Read};

use inference_snippets::{
    Client, CurlOptions, Error, Language, Payload, Request, Shell, Snippet, Token, guess_mime,
    parse_curl, parse_curl_args, parse_spec, protect_tokens, render, render_all, render_default,
};

use crate::cli::{Args, Format, ShellArg};

/// What one invocation prints: the output, and warnings for stderr.
pub(crate) struct Output {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Why an invocation printed nothing.
pub(crate) enum Failure {
    /// Bad input or usage.
    Input(Error),
    /// `--strict`, and the curl command had these warnings (each with its place).
    Strict(Vec<String>),
}

impl From<Error> for Failure {
    fn from(err: Error) -> Self {
        Failure::Input(err)
    }
}

pub(crate) fn run(args: &Args) -> Result<Output, Failure> {
    let (request, warnings) = request(args)?;
    if args.strict && !warnings.is_empty() {
        return Err(Failure::Strict(warnings));
    }
    Ok(Output {
        text: output(args, &request)?,
        warnings,
    })
}

fn output(args: &Args, request: &Request) -> Result<String, Error> {
    let request = request.clone();
    let language = args
        .lang
        .as_deref()
        .map(|name| name.parse::<Language>().map_err(usage))
        .transpose()?;
    let snippets = match (args.all, language) {
        (true, language) => {
            let mut snippets = render_all(&request)?;
            snippets.retain(|snippet| language.is_none_or(|l| snippet.language == l));
            snippets
        }
        (false, Some(language)) => match &args.client {
            Some(name) => {
                let client = name.parse::<Client>().map_err(usage)?;
                if client.language() != language {
                    return Err(usage(format!(
                        "client {client} writes {}, not {language}",
                        client.language()
                    )));
                }
                vec![Snippet {
                    language,
                    client,
                    content: render(&request, client)?,
                }]
            }
            None => vec![render_default(&request, language)?],
        },
        (false, None) => return Err(usage("choose a language with --lang, or --all".into())),
    };
    Ok(format(&snippets, args.format))
}

fn format(snippets: &[Snippet], format: Format) -> String {
    match format {
        Format::Json => {
            let mut text = serde_json::to_string_pretty(snippets).unwrap_or_default();
            text.push('\n');
            text
        }
        Format::Code if snippets.len() == 1 => snippets[0].content.clone(),
        Format::Code => snippets
            .iter()
            .map(|snippet| {
                let comment = match snippet.language {
                    Language::JavaScript | Language::Rust => "//",
                    Language::Curl | Language::Python => "#",
                };
                format!("{comment} {}\n{}", snippet.client, snippet.content)
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Format::Markdown => snippets
            .iter()
            .map(|snippet| {
                format!(
                    "**{}**\n\n```{}\n{}```\n",
                    snippet.client,
                    snippet.language.fence(),
                    snippet.content
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// The request from --request, a curl command, or the quick-form arguments, with
/// the --task, --token and --model overrides applied; and the curl warnings.
fn request(args: &Args) -> Result<(Request, Vec<String>), Error> {
    let options = CurlOptions {
        shell: args.shell.map(|shell| match shell {
            ShellArg::Bash => Shell::Bash,
            ShellArg::Cmd => Shell::Cmd,
            ShellArg::Powershell => Shell::PowerShell,
        }),
        keep_token: args.keep_token,
    };
    let curl = |text: &str, origin: &str| -> Result<(Request, Vec<String>), Error> {
        let parsed = parse_curl(text, origin, &options)?;
        let warnings = parsed
            .warnings
            .iter()
            .map(|w| format!("{origin}: {w}"))
            .collect();
        Ok((parsed.request, warnings))
    };
    let (mut request, warnings) = if let Some(path) = &args.request {
        let (text, origin) = read_source(path)?;
        (parse_spec(&text, &origin)?, Vec::new())
    } else if let Some(command) = &args.curl {
        if command == "-" {
            let (text, origin) = read_source("-")?;
            curl(&text, &origin)?
        } else {
            curl(command, "--curl")?
        }
    } else if !args.curl_args.is_empty() {
        let parsed = parse_curl_args(&args.curl_args, &options)?;
        let warnings = parsed
            .warnings
            .iter()
            .map(|w| format!("arguments: {w}"))
            .collect();
        (parsed.request, warnings)
    } else if let Some(url) = &args.url {
        (quick_request(args, url)?, Vec::new())
    } else if !std::io::stdin().is_terminal() {
        let (text, origin) = read_source("-")?;
        curl(&text, &origin)?
    } else {
        return Err(usage(
            "give a URL, --request FILE, --curl COMMAND, or a curl command on stdin".into(),
        ));
    };
    if let Some(task) = &args.task {
        request.task = Some(task.parse().map_err(|err| option_error("--task", err))?);
    }
    if let Some(token) = &args.token {
        request.token = Token::parse(token).map_err(|err| option_error("--token", err))?;
    }
    if args.no_token {
        request.token = Token::None;
    }
    if let Some(model) = &args.model {
        request.model = Some(model.clone());
    }
    let mut warnings = warnings;
    if !args.keep_token {
        let replaced = protect_tokens(&mut request).map_err(|message| Error::Spec {
            origin: "token".into(),
            at: None,
            message,
        })?;
        warnings.extend(replaced);
    }
    request.validate()?;
    Ok((request, warnings))
}

fn quick_request(args: &Args, url: &str) -> Result<Request, Error> {
    let mut request = Request::new(url);
    request.method = args
        .method
        .as_ref()
        .map(|method| method.to_ascii_uppercase());
    for header in &args.headers {
        let Some((name, value)) = header.split_once(':') else {
            return Err(option_error(
                "--header",
                format!("{header:?} is not `Name: value`"),
            ));
        };
        request
            .headers
            .push((name.trim().to_owned(), value.trim().to_owned()));
    }
    if let Some(json) = &args.data {
        let value = serde_json::from_str(json).map_err(|err| {
            // serde_json ends its message with the place, which comes first here.
            let text = err.to_string();
            let what = text.rfind(" at line ").map_or(text.as_str(), |end| &text[..end]);
            Error::Spec {
                origin: "--data".into(),
                at: Some((err.line(), err.column())),
                message: format!(
                    "invalid JSON ({what}); quote it for the shell, e.g. -d '{{\"inputs\": \"Hi\"}}'"
                ),
            }
        })?;
        request.payload = Payload::Json(value);
    }
    if let Some(path) = &args.file {
        let content_type = match (&args.content_type, guess_mime(path)) {
            (Some(given), _) => given.clone(),
            (None, Some(guessed)) => guessed.to_owned(),
            (None, None) => {
                return Err(option_error(
                    "--file",
                    format!(
                        "cannot tell the MIME type of {path:?}; add --content-type, e.g. audio/flac"
                    ),
                ));
            }
        };
        request.payload = Payload::File {
            path: path.clone(),
            content_type: Some(content_type),
            strip_line_breaks: false,
        };
    }
    Ok(request)
}

/// The text of a spec file, or of standard input for `-`, with its name for errors.
fn read_source(path: &str) -> Result<(String, String), Error> {
    let origin = if path == "-" { "<stdin>" } else { path };
    let io_error = |err: std::io::Error| Error::Io {
        path: origin.to_owned(),
        message: err.to_string(),
    };
    let bytes = if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(io_error)?;
        bytes
    } else {
        std::fs::read(path).map_err(io_error)?
    };
    match crate::text::decode(bytes) {
        Ok(text) => Ok((text, origin.to_owned())),
        Err(at) => Err(Error::Spec {
            origin: origin.to_owned(),
            at: Some(at),
            message: crate::text::NOT_UTF8.into(),
        }),
    }
}

fn option_error(option: &str, message: impl ToString) -> Error {
    Error::Spec {
        origin: option.to_owned(),
        at: None,
        message: message.to_string(),
    }
}

fn usage(message: String) -> Error {
    Error::Spec {
        origin: "usage".into(),
        at: None,
        message,
    }
}
