//! One conversion as every front end runs it: a request read from an input that
//! remembers where it writes each field, made ready (tokens protected, validated),
//! then rendered for the clients asked for. Problems found after reading (a refusal,
//! a real-looking token, what a client does only in part) are placed in the text the
//! user wrote.

use serde_json::Value;

use crate::diagnostic::{Argument, Code, Diagnostic, Place};
use crate::error::Error;
use crate::model::Request;
use crate::render::{
    LeftOut, Options, Snippet, caveats, render_all_with, render_default_with, render_with,
};
use crate::{Client, CurlOptions, Language, Places, Task, parse_curl, parse_curl_args, parse_spec};

/// A request read from an input, with the warnings of reading it.
///
/// # Example
/// ```
/// use inference_snippets::{Choice, Client, Code, CurlOptions, Input, Options};
///
/// let command = "curl https://x.cloud/m \\\n  --connect-timeout 5 -d a=1";
/// let mut input = Input::curl(command, "--curl", &CurlOptions::default())?;
/// input.prepare(false)?;
/// let fetch = input.snippets(Choice::Client(Client::Fetch), &Options::default())?;
/// assert!(fetch.snippets[0].content.contains("await fetch("));
/// // What fetch cannot do is placed at the option that asks for it.
/// assert_eq!(fetch.caveats[0].code, Code::NotCarriedOver);
/// assert_eq!(fetch.caveats[0].location(), "--curl:2:3: ");
/// // A form: the typed client refuses, placed in the input.
/// let error = input.snippets(Choice::Client(Client::HuggingfaceHub), &Options::default());
/// assert_eq!(error.unwrap_err().code(), Code::UnsupportedByClient);
/// # Ok::<(), inference_snippets::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Input {
    /// The request; a front end may change it (its own task, token or model) before
    /// [`Input::prepare`].
    pub request: Request,
    /// What reading it worked around, and then what preparing it replaced.
    pub warnings: Vec<Diagnostic>,
    /// The input's name in diagnostics; `None` for a value, which has no text.
    name: Option<String>,
    fields: Fields,
}

/// How an input tells where it writes a field of the request.
#[derive(Clone, Debug)]
enum Fields {
    /// A JSON spec: the key of the field.
    Spec(String),
    /// A curl command: the word of the field.
    Curl(Box<Places>),
    /// Not a text (a front end's own arguments, a value): nothing to point into.
    Nothing,
    /// A part of a larger text (a region of a page): every problem at one place.
    At(Place),
}

/// Which snippets a front end asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Choice {
    /// The snippet of this client.
    Client(Client),
    /// The snippets of these clients (the clients of a name several languages
    /// share): those that can send the request, the others left out with why; an
    /// error when none can.
    Clients(Vec<Client>),
    /// The language's snippet: its preferred client's when that can send the request,
    /// else its generic client's ([`render_default`](crate::render_default)).
    Language(Language),
    /// Every client that can send the request, of this language only when given.
    All(Option<Language>),
}

impl Choice {
    /// The snippets a front end's user asks for by name: every client that can send
    /// the request with `all` or when nothing is named (of `language` only, when
    /// given), else the snippet of `client` or of `language`'s default client. A
    /// client name two languages share (`openai`) names the client of `language`,
    /// or both without one; a client must write the `language` given. Problems are
    /// `usage` errors about the [`Argument`] they concern (an unknown name says which
    /// known one is closest), for the front end to word.
    ///
    /// # Example
    /// ```
    /// use inference_snippets::{Argument, Choice, Client, Language};
    ///
    /// assert_eq!(Choice::named(Some("openai"), Some("js"), false)?, Choice::Client(Client::OpenaiJs));
    /// assert_eq!(
    ///     Choice::named(Some("openai"), None, false)?,
    ///     Choice::Clients(vec![Client::OpenaiPython, Client::OpenaiJs])
    /// );
    /// assert_eq!(Choice::named(None, Some("py"), false)?, Choice::Language(Language::Python));
    /// assert_eq!(Choice::named(None, None, true)?, Choice::All(None));
    /// assert_eq!(Choice::named(None, None, false)?, Choice::All(None));
    /// let error = Choice::named(Some("fetch"), Some("python"), false).unwrap_err();
    /// assert_eq!(error.diagnostic().argument, Some(Argument::Client));
    /// assert_eq!(error.to_string(), "client fetch writes js, not python");
    /// let error = Choice::named(Some("requets"), None, false).unwrap_err();
    /// assert_eq!(error.to_string(), r#"unknown client "requets"; did you mean requests?"#);
    /// # Ok::<(), inference_snippets::Error>(())
    /// ```
    pub fn named(client: Option<&str>, language: Option<&str>, all: bool) -> Result<Choice, Error> {
        let language = language.map(str::parse::<Language>).transpose()?;
        match (client, language) {
            (Some(_), _) if all => Err(Error::new(
                Code::Usage,
                "name a client or ask for all, not both",
            )
            .about_argument(Argument::Client)),
            (None, language) if all => Ok(Choice::All(language)),
            (Some(name), Some(language)) => {
                Choice::client_in(Client::named_in(name, language)?, Some(language))
            }
            (Some(name), None) => match Client::named(name)?.as_slice() {
                [client] => Ok(Choice::Client(*client)),
                several => Ok(Choice::Clients(several.to_vec())),
            },
            (None, Some(language)) => Ok(Choice::Language(language)),
            (None, None) => Ok(Choice::All(None)),
        }
    }

    /// The one snippet a front end that returns one asks for: `client` (a name two
    /// languages share needs `language`), or `language`'s default client.
    ///
    /// # Example
    /// ```
    /// use inference_snippets::{Argument, Choice, Client};
    ///
    /// assert_eq!(Choice::one(Some("openai-js"), None)?, Choice::Client(Client::OpenaiJs));
    /// let error = Choice::one(None, None).unwrap_err();
    /// assert_eq!(error.diagnostic().argument, Some(Argument::Client));
    /// assert!(Choice::one(Some("openai"), None).is_err());
    /// # Ok::<(), inference_snippets::Error>(())
    /// ```
    pub fn one(client: Option<&str>, language: Option<&str>) -> Result<Choice, Error> {
        match (client, language) {
            (Some(name), None) => Ok(Choice::Client(name.parse()?)),
            (None, None) => Err(Error::new(Code::Usage, "name a client or a language")
                .about_argument(Argument::Client)),
            _ => Choice::named(client, language, false),
        }
    }

    /// The snippet of `client`, which must write `language` when one is given as well:
    /// else a `usage` error about [`Argument::Client`] saying what it writes.
    pub fn client_in(client: Client, language: Option<Language>) -> Result<Choice, Error> {
        match language {
            Some(language) if client.language() != language => Err(Error::new(
                Code::Usage,
                format!(
                    "client {client} writes {}, not {language}",
                    client.language()
                ),
            )
            .about_argument(Argument::Client)),
            _ => Ok(Choice::Client(client)),
        }
    }
}

/// The snippets of one conversion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippets {
    /// The snippets, in the order of [`render_all`](crate::render_all).
    pub snippets: Vec<Snippet>,
    /// What a snippet does only in part ([`caveats`]), placed in the input.
    pub caveats: Vec<Diagnostic>,
    /// Each client of the languages asked for that [`Choice::All`] (or
    /// [`Choice::Clients`]) left out, with why (never an error: the other clients
    /// can send the request).
    pub left_out: Vec<LeftOut>,
}

impl Snippets {
    /// The code of the one snippet a [`Choice::Client`] or a [`Choice::Language`]
    /// gives (of the first, for a [`Choice::All`]; empty when it gave none).
    pub fn content(self) -> String {
        let first = self.snippets.into_iter().next();
        first.map(|snippet| snippet.content).unwrap_or_default()
    }
}

impl Input {
    /// A JSON spec named `name` in diagnostics.
    pub fn spec(text: &str, name: &str) -> Result<Input, Error> {
        let request = parse_spec(text, name)?;
        Ok(Input::of(request, name, Fields::Spec(text.to_owned())))
    }

    /// A JSON spec given as a value rather than as text (a Python dict, a
    /// JavaScript object). There is no text to point into: its problems name no
    /// input and have no place.
    ///
    /// # Example
    /// ```
    /// use inference_snippets::{Code, Input};
    ///
    /// let spec = serde_json::json!({"url": "https://x.cloud", "hedaers": {}});
    /// let error = Input::spec_value(&spec).unwrap_err();
    /// assert_eq!(error.code(), Code::UnknownKey);
    /// assert_eq!(error.to_string(), r#"unknown key "hedaers"; did you mean "headers"?"#);
    /// ```
    pub fn spec_value(spec: &Value) -> Result<Input, Error> {
        let request = crate::spec::read_value(spec)?;
        let mut input = Input::of(request, "", Fields::Nothing);
        input.name = None;
        Ok(input)
    }

    /// A curl command named `name` in diagnostics.
    pub fn curl(text: &str, name: &str, options: &CurlOptions) -> Result<Input, Error> {
        let parsed = parse_curl(text, name, options)?;
        let mut input = Input::of(parsed.request, name, Fields::Curl(Box::new(parsed.places)));
        input.warnings = parsed.warnings;
        Ok(input)
    }

    /// A curl command already split into arguments (its places count arguments as
    /// the columns of one line), named `name` in diagnostics.
    pub fn curl_args(args: &[String], name: &str, options: &CurlOptions) -> Result<Input, Error> {
        let parsed = parse_curl_args(args, options)?;
        let mut input = Input::of(parsed.request, name, Fields::Curl(Box::new(parsed.places)));
        input.warnings = parsed.warnings;
        Ok(input)
    }

    /// A request a front end built itself, named `name` in diagnostics; problems
    /// found later have no place in it.
    pub fn built(request: Request, name: &str) -> Input {
        Input::of(request, name, Fields::Nothing)
    }

    /// A request read from a part of a larger text named `name` (a region of a
    /// page), with the warnings of reading it: problems found later are placed `at`
    /// one place (the region's marker).
    pub(crate) fn part(
        request: Request,
        warnings: Vec<Diagnostic>,
        name: &str,
        at: Place,
    ) -> Input {
        let mut input = Input::of(request, name, Fields::At(at));
        input.warnings = warnings;
        input
    }

    fn of(request: Request, name: &str, fields: Fields) -> Input {
        Input {
            request,
            warnings: Vec::new(),
            name: Some(name.to_owned()),
            fields,
        }
    }

    /// The name of the input in diagnostics; `None` for a [value](Input::spec_value).
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// `diagnostic`, found after reading, made a problem of this input (unless it
    /// names its own): placed where the input writes its field, else at the start.
    pub fn place(&self, mut diagnostic: Diagnostic) -> Diagnostic {
        let Some(name) = &self.name else {
            return diagnostic;
        };
        if diagnostic.source.is_some() {
            return diagnostic;
        }
        diagnostic.source = Some(name.clone());
        let field = diagnostic.field.as_ref();
        let written = match &self.fields {
            Fields::Spec(text) => field.and_then(|field| crate::locate_in_spec(text, field)),
            Fields::Curl(places) => field.and_then(|field| places.of(field)),
            Fields::Nothing => return diagnostic,
            Fields::At(place) => Some(*place),
        };
        diagnostic.place = written.or(Some(Place::at(1, 1)));
        diagnostic
    }

    /// `err`, found after reading, placed as [`Input::place`] does, with the
    /// input's warnings before it ([`Error::warnings`]).
    pub fn about(&self, err: Error) -> Error {
        err.map(|diagnostic| self.place(diagnostic))
            .after(self.warnings.clone())
    }

    /// Sets the request's task to the one a front end's user named (a pipeline tag
    /// or an alias, in any spelling); an unknown one is an `unknown-task` error about
    /// [`Argument::Task`], with the closest tag.
    ///
    /// # Example
    /// ```
    /// use inference_snippets::{Argument, CurlOptions, Input, Task};
    ///
    /// let mut input = Input::curl("curl https://x.cloud -d a=1", "--curl", &CurlOptions::default())?;
    /// input.set_task("Text_Classification")?;
    /// assert_eq!(input.request.task, Some(Task::TextClassification));
    /// let error = input.set_task("text-clasification").unwrap_err();
    /// assert_eq!(error.diagnostic().argument, Some(Argument::Task));
    /// # Ok::<(), inference_snippets::Error>(())
    /// ```
    pub fn set_task(&mut self, name: &str) -> Result<(), Error> {
        let task = name.parse::<Task>();
        let task = task.map_err(|unknown| Error::from(unknown).about_argument(Argument::Task))?;
        self.request.task = Some(task);
        Ok(())
    }

    /// Makes the request ready to render: a real-looking token is replaced by
    /// `$HF_TOKEN` with a warning, unless `keep_token` (one anywhere else is an
    /// error), then the request is validated. Problems are placed in the input.
    pub fn prepare(&mut self, keep_token: bool) -> Result<(), Error> {
        if !keep_token {
            let replaced =
                crate::protect_tokens(&mut self.request).map_err(|err| self.about(err))?;
            for warning in replaced {
                let placed = self.place(warning);
                self.warnings.push(placed);
            }
        }
        self.request.validate().map_err(|err| self.about(err))
    }

    /// The snippets `choice` asks for, each client's caveats, and what was left out.
    pub fn snippets(&self, choice: Choice, options: &Options) -> Result<Snippets, Error> {
        let request = &self.request;
        let (snippets, left_out) = match choice {
            Choice::Client(client) => {
                let content = render_with(request, client, options);
                let content = content.map_err(|err| self.about(err))?;
                let snippet = Snippet {
                    language: client.language(),
                    client,
                    content,
                };
                (vec![snippet], Vec::new())
            }
            Choice::Language(language) => {
                let snippet = render_default_with(request, language, options);
                (vec![snippet.map_err(|err| self.about(err))?], Vec::new())
            }
            Choice::All(language) => {
                let wanted = |client: Client| language.is_none_or(|l| client.language() == l);
                self.some(request, options, &wanted)?
            }
            Choice::Clients(clients) => {
                let (snippets, left_out) =
                    self.some(request, options, &|client| clients.contains(&client))?;
                if snippets.is_empty()
                    && let Some(first) = clients.first()
                {
                    // None of them can: the first one's refusal says why.
                    render_with(request, *first, options).map_err(|err| self.about(err))?;
                }
                (snippets, left_out)
            }
        };
        let caveats = self.caveats(&snippets);
        Ok(Snippets {
            snippets,
            caveats,
            left_out,
        })
    }

    /// The snippets of the `wanted` clients that can send the request, and a note
    /// for each other wanted client.
    fn some(
        &self,
        request: &Request,
        options: &Options,
        wanted: &dyn Fn(Client) -> bool,
    ) -> Result<(Vec<Snippet>, Vec<LeftOut>), Error> {
        let mut all = render_all_with(request, options).map_err(|err| self.about(err))?;
        all.snippets.retain(|snippet| wanted(snippet.client));
        all.left_out.retain(|left| wanted(left.client));
        Ok((all.snippets, all.left_out))
    }

    /// What each of `snippets` does only in part ([`caveats`]), placed in the input.
    pub(crate) fn caveats(&self, snippets: &[Snippet]) -> Vec<Diagnostic> {
        let request = &self.request;
        snippets
            .iter()
            .flat_map(|snippet| caveats(request, snippet.client))
            .map(|warning| self.place(warning))
            .collect()
    }

    /// The JSON spec of the request ([`to_spec`](crate::to_spec)); a `not-in-spec`
    /// error is placed at the field the spec cannot describe.
    pub fn to_spec(&self) -> Result<Value, Error> {
        crate::to_spec(&self.request).map_err(|err| self.about(err))
    }
}
