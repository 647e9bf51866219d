//! The begin marker of a region: `<!-- snippet from=curl layout=hfoptions clients=... -->`.

use crate::diagnostic::{Code, Hint, Words};
use crate::error::Error;
use crate::{Client, Language, Task};

/// Where a region's request comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Source {
    /// The fenced curl block right before the begin marker (`from=curl`).
    Curl,
    /// The fenced JSON spec block right before the begin marker (`from=spec`).
    Spec,
    /// A JSON spec file, relative to the Markdown file (`request=PATH`).
    File(String),
}

/// How the snippets of a region are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Layout {
    /// doc-builder tabs: `<hfoptions id=...>` with one `<hfoption id=...>` per client.
    HfOptions,
    /// The legacy `<inferencesnippet>` with `<python>`, `<js>` and `<curl>` children.
    InferenceSnippet,
    /// Consecutive fenced blocks, each after a bold label line.
    Fences,
    /// doc-builder tabs, one `<hfoption>` per language, each client's block in it
    /// under a bold label line.
    Languages,
}

/// What a begin marker asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    /// Where the request comes from.
    pub source: Source,
    /// The layout (default: `hfoptions`).
    pub layout: Layout,
    /// The clients in tab order; `None`: every client that can send the request.
    pub clients: Option<Vec<Client>>,
    /// The `id` of the `<hfoptions>` group (default `client`, `language` for
    /// `layout=languages`).
    pub id: String,
    /// The labels the page uses for clients and languages (`labels=`): tab ids and
    /// the bold label lines.
    pub labels: Labels,
    /// The inference task (a curl command cannot name it).
    pub task: Option<Task>,
    /// The token notation (`$VAR`, a placeholder), overriding the request's.
    pub token: Option<String>,
    /// Whether snippets open with their install line (`install=false`: the page
    /// documents installation elsewhere).
    pub install: bool,
}

const KEYS: &[&str] = &[
    "from", "request", "layout", "clients", "id", "task", "token", "labels", "install",
];

/// The labels a page uses for its tabs and blocks, from `labels="name:Label,..."`
/// where a name is a client or a language (`curl` is both).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Labels {
    clients: Vec<(Client, String)>,
    languages: Vec<(Language, String)>,
}

impl Labels {
    /// The label of `client`: the page's, or the client's [id](Client::id).
    pub fn client(&self, client: Client) -> String {
        self.clients
            .iter()
            .find(|(known, _)| *known == client)
            .map_or_else(|| client.to_string(), |(_, label)| label.clone())
    }

    /// The tab id of `language`: the page's, or `curl`, `python`, `javascript`,
    /// `rust` (the ids Hugging Face's pages use).
    pub fn language(&self, language: Language) -> String {
        self.languages
            .iter()
            .find(|(known, _)| *known == language)
            .map_or_else(|| language.tab().to_owned(), |(_, label)| label.clone())
    }

    /// Reads `name:Label,name:Label`.
    fn parse(value: &str) -> Result<Labels, Error> {
        let mut labels = Labels::default();
        for entry in value.split(',') {
            let Some((name, label)) = entry.split_once(':') else {
                return Err(
                    invalid(format!("labels= entry {entry:?} is not name:Label"))
                        .advice("write labels=\"huggingface_hub:Python,curl:cURL\""),
                );
            };
            let (name, label) = (name.trim(), label.trim());
            if label.is_empty() || label.contains(['"', '<', '>', '*', '`', '\n']) {
                return Err(invalid(format!(
                    "label {label:?} must be non-empty, without quotes, angle brackets, * or `"
                )));
            }
            // `openai` labels the client of each language it names.
            let clients = Client::named(name).unwrap_or_default();
            let language = name.parse::<Language>().ok();
            if clients.is_empty() && language.is_none() {
                let known = Client::ALL
                    .iter()
                    .map(|client| client.id())
                    .chain(Language::ALL.iter().map(|language| language.name()));
                let error = invalid(format!(
                    "labels= names {name:?}, neither a client nor a language"
                ));
                return Err(match crate::suggest::closest(name, known, 3) {
                    Some(known) => error.hint(Hint::DidYouMean(known.to_owned())),
                    None => error,
                });
            }
            for client in clients {
                labels.clients.push((client, label.to_owned()));
            }
            if let Some(language) = language {
                labels.languages.push((language, label.to_owned()));
            }
        }
        Ok(labels)
    }
}

/// How a page's markers ask for things: the words of hints about a region.
///
/// # Example
/// ```
/// use inference_snippets::{Client, Hint, docs::MarkerWords};
///
/// assert_eq!(Hint::UseClient(Client::Requests).text(&MarkerWords).unwrap(), "list requests in clients= instead");
/// assert_eq!(Hint::AddTask.text(&MarkerWords).unwrap(), "add task=TASK to the marker");
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct MarkerWords;

impl Words for MarkerWords {
    fn use_client(&self, client: Client) -> String {
        format!("list {client} in clients= instead")
    }

    fn add_task(&self) -> String {
        "add task=TASK to the marker".to_owned()
    }

    fn add_token(&self) -> String {
        "add token=$HF_TOKEN to the marker".to_owned()
    }
}

/// The text between `<!-- snippet` and `-->`, read into a [`Marker`]. Values may be
/// double-quoted. Errors are for the caller to place.
pub(crate) fn parse(attributes: &str) -> Result<Marker, Error> {
    let mut from = None;
    let mut request = None;
    let mut marker = Marker {
        source: Source::Curl,
        layout: Layout::HfOptions,
        clients: None,
        id: String::new(),
        labels: Labels::default(),
        task: None,
        token: None,
        install: true,
    };
    let mut id = None;
    for (key, value) in pairs(attributes)? {
        match key.as_str() {
            "from" => from = Some(value),
            "request" => request = Some(value),
            "layout" => {
                marker.layout = match value.as_str() {
                    "hfoptions" => Layout::HfOptions,
                    "inferencesnippet" => Layout::InferenceSnippet,
                    "fences" => Layout::Fences,
                    "languages" => Layout::Languages,
                    other => {
                        return Err(invalid(format!("unknown layout {other:?}"))
                            .advice("choose hfoptions, languages, inferencesnippet or fences"));
                    }
                }
            }
            "clients" => {
                // `openai` lists the client of each language it names.
                let mut clients = Vec::new();
                for name in value.split(',') {
                    clients.extend(Client::named(name.trim()).map_err(in_marker)?);
                }
                marker.clients = Some(clients);
            }
            "id" => id = Some(value),
            "labels" => marker.labels = Labels::parse(&value)?,
            "task" => marker.task = Some(value.parse::<Task>()?),
            "token" => marker.token = Some(value),
            "install" => {
                marker.install = match value.as_str() {
                    "true" => true,
                    "false" => false,
                    other => {
                        return Err(invalid(format!("install={other} is not true or false")));
                    }
                }
            }
            other => {
                let error = invalid(format!("unknown marker key {other:?}"));
                return Err(
                    match crate::suggest::closest(other, KEYS.iter().copied(), 2) {
                        Some(known) => error.hint(Hint::DidYouMean(format!("{known}="))),
                        None => error.advice(format!("known keys: {}", KEYS.join(", "))),
                    },
                );
            }
        }
    }
    marker.source = match (from.as_deref(), request) {
        (Some(_), Some(_)) => return Err(invalid("give from= or request=, not both".into())),
        (Some("curl"), None) => Source::Curl,
        (Some("spec"), None) => Source::Spec,
        (Some(other), None) => {
            return Err(invalid(format!("unknown source from={other}"))
                .advice("choose from=curl, from=spec or request=PATH"));
        }
        (None, Some(path)) => Source::File(path),
        (None, None) => {
            return Err(Error::new(
                Code::MissingSource,
                "the marker needs a source: from=curl, from=spec or request=PATH",
            ));
        }
    };
    marker.id = id.unwrap_or_else(|| match marker.layout {
        Layout::Languages => "language".to_owned(),
        _ => "client".to_owned(),
    });
    if marker.id.is_empty() || marker.id.contains(['"', '<', '>']) {
        return Err(invalid(format!(
            "id {:?} must be non-empty, without quotes or angle brackets",
            marker.id
        )));
    }
    Ok(marker)
}

/// `key=value` pairs separated by spaces; a value may be `"quoted"`.
fn pairs(text: &str) -> Result<Vec<(String, String)>, Error> {
    let mut pairs = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let Some((key, after)) = rest.split_once('=') else {
            return Err(invalid(format!("{rest:?} is not key=value")));
        };
        let key = key.trim();
        if key.is_empty() || key.contains(char::is_whitespace) {
            return Err(invalid(format!("{key:?} is not key=value")));
        }
        let (value, remaining) = match after.strip_prefix('"') {
            Some(quoted) => match quoted.split_once('"') {
                Some((value, remaining)) => (value, remaining),
                None => return Err(invalid(format!("unterminated quote in {after:?}"))),
            },
            None => after.split_once(char::is_whitespace).unwrap_or((after, "")),
        };
        if pairs.iter().any(|(seen, _)| seen == key) {
            return Err(invalid(format!("{key}= is given twice")));
        }
        pairs.push((key.to_owned(), value.to_owned()));
        rest = remaining.trim_start();
    }
    Ok(pairs)
}

fn invalid(message: String) -> Error {
    Error::new(Code::InvalidMarker, message)
}

/// A name the marker gives that the library does not know (`clients=cobol`): the
/// marker is invalid; the name's hints stay.
fn in_marker(err: Error) -> Error {
    let mut diagnostic = err.into_diagnostic();
    diagnostic.code = Code::InvalidMarker;
    diagnostic.argument = None;
    diagnostic.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        let marker = parse(r#"from=curl layout=fences clients=curl,requests id="my tabs" task=text-classification"#).unwrap();
        assert_eq!(marker.source, Source::Curl);
        assert_eq!(marker.layout, Layout::Fences);
        assert_eq!(marker.clients, Some(vec![Client::Curl, Client::Requests]));
        assert_eq!(marker.id, "my tabs");
        let labelled = parse(r#"from=curl layout=languages labels="curl:cURL,huggingface_hub:Python client,js:JavaScript""#).unwrap();
        assert_eq!(labelled.id, "language");
        assert_eq!(labelled.labels.client(Client::Curl), "cURL");
        assert_eq!(labelled.labels.language(Language::Curl), "cURL");
        assert_eq!(
            labelled.labels.client(Client::HuggingfaceHub),
            "Python client"
        );
        assert_eq!(labelled.labels.client(Client::Requests), "requests");
        assert_eq!(labelled.labels.language(Language::JavaScript), "JavaScript");
        assert_eq!(labelled.labels.language(Language::Python), "python");
        assert_eq!(marker.task, Some(Task::TextClassification));
        assert_eq!(
            parse("request=specs/asr.json").unwrap().source,
            Source::File("specs/asr.json".into())
        );
    }

    #[test]
    fn errors() {
        let cases = [
            ("", "the marker needs a source"),
            (
                "form=curl",
                "unknown marker key \"form\"; did you mean from=?",
            ),
            ("from=curl request=a.json", "not both"),
            ("from=yaml", "unknown source from=yaml"),
            ("from=curl layout=tabs", "unknown layout \"tabs\""),
            ("from=curl clients=curl,cobol", "unknown client \"cobol\""),
            ("from=curl from=spec", "from= is given twice"),
            ("from=curl id=\"open", "unterminated quote"),
            ("from=curl labels=python", "is not name:Label"),
            ("from=curl labels=pyhton:Py", "did you mean python?"),
            (
                "from=curl labels=\"curl:<b>\"",
                "without quotes, angle brackets",
            ),
        ];
        for (text, expected) in cases {
            let message = parse(text).unwrap_err().to_string();
            assert!(message.contains(expected), "{text}: {message}");
        }
    }
}
