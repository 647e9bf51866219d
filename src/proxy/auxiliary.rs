//! The answering table: requests a client makes before the call it was asked for
//! (the Hub's provider mapping for `InferenceClient(provider=...)`, its task list),
//! each answered by a rule of its own and recorded as auxiliary, then every other
//! request answered as an inference endpoint would ([`answer`](super::answer)).

use std::fmt;
use std::sync::Arc;

use serde_json::{Map, Value, json};

use super::{Answer, Recorded, answer};
use crate::Task;

/// The Hub's host, where the Hugging Face clients look a model up.
pub const HUB: &str = "huggingface.co";

/// The providers the Hugging Face clients know (huggingface_hub 2.4 and
/// @huggingface/inference 4.13 list the same), `hf-inference` first: the provider
/// `provider="auto"` picks when a client asks the Hub.
pub const PROVIDERS: [&str; 19] = [
    "hf-inference",
    "baseten",
    "cerebras",
    "cohere",
    "deepinfra",
    "fal-ai",
    "featherless-ai",
    "fireworks-ai",
    "groq",
    "novita",
    "nscale",
    "openai",
    "ovhcloud",
    "publicai",
    "replicate",
    "scaleway",
    "together",
    "wavespeed",
    "zai-org",
];

type Respond = dyn Fn(&Recorded, Option<Task>) -> Answer + Send + Sync;

/// One rule of the table: requests with this method, to this host, whose path starts
/// with this prefix, get what `respond` makes of them and the session's task.
#[derive(Clone)]
pub struct Auxiliary {
    method: String,
    host: String,
    path: String,
    respond: Arc<Respond>,
}

impl Auxiliary {
    /// A rule for `method` requests to `host` (any case) whose path (without the query)
    /// starts with `path_prefix`.
    ///
    /// ```
    /// use inference_snippets::proxy::{Answer, Answers, Auxiliary};
    /// use serde_json::json;
    ///
    /// let whoami = Auxiliary::new("GET", "huggingface.co", "/api/whoami-v2", |_, _| {
    ///     Answer::json(&json!({"name": "someone"}))
    /// });
    /// let answers = Answers::default().with(whoami);
    /// # let _ = answers;
    /// ```
    pub fn new(
        method: &str,
        host: &str,
        path_prefix: &str,
        respond: impl Fn(&Recorded, Option<Task>) -> Answer + Send + Sync + 'static,
    ) -> Auxiliary {
        Auxiliary {
            method: method.to_owned(),
            host: host.to_ascii_lowercase(),
            path: path_prefix.to_owned(),
            respond: Arc::new(respond),
        }
    }

    fn matches(&self, recorded: &Recorded) -> bool {
        recorded.method == self.method
            && recorded.host().eq_ignore_ascii_case(&self.host)
            && recorded.path().starts_with(&self.path)
    }
}

impl fmt::Debug for Auxiliary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Auxiliary({} {}{}*)", self.method, self.host, self.path)
    }
}

/// How a proxy answers: the auxiliary rules, tried in order, then the inference
/// answer of the session's task.
#[derive(Clone, Debug)]
pub struct Answers {
    auxiliary: Vec<Auxiliary>,
}

impl Default for Answers {
    /// The Hub's model lookups (with the provider mapping) and task list.
    fn default() -> Answers {
        Answers {
            auxiliary: vec![
                Auxiliary::new("GET", HUB, "/api/models/", model_info),
                Auxiliary::new("GET", HUB, "/api/tasks", tasks),
            ],
        }
    }
}

impl Answers {
    /// No auxiliary rule: every request gets an inference answer.
    pub fn inference_only() -> Answers {
        Answers {
            auxiliary: Vec::new(),
        }
    }

    /// The table with `rule` tried before the rules it has.
    #[must_use]
    pub fn with(mut self, rule: Auxiliary) -> Answers {
        self.auxiliary.insert(0, rule);
        self
    }

    /// The answer to `recorded` in a session of `task`, and whether a rule answered.
    pub fn answer(&self, recorded: &Recorded, task: Option<Task>) -> (Answer, bool) {
        match self.auxiliary.iter().find(|rule| rule.matches(recorded)) {
            Some(rule) => ((rule.respond)(recorded, task), true),
            None => (
                answer(task, recorded.path_and_query(), &recorded.body),
                false,
            ),
        }
    }
}

/// The model's pipeline tag and the task of its provider mapping, for `task`:
/// chat is a `text-generation` model served as `conversational`.
fn tags(task: Option<Task>) -> (&'static str, &'static str) {
    match task {
        None | Some(Task::ChatCompletion) => ("text-generation", "conversational"),
        Some(Task::ImageTextToText) => ("image-text-to-text", "conversational"),
        Some(task) => (task.tag(), task.tag()),
    }
}

/// `GET /api/models/<id>[/revision/<rev>]`: the model, with the session's task as
/// its pipeline tag and every provider serving it live under its own id.
fn model_info(recorded: &Recorded, task: Option<Task>) -> Answer {
    let rest = recorded.path().trim_start_matches("/api/models/");
    let id = rest
        .split("/revision/")
        .next()
        .unwrap_or(rest)
        .trim_end_matches('/');
    let (pipeline_tag, mapped) = tags(task);
    let mut tags = vec![pipeline_tag];
    // huggingface_hub accepts either for the other only when the model says both.
    if matches!(pipeline_tag, "feature-extraction" | "sentence-similarity") {
        tags = vec!["feature-extraction", "sentence-similarity"];
    }
    let mapping: Map<String, Value> = PROVIDERS
        .iter()
        .map(|provider| {
            let entry = json!({"status": "live", "providerId": id, "task": mapped});
            ((*provider).to_owned(), entry)
        })
        .collect();
    Answer::json(&json!({
        "_id": "000000000000000000000000",
        "id": id,
        "modelId": id,
        "private": false,
        "pipeline_tag": pipeline_tag,
        "tags": tags,
        "inferenceProviderMapping": mapping,
    }))
}

/// `GET /api/tasks`: the session's task with one recommended model (what
/// huggingface_hub calls when no model is given).
fn tasks(_: &Recorded, task: Option<Task>) -> Answer {
    let (pipeline_tag, _) = tags(task);
    Answer::json(&json!({
        pipeline_tag: {"id": pipeline_tag, "widgetModels": [format!("example/{pipeline_tag}")]},
    }))
}
