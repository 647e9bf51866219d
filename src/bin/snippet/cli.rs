//! Command-line arguments of `snippet`.

use std::path::PathBuf;

use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use inference_snippets::{Client, Code, Diagnostic, Error, Language};

use crate::report::MessageFormat;

/// Write the code that sends one inference request (the languages come from their
/// table: see `Args::full`).
#[derive(Debug, Parser)]
#[command(
    name = "snippet",
    version,
    after_help = "\
Examples:
  snippet --lang python --request spec.json
  snippet --lang js https://xyz.endpoints.huggingface.cloud/gpt2 -d '{\"inputs\": \"Hi\"}' --task text-generation
  snippet --lang curl https://xyz.endpoints.huggingface.cloud/asr --file sample1.flac --token 'hf_***'
  snippet --all --format json --request - < spec.json
  snippet --lang python --curl 'curl https://xyz.endpoints.huggingface.cloud/gpt2 -d @body.json'
  pbpaste | snippet --lang rust --client reqwest
  snippet --lang js -- curl https://x.cloud/asr --data-binary @sample1.flac -H 'Content-Type: audio/flac'

  snippet docs check docs/          # exit 1 with a diff when a region is out of date
  snippet docs write README.md      # rewrite drifted regions in place
  snippet docs lint --notes         # the curl commands of every page under .

A spec is a JSON object: {\"url\": ..., \"json\" (+ \"base64_files\": {\"/pointer\": \"file\"}) | \"data\" |
\"file\" (+ \"content_type\"), \"method\", \"headers\", \"token\" (\"$VAR\", a placeholder such as
\"hf_***\", or null), \"task\", \"model\"}.
With no request source and a non-terminal stdin, stdin is read as a curl command.
Exit status: 0 ok, 1 drift or lint errors (docs), 2 bad input or usage.",
    subcommand_negates_reqs = true
)]
pub(crate) struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Target language (the list comes from the language table: see `Args::full`).
    #[arg(short, long)]
    pub lang: Option<String>,

    /// Client (the list comes from the client table: see `Args::full`).
    #[arg(short, long)]
    pub client: Option<String>,

    /// Every client that can send the request (of --lang only, when given).
    #[arg(long, conflicts_with = "client")]
    pub all: bool,

    /// Write to PATH instead of standard output, atomically; with --all as code, PATH
    /// is a directory of one file per client (curl.sh, requests.py, fetch.js, ...).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Let --output replace a file that holds something else.
    #[arg(long, requires = "output")]
    pub force: bool,

    /// Output: the code, Markdown code fences, or JSON [{language, client, content}].
    #[arg(long, value_enum, default_value_t = Format::Code)]
    pub format: Format,

    /// A JSON request spec file; `-` reads standard input.
    #[arg(short, long, value_name = "FILE", conflicts_with_all = ["url", "data", "file", "headers", "method", "curl", "curl_args"])]
    pub request: Option<String>,

    /// A curl command to convert; `-` reads standard input.
    #[arg(long, value_name = "COMMAND", conflicts_with_all = ["url", "data", "file", "headers", "method", "curl_args"])]
    pub curl: Option<String>,

    /// A curl command already split by your shell, after `--`: `-- curl URL -d ...`.
    #[arg(index = 2, last = true, value_name = "CURL ARGS", conflicts_with_all = ["url", "data", "file", "headers", "method"])]
    pub curl_args: Vec<String>,

    /// The shell a curl command is written for (default: detected).
    #[arg(long, value_enum)]
    pub shell: Option<ShellArg>,

    /// Keep a real-looking token found in a curl command instead of `$HF_TOKEN`.
    #[arg(long)]
    pub keep_token: bool,

    /// Treat warnings about a curl command as errors.
    #[arg(long)]
    pub strict: bool,

    /// How diagnostics are written on standard error: `human` lines
    /// (`file:line:column: message`), or `json`, one object per line with the keys
    /// severity, code, message, file, line, column, hint, field, hints and url.
    #[arg(long, value_enum, global = true, default_value_t = MessageFormat::Human)]
    pub message_format: MessageFormat,

    /// The endpoint URL (the quick form, instead of --request or a curl command).
    #[arg(index = 1)]
    pub url: Option<String>,

    /// A JSON body.
    #[arg(short, long, value_name = "JSON", conflicts_with = "file")]
    pub data: Option<String>,

    /// A file whose bytes are the body.
    #[arg(long, value_name = "PATH")]
    pub file: Option<String>,

    /// The MIME type of --file (guessed from well-known extensions).
    #[arg(long, value_name = "MIME", requires = "file")]
    pub content_type: Option<String>,

    /// A header, `Name: value`; repeat for more.
    #[arg(short = 'H', long = "header", value_name = "HEADER")]
    pub headers: Vec<String>,

    /// The HTTP method (default: POST with a body, GET without).
    #[arg(short = 'X', long)]
    pub method: Option<String>,

    /// The inference task, a pipeline tag such as text-classification.
    #[arg(short, long)]
    pub task: Option<String>,

    /// The token: `$VAR` reads an environment variable (default `$HF_TOKEN`);
    /// anything else is printed as a placeholder, e.g. `hf_***`.
    #[arg(long, conflicts_with = "no_token")]
    pub token: Option<String>,

    /// Send no Authorization header.
    #[arg(long)]
    pub no_token: bool,

    /// Leave out the first line saying what to install (`# pip install requests`).
    #[arg(long)]
    pub no_install_line: bool,

    /// The model id on the Hub.
    #[arg(long)]
    pub model: Option<String>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Snippets embedded in Markdown: regions between <!-- snippet ... --> and <!-- /snippet -->.
    Docs {
        #[command(subcommand)]
        action: Docs,
    },
    /// mdBook preprocessor (book.toml: [preprocessor.snippet] command = "snippet mdbook"):
    /// renders the regions of every chapter while the book builds; writes no file.
    Mdbook(crate::mdbook::Args),
    /// Print the completion script for a shell (bash: `source <(snippet completions bash)`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (`snippet man > snippet.1; man -l snippet.1`).
    Man,
    /// Run every tab of the pages' tab groups that have a curl block, and every
    /// region, through a recording proxy; exit 1 when a tab sends another request
    /// than the curl block.
    #[cfg(feature = "proxy")]
    Verify(Verify),
    /// Code samples (x-codeSamples) for every operation of an OpenAPI 3.0 or 3.1
    /// document: an Overlay on standard output, --overlay FILE, --write into the
    /// document, or --check either (exit 1 with a diff per operation).
    #[command(name = "openapi")]
    OpenApi(OpenApi),
}

/// `snippet openapi`'s arguments.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  snippet openapi openapi.json > samples.overlay.json    # an Overlay 1.0 document
  snippet openapi openapi.yaml --overlay samples.yaml    # the same, in a file
  snippet openapi openapi.json --write                   # x-codeSamples in the spec itself
  snippet openapi openapi.json --check                   # exit 1 when they are out of date
  snippet openapi openapi.yaml --check --overlay samples.yaml
  snippet openapi openapi.json --client curl --client requests --lang-style mintlify

Operations no request can be built for, and clients that cannot send an operation's
request, are notes on standard error with the reason.
Exit status: 0 ok, 1 samples out of date (--check), 2 bad input or usage.")]
pub(crate) struct OpenApi {
    /// The OpenAPI document, JSON or YAML (several with --check or --write).
    #[arg(value_name = "SPEC", required = true, num_args = 1..)]
    pub specs: Vec<String>,
    /// A client to write samples for (repeat for several; default: the preferred
    /// client of each language that can send the operation's request).
    #[arg(short, long = "client", value_name = "CLIENT")]
    pub clients: Vec<String>,
    /// A language to write samples in (repeat for several; default: all, curl first);
    /// with --client, keeps the clients of these languages.
    #[arg(short, long = "lang", value_name = "LANG")]
    pub langs: Vec<String>,
    /// The server URL every request goes to, instead of the document's first.
    #[arg(long, value_name = "URL")]
    pub server: Option<String>,
    /// The name of the media type example to send where an operation has several.
    #[arg(long, value_name = "NAME")]
    pub example: Option<String>,
    /// The environment variable a bearer token is read from (default: named after the
    /// security scheme, bearerAuth → BEARER_AUTH).
    #[arg(long, value_name = "NAME")]
    pub token_env: Option<String>,
    /// The lang/label values of the renderer: redocly (Shell, Python...), mintlify
    /// (bash, python...) or scalar (shell, python, node...).
    #[arg(long, value_name = "STYLE", default_value = "redocly")]
    pub lang_style: inference_snippets::LangStyle,
    /// Write the overlay to FILE (JSON for .json, YAML for .yaml/.yml); with --check,
    /// the overlay to check.
    #[arg(long, value_name = "FILE", conflicts_with = "write")]
    pub overlay: Option<PathBuf>,
    /// Add or replace x-codeSamples in the document itself; every other byte stays.
    #[arg(long)]
    pub write: bool,
    /// Write nothing: exit 1 with a diff per operation when the samples in the document
    /// (or in --overlay FILE) are not the ones that would be written.
    #[arg(long, conflicts_with = "write")]
    pub check: bool,
}

/// `snippet verify`'s arguments.
#[cfg(feature = "proxy")]
#[derive(Debug, clap::Args)]
pub(crate) struct Verify {
    /// Markdown files, or directories searched for .md and .mdx files (default: the
    /// current directory, without .git, target, node_modules and what .gitignore ignores);
    /// with --curl, the one snippet file to check.
    pub paths: Vec<PathBuf>,
    /// Check one snippet file against the curl command in FILE.
    #[arg(long, value_name = "FILE")]
    pub curl: Option<PathBuf>,
    /// Exit 1 when a block could not be verified too.
    #[arg(long)]
    pub strict: bool,
    /// Prepare the runtimes (a Python venv per package, the npm packages) in the cache
    /// folder, then exit.
    #[arg(long)]
    pub setup: bool,
    /// The cache folder (default: $SNIPPET_CACHE_DIR, else
    /// $XDG_CACHE_HOME/inference-snippets/verify or ~/.cache/inference-snippets/verify).
    #[arg(long, value_name = "DIR")]
    pub cache: Option<PathBuf>,
    /// Seconds a block may run.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub timeout: u64,
    /// Keep each run's folder in the cache folder's runs/ (to see what ran).
    #[arg(long)]
    pub keep: bool,
    /// Run blocks without the network namespace and the caps, even where the machine
    /// allows them.
    #[arg(long)]
    pub no_isolation: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Docs {
    /// Exit 0 when every region is up to date, 1 with a diff per drifted region; writes nothing.
    Check {
        /// Markdown files, or directories searched for .md and .mdx files (default: the
        /// current directory, without .git, target, node_modules and what .gitignore ignores).
        paths: Vec<PathBuf>,
    },
    /// Rewrite drifted regions in place; every byte outside them stays as it is.
    Write {
        /// Markdown files, or directories searched for .md and .mdx files (default: the
        /// current directory, without .git, target, node_modules and what .gitignore ignores).
        paths: Vec<PathBuf>,
    },
    /// Read the curl commands of every shell block and real-looking tokens in any block;
    /// exit 1 when an error is reported.
    Lint {
        /// Markdown files, or directories searched for .md and .mdx files (default: the
        /// current directory, without .git, target, node_modules and what .gitignore ignores).
        paths: Vec<PathBuf>,
        /// Also show notes (placeholders, prompts copy buttons strip, conversion notes).
        #[arg(long)]
        notes: bool,
        /// Exit 1 on warnings too.
        #[arg(long)]
        strict: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ShellArg {
    Bash,
    Cmd,
    Powershell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    Code,
    Markdown,
    Json,
}

impl Args {
    /// The clap definition, with the help texts that list the languages and clients
    /// read from their tables, so that help, man page and parser cannot disagree.
    pub(crate) fn full() -> clap::Command {
        let languages: Vec<String> = Language::ALL
            .iter()
            .map(|language| {
                let mut names = language.names();
                let name = names.next().unwrap_or_default();
                let aliases: Vec<&str> = names.collect();
                if aliases.is_empty() {
                    name.to_owned()
                } else {
                    format!("{name} ({})", aliases.join(", "))
                }
            })
            .collect();
        let lang = format!(
            "Target language: {}.\nImplied by --client when the client has one language.",
            languages.join(", ")
        );
        let mut names: Vec<String> = Vec::new();
        for client in Client::ALL {
            let shared: Vec<&str> = Client::ALL
                .iter()
                .filter(|other| other.name() == client.name())
                .map(|other| other.id())
                .collect();
            let name = match shared.as_slice() {
                [id] if *id == client.name() => client.name().to_owned(),
                [id] => format!("{} ({id})", client.name()),
                ids => format!("{} ({}: --lang says which)", client.name(), ids.join(", ")),
            };
            if !names.contains(&name) {
                names.push(name);
            }
        }
        let client = format!(
            "Client: {}.\nDefault: the Hugging Face client of the language when it can send the request.",
            names.join(", ")
        );
        let labels: Vec<&str> = Language::ALL
            .iter()
            .map(|language| language.label())
            .collect();
        let about = format!(
            "Write the code that sends one inference request, for {}",
            either(&labels)
        );
        Args::command()
            .about(about)
            .mut_arg("lang", |arg| arg.help(lang))
            .mut_arg("client", |arg| arg.help(client))
    }

    /// The arguments of this process, or the usage error they make (`--help` and
    /// `--version` print and exit here, as clap does). A converter option given with
    /// a subcommand is a usage error (only `--message-format` applies to both).
    pub(crate) fn from_env() -> Result<Args, Error> {
        let mut command = Args::full();
        let matches = match command.try_get_matches_from_mut(std::env::args_os()) {
            Ok(matches) => matches,
            Err(err) if !err.use_stderr() => err.exit(),
            Err(err) => return Err(crate::usage::diagnostic(&err).into()),
        };
        let args = Args::from_arg_matches(&matches)
            .map_err(|err| Error::from(crate::usage::diagnostic(&err)))?;
        let converter_only = |id: &clap::Id| {
            id.as_str() != "message_format"
                && command.get_arguments().any(|arg| arg.get_id() == id)
                && matches.value_source(id.as_str()) == Some(ValueSource::CommandLine)
        };
        if args.command.is_some()
            && let Some(id) = matches.ids().find(|id| converter_only(id))
        {
            let option = command
                .get_arguments()
                .find(|arg| arg.get_id() == id)
                .and_then(|arg| arg.get_long())
                .map_or_else(|| id.to_string(), |long| format!("--{long}"));
            let subcommand = matches.subcommand_name().unwrap_or("docs");
            return Err(Diagnostic::error(
                Code::Usage,
                format!("the converter's option cannot be used with '{subcommand}'"),
            )
            .in_source(option)
            .advice(format!("see snippet {subcommand} --help"))
            .into());
        }
        Ok(args)
    }

    /// Whether the raw arguments ask for JSON diagnostics, for a usage error found
    /// before they could be parsed.
    pub(crate) fn json_requested() -> bool {
        let args: Vec<String> = std::env::args().collect();
        args.windows(2)
            .any(|pair| pair[0] == "--message-format" && pair[1] == "json")
            || args.iter().any(|arg| arg == "--message-format=json")
    }
}

/// `a, b or c`.
fn either(names: &[&str]) -> String {
    match names {
        [rest @ .., last] if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.join(""),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn arguments_are_consistent() {
        super::Args::full().debug_assert();
    }
}
