//! What a front end's names mean: a client, a language or a shell named by a
//! user (`--client requets`, `language="pyton"`), in any case and by any alias. An
//! unknown name is a `usage` error about its [`Argument`], with the closest known
//! name ("did you mean") or the names to choose from.

use std::str::FromStr;

use crate::client::{Client, Language};
use crate::curl::Shell;
use crate::diagnostic::{Argument, Code, Hint};
use crate::error::Error;
use crate::suggest;

impl Client {
    /// Every client called `name` (a [name](Client::name), an [id](Client::id) or an
    /// alias): one, or one per language for a name several languages share.
    ///
    /// # Example
    /// ```
    /// use inference_snippets::{Argument, Client};
    ///
    /// assert_eq!(Client::named("openai"), Ok(vec![Client::OpenaiPython, Client::OpenaiJs]));
    /// assert_eq!(Client::named("openai-node"), Ok(vec![Client::OpenaiJs]));
    /// assert_eq!(Client::named("hub"), Ok(vec![Client::HuggingfaceHub]));
    /// // An unknown name is a `usage` error about the client argument.
    /// let error = Client::named("requets").unwrap_err();
    /// assert_eq!(error.diagnostic().argument, Some(Argument::Client));
    /// assert_eq!(error.to_string(), r#"unknown client "requets"; did you mean requests?"#);
    /// ```
    pub fn named(name: &str) -> Result<Vec<Client>, Error> {
        let wanted = name.to_ascii_lowercase().replace('-', "_");
        let normal = |known: &str| known.to_ascii_lowercase().replace('-', "_");
        let clients: Vec<Client> = Client::ALL
            .into_iter()
            .filter(|client| client.names().any(|known| normal(known) == wanted))
            .collect();
        if !clients.is_empty() {
            return Ok(clients);
        }
        // `openai-python`, `openai-py`, `openai-node`: a shared name and a language.
        if let Some((shared, language)) = wanted.rsplit_once('_')
            && let Ok(language) = language.parse::<Language>()
            && let Some(client) = language
                .clients()
                .find(|client| normal(client.name()) == shared)
        {
            return Ok(vec![client]);
        }
        let ids: Vec<&str> = Client::ALL.iter().map(|c| c.id()).collect();
        let known = Client::ALL.iter().flat_map(|client| client.names());
        let hint = suggest::hint(name, known, format!("choose {}", ids.join(", ")));
        Err(Error::new(Code::Usage, format!("unknown client {name:?}"))
            .about_argument(Argument::Client)
            .hint(hint))
    }

    /// The client called `name` that writes `language`, when a name several
    /// languages share (`openai`) needs the language to name one client; any
    /// other name reads as [`FromStr`] reads it, whatever its language.
    ///
    /// # Example
    /// ```
    /// use inference_snippets::{Client, Language};
    ///
    /// assert_eq!(Client::named_in("openai", Language::JavaScript), Ok(Client::OpenaiJs));
    /// // The caller decides what a client of another language means.
    /// assert_eq!(Client::named_in("fetch", Language::Python), Ok(Client::Fetch));
    /// ```
    pub fn named_in(name: &str, language: Language) -> Result<Client, Error> {
        let clients = Client::named(name)?;
        match clients.iter().find(|client| client.language() == language) {
            Some(client) => Ok(*client),
            None => name.parse(),
        }
    }
}

/// One client: a name several languages share needs its language
/// (`openai-python`), or [`Client::named_in`]. Problems are `usage` errors about
/// [`Argument::Client`].
///
/// # Example
/// ```
/// use inference_snippets::Client;
///
/// assert_eq!("openai-js".parse::<Client>(), Ok(Client::OpenaiJs));
/// let error = "openai".parse::<Client>().unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     r#"client "openai" writes python and js; name the language too; or name one: openai-python or openai-js"#
/// );
/// ```
impl FromStr for Client {
    type Err = Error;

    fn from_str(name: &str) -> Result<Client, Error> {
        match Client::named(name)?.as_slice() {
            [client] => Ok(*client),
            several => {
                let ids: Vec<&str> = several.iter().map(|client| client.id()).collect();
                let languages: Vec<&str> = several
                    .iter()
                    .map(|client| client.language().name())
                    .collect();
                Err(Error::new(
                    Code::Usage,
                    format!("client {name:?} writes {}", languages.join(" and ")),
                )
                .about_argument(Argument::Client)
                .hint(Hint::AddLanguage)
                .advice(format!("or name one: {}", ids.join(" or "))))
            }
        }
    }
}

/// A language by any of its [names](Language::names), in any case; an unknown
/// one is a `usage` error about [`Argument::Language`], with the closest name.
///
/// # Example
/// ```
/// use inference_snippets::{Argument, Language};
///
/// assert_eq!("Node".parse::<Language>(), Ok(Language::JavaScript));
/// let error = "pyton".parse::<Language>().unwrap_err();
/// assert_eq!(error.diagnostic().argument, Some(Argument::Language));
/// assert_eq!(error.to_string(), r#"unknown language "pyton"; did you mean python?"#);
/// ```
impl FromStr for Language {
    type Err = Error;

    fn from_str(name: &str) -> Result<Language, Error> {
        let wanted = name.to_ascii_lowercase();
        Language::ALL
            .into_iter()
            .find(|language| language.names().any(|known| known == wanted))
            .ok_or_else(|| {
                let names: Vec<&str> = Language::ALL.map(Language::name).to_vec();
                let known = Language::ALL.iter().flat_map(|language| language.names());
                let hint = suggest::hint(name, known, format!("choose {}", choose(&names)));
                Error::new(Code::Usage, format!("unknown language {name:?}"))
                    .about_argument(Argument::Language)
                    .hint(hint)
            })
    }
}

/// `a, b or c`.
fn choose(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

impl FromStr for Shell {
    type Err = Error;

    /// `bash` (or `sh`, `zsh`: any POSIX shell), `cmd`, `powershell` (or `pwsh`), in
    /// any case; an unknown name is a `usage` error about [`Argument::Shell`].
    ///
    /// # Example
    /// ```
    /// use inference_snippets::{Argument, Shell};
    ///
    /// assert_eq!("pwsh".parse::<Shell>(), Ok(Shell::PowerShell));
    /// let error = "fish".parse::<Shell>().unwrap_err();
    /// assert_eq!(error.diagnostic().argument, Some(Argument::Shell));
    /// assert_eq!(error.to_string(), r#"unknown shell "fish"; choose bash, cmd or powershell"#);
    /// assert!("powershel".parse::<Shell>().unwrap_err().to_string().ends_with("did you mean powershell?"));
    /// ```
    fn from_str(name: &str) -> Result<Shell, Error> {
        match name.to_ascii_lowercase().as_str() {
            "bash" | "sh" | "zsh" => Ok(Shell::Bash),
            "cmd" => Ok(Shell::Cmd),
            "powershell" | "pwsh" => Ok(Shell::PowerShell),
            _ => {
                // Suggested among the names the message lists: `fish` is not `sh`.
                let known = ["bash", "cmd", "powershell"];
                let choose = "choose bash, cmd or powershell".to_owned();
                Err(Error::new(Code::Usage, format!("unknown shell {name:?}"))
                    .about_argument(Argument::Shell)
                    .hint(suggest::hint(name, known, choose)))
            }
        }
    }
}
