//! One operation as a [`Request`]: the server's URL and the path with its parameters,
//! the required query, header and cookie parameters, the credentials, the body, the
//! task its route or `x-inference-task` names.

use serde_json::Value;

use super::body::body;
use super::document::escape;
use super::refs::Refs;
use super::sample::given;
use super::security::auth;
use super::{OpenApiOptions, Problem, encode};
use crate::Task;
use crate::diagnostic::{Field, Hint};
use crate::model::{Request, Token};
use crate::text::{Segment, Text, Var};

/// What every operation of a document is built with.
pub(super) struct Context<'r, 'a> {
    pub(super) refs: &'r Refs<'a>,
    pub(super) options: &'r OpenApiOptions,
}

/// The variable a URL starts with when the document gives no absolute server URL.
pub(super) const ENDPOINT_VAR: &str = "ENDPOINT_URL";

/// Where an operation is: its path, the path item and the operation, each with its
/// JSON Pointer.
pub(super) struct Site<'a> {
    pub(super) path: &'a str,
    pub(super) item: &'a Value,
    pub(super) item_at: &'a str,
    pub(super) method: &'a str,
    pub(super) operation: &'a Value,
    pub(super) at: &'a str,
}

/// One parameter, resolved.
struct Parameter {
    name: String,
    place: String,
    required: bool,
    value: Option<Value>,
    explode: bool,
    at: String,
}

impl Context<'_, '_> {
    /// The request the operation describes, and whether its server URL is relative.
    pub(super) fn request(&self, site: &Site<'_>) -> Result<(Request, bool), Problem> {
        let (mut url, relative) = self.base(site)?;
        let parameters = self.parameters(site)?;
        let find = |name: &str, place: &str| {
            parameters
                .iter()
                .find(|parameter| parameter.name == name && parameter.place == place)
        };
        push_path(&mut url, site.path, |name| find(name, "path"))?;
        let auth = auth(
            self.refs,
            site.operation,
            site.at,
            self.options.token_env.as_deref(),
        )?;
        let mut query: Vec<(String, Text)> = Vec::new();
        let mut headers: Vec<(String, Text)> = Vec::new();
        let mut cookies: Vec<(String, Text)> = Vec::new();
        for parameter in parameters.iter().filter(|parameter| parameter.required) {
            let values = parameter.texts()?;
            let name = parameter.name.clone();
            match parameter.place.as_str() {
                "query" => query.extend(values.into_iter().map(|value| (name.clone(), value))),
                "header" => {
                    // OpenAPI ignores these: the media types and security say them.
                    let ignored = ["accept", "content-type", "authorization"];
                    if !ignored.contains(&name.to_ascii_lowercase().as_str()) {
                        headers.push((name, join(values, ",")));
                    }
                }
                "cookie" => cookies.push((name, join(values, ","))),
                _ => {}
            }
        }
        query.extend(auth.query);
        headers.extend(auth.headers);
        cookies.extend(auth.cookies);
        // A path may hold a query of its own (`/responses/{id}?beta=true`).
        let mut separator = if site.path.contains('?') { "&" } else { "?" };
        for (name, value) in query {
            url.push_str(separator);
            separator = "&";
            url.push_str(&encode::query(&name));
            url.push_str("=");
            url.extend(value);
        }
        let mut request = Request::new(url).token(auth.token.unwrap_or(Token::None));
        request.headers = headers;
        if !cookies.is_empty() {
            let pairs = cookies.into_iter().map(|(name, value)| {
                let mut pair = Text::from(format!("{name}=").as_str());
                pair.extend(value);
                pair
            });
            request
                .headers
                .push(("Cookie".to_owned(), join(pairs.collect(), "; ")));
        }
        if let Some(described) = site.operation.get("requestBody") {
            let body_at = format!("{}/requestBody", site.at);
            let example = self.options.example.as_deref();
            if let Some(body) = body(self.refs, described, &body_at, example)? {
                request.payload = body.payload;
                if let Some(content_type) = body.content_type {
                    request.headers.insert(
                        0,
                        ("Content-Type".to_owned(), Text::from(content_type.as_str())),
                    );
                }
            }
        }
        let method = site.method.to_ascii_uppercase();
        if request.method() != method {
            request.method = Some(method);
        }
        request.task = task(site)?;
        request.validate().map_err(|error| {
            let diagnostic = error.into_diagnostic();
            let mut problem =
                Problem::new(site.at.to_owned(), diagnostic.message).code(diagnostic.code);
            problem.field = diagnostic.field;
            problem.hints = diagnostic.hints;
            problem
        })?;
        Ok((request, relative))
    }

    /// The server URL: the option's, else the operation's, the path's or the
    /// document's first, its variables at their defaults; a relative one is read
    /// from `ENDPOINT_URL`.
    fn base(&self, site: &Site<'_>) -> Result<(Text, bool), Problem> {
        if let Some(server) = &self.options.server {
            return Ok((Text::from(server.trim_end_matches('/')), false));
        }
        let candidates = [
            (
                site.operation.get("servers"),
                format!("{}/servers", site.at),
            ),
            (
                site.item.get("servers"),
                format!("{}/servers", site.item_at),
            ),
            (self.refs.root.get("servers"), "/servers".to_owned()),
        ];
        let found = candidates
            .into_iter()
            .find_map(|(servers, at)| Some((servers?.get(0)?, format!("{at}/0"))));
        let Some((server, at)) = found else {
            return Ok((Text::var(Var::new(ENDPOINT_VAR)), true));
        };
        let Some(template) = server.get("url").and_then(Value::as_str) else {
            return Err(Problem::new(at, "a server needs a url").about(Field::Url));
        };
        let mut url = String::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|close| open + close) else {
                break;
            };
            let name = &rest[open + 1..close];
            let default = server
                .pointer(&format!("/variables/{}/default", escape(name)))
                .and_then(Value::as_str);
            let Some(default) = default else {
                return Err(Problem::new(
                    format!("{at}/url"),
                    format!("server variable {name:?} has no default"),
                )
                .about(Field::Url));
            };
            url.push_str(&rest[..open]);
            url.push_str(default);
            rest = &rest[close + 1..];
        }
        url.push_str(rest);
        let url = url.trim_end_matches('/');
        if url.starts_with("http://") || url.starts_with("https://") {
            return Ok((Text::from(url), false));
        }
        let mut relative = Text::var(Var::new(ENDPOINT_VAR));
        relative.push_str(url.strip_prefix('.').unwrap_or(url));
        Ok((relative, true))
    }

    /// The path item's parameters, those of the operation replacing those of the same
    /// name and place.
    fn parameters(&self, site: &Site<'_>) -> Result<Vec<Parameter>, Problem> {
        let mut found: Vec<Parameter> = Vec::new();
        for (owner, owner_at) in [(site.item, site.item_at), (site.operation, site.at)] {
            let Some(list) = owner.get("parameters").and_then(Value::as_array) else {
                continue;
            };
            for (index, parameter) in list.iter().enumerate() {
                let at = format!("{owner_at}/parameters/{index}");
                let resolved = self.refs.resolve(parameter, &at)?;
                let parameter = self.parameter(resolved.value, resolved.pointer)?;
                found.retain(|old| (&old.name, &old.place) != (&parameter.name, &parameter.place));
                found.push(parameter);
            }
        }
        Ok(found)
    }

    /// One parameter and the value its example, examples or schema give.
    fn parameter(&self, parameter: &Value, at: String) -> Result<Parameter, Problem> {
        let text = |key: &str| {
            parameter
                .get(key)
                .and_then(Value::as_str)
                .map(str::to_owned)
        };
        let (Some(name), Some(place)) = (text("name"), text("in")) else {
            return Err(Problem::new(at, "a parameter needs a name and an in"));
        };
        let mut value = parameter.get("example").cloned();
        if value.is_none()
            && let Some((key, example)) = parameter
                .get("examples")
                .and_then(Value::as_object)
                .and_then(|examples| examples.iter().next())
        {
            let example_at = format!("{at}/examples/{}", escape(key));
            value = self
                .refs
                .resolve(example, &example_at)?
                .value
                .get("value")
                .cloned();
        }
        if value.is_none()
            && let Some(schema) = parameter.get("schema")
        {
            let schema = self.refs.resolve(schema, &format!("{at}/schema"))?;
            value = given(schema.value).cloned();
        }
        if value.is_none() {
            value = parameter
                .get("content")
                .and_then(Value::as_object)
                .and_then(|content| content.values().next())
                .and_then(|media| media.get("example"))
                .cloned();
        }
        let required = place == "path" || parameter.get("required") == Some(&Value::Bool(true));
        let explode = match parameter.get("explode") {
            Some(Value::Bool(explode)) => *explode,
            _ => parameter.get("style").is_none_or(|style| style == "form") && place != "header",
        };
        Ok(Parameter {
            name,
            place,
            required,
            value,
            explode,
            at,
        })
    }
}

impl Parameter {
    /// The texts the parameter sends: one per item of an exploded query array, else
    /// one; a placeholder `{name}` when nothing gives a value.
    fn texts(&self) -> Result<Vec<Text>, Problem> {
        let literal = |value: &Value| match value {
            Value::String(text) => Ok(text.clone()),
            Value::Number(_) | Value::Bool(_) => Ok(value.to_string()),
            Value::Null => Ok(String::new()),
            _ => Err(Problem::new(
                self.at.clone(),
                format!("parameter {:?}: an object value is not read", self.name),
            )
            .advice("give the parameter a scalar or array example")),
        };
        let encoded = |text: &str| match self.place.as_str() {
            "query" => encode::query(text),
            "path" => encode::path(text),
            _ => text.to_owned(),
        };
        let Some(value) = &self.value else {
            let mut text = Text::new();
            text.push(Segment::Placeholder(format!("{{{}}}", self.name)));
            return Ok(vec![text]);
        };
        let items = match value {
            Value::Array(items) => items.iter().map(literal).collect::<Result<Vec<_>, _>>()?,
            other => vec![literal(other)?],
        };
        if self.place == "query" && self.explode && matches!(value, Value::Array(_)) {
            return Ok(items
                .iter()
                .map(|item| Text::from(encoded(item).as_str()))
                .collect());
        }
        let joined: Vec<String> = items.iter().map(|item| encoded(item)).collect();
        Ok(vec![Text::from(joined.join(",").as_str())])
    }
}

/// Appends the path template, each `{name}` replaced by its parameter's value.
fn push_path<'p>(
    url: &mut Text,
    path: &str,
    find: impl Fn(&str) -> Option<&'p Parameter>,
) -> Result<(), Problem> {
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|close| open + close) else {
            break;
        };
        url.push_str(&rest[..open]);
        let name = &rest[open + 1..close];
        match find(name) {
            Some(parameter) => url.extend(join(parameter.texts()?, ",")),
            None => url.push(Segment::Placeholder(format!("{{{name}}}"))),
        }
        rest = &rest[close + 1..];
    }
    url.push_str(rest);
    Ok(())
}

fn join(texts: Vec<Text>, separator: &str) -> Text {
    let mut joined = Text::new();
    for (index, text) in texts.into_iter().enumerate() {
        if index > 0 {
            joined.push_str(separator);
        }
        joined.extend(text);
    }
    joined
}

/// The routes whose task is known whatever the server: text-generation-inference's,
/// text-embeddings-inference's and the OpenAI-shaped ones.
const ROUTES: &[(&str, Task)] = &[
    ("/generate", Task::TextGeneration),
    ("/generate_stream", Task::TextGeneration),
    ("/chat/completions", Task::ChatCompletion),
    ("/completions", Task::TextGeneration),
    ("/embeddings", Task::FeatureExtraction),
    ("/embed", Task::FeatureExtraction),
    ("/similarity", Task::SentenceSimilarity),
    ("/predict", Task::TextClassification),
];

/// The task `x-inference-task` names, else the route's (for a POST).
fn task(site: &Site<'_>) -> Result<Option<Task>, Problem> {
    if let Some(named) = site.operation.get("x-inference-task") {
        let at = format!("{}/x-inference-task", site.at);
        let Some(name) = named.as_str() else {
            return Err(Problem::new(
                at,
                "x-inference-task must be a pipeline tag such as \"text-generation\"",
            ));
        };
        return match name.parse::<Task>() {
            Ok(task) => Ok(Some(task)),
            Err(_) => {
                let problem = Problem::new(at, format!("unknown task {name:?}"));
                Ok(Err(match Task::closest(name) {
                    Some(tag) => problem.hint(Hint::DidYouMean(format!("{tag:?}"))),
                    None => problem,
                })?)
            }
        };
    }
    if !site.method.eq_ignore_ascii_case("post") {
        return Ok(None);
    }
    let path = site.path.trim_end_matches('/');
    Ok(ROUTES
        .iter()
        .find(|(route, _)| path.ends_with(route))
        .map(|(_, task)| *task))
}
