//! A diagnostic as JSON data: what `snippet --message-format json` prints and what
//! the packages' diagnostics and errors carry, so that every front end gives the
//! same keys.

use serde_json::{Map, Value};

use super::{Code, Diagnostic, Field, Words};

/// Where every code is explained: `ERRORS.md` in the repository (Cargo.toml's
/// `repository`), each code under an anchor of its name. The one base of
/// [`Code::doc_url`].
pub const ERRORS_URL: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/blob/main/ERRORS.md");

impl Code {
    /// Where the code is explained: [`ERRORS_URL`] and the code's name as the anchor.
    ///
    /// # Example
    /// ```
    /// use inference_snippets::Code;
    ///
    /// assert!(Code::UnknownKey.doc_url().ends_with("/ERRORS.md#unknown-key"));
    /// ```
    pub fn doc_url(self) -> String {
        format!("{ERRORS_URL}#{}", self.name())
    }
}

impl Field {
    /// What part of the request it is, as the JSON spec names it: `url`, `method`,
    /// `header`, `token`, `content_type`, `file`, `part`, `body`, `json` (a value
    /// in a JSON body), `connection`.
    pub fn kind(&self) -> &'static str {
        match self {
            Field::Url => "url",
            Field::Method => "method",
            Field::Header(_) => "header",
            Field::Token => "token",
            Field::ContentType => "content_type",
            Field::File => "file",
            Field::Part(_) => "part",
            Field::Body => "body",
            Field::Json(_) => "json",
            Field::Connection => "connection",
        }
    }

    /// The field as JSON: its `kind`, with the `name` of a header or a part, or the
    /// `pointer` (RFC 6901) of a value in a JSON body.
    ///
    /// # Example
    /// ```
    /// use inference_snippets::Field;
    /// use serde_json::json;
    ///
    /// assert_eq!(Field::Header("X-Key".into()).to_json(), json!({"kind": "header", "name": "X-Key"}));
    /// assert_eq!(Field::Json("/inputs/0".into()).to_json(), json!({"kind": "json", "pointer": "/inputs/0"}));
    /// assert_eq!(Field::Url.to_json(), json!({"kind": "url"}));
    /// ```
    pub fn to_json(&self) -> Value {
        let mut object = Map::new();
        object.insert("kind".into(), self.kind().into());
        match self {
            Field::Header(name) | Field::Part(name) => {
                object.insert("name".into(), name.clone().into());
            }
            Field::Json(pointer) => {
                object.insert("pointer".into(), pointer.clone().into());
            }
            _ => {}
        }
        Value::Object(object)
    }
}

impl Diagnostic {
    /// The diagnostic as JSON data, its hints in `words`: `severity`, `code` and
    /// `message`; `file`, `line` and `column` when the input and the place are
    /// known; `field` ([`Field::to_json`]) when it is about one; `hint`, every hint
    /// joined by `; `, when there is one; `hints`, the list of them; and `url`, where
    /// the code is explained ([`Code::doc_url`]).
    ///
    /// # Example
    /// ```
    /// use inference_snippets::{LibraryWords, parse_spec};
    ///
    /// let error = parse_spec(r#"{"url": "https://x.cloud", "jsn": {}}"#, "spec.json").unwrap_err();
    /// let json = error.diagnostic().to_json(&LibraryWords);
    /// assert_eq!(json["code"], "unknown-key");
    /// assert_eq!((&json["line"], &json["column"]), (&1.into(), &28.into()));
    /// assert_eq!(json["hints"], serde_json::json!([r#"did you mean "json"?"#]));
    /// assert!(json["url"].as_str().unwrap().ends_with("ERRORS.md#unknown-key"));
    /// ```
    pub fn to_json(&self, words: &dyn Words) -> Value {
        let mut object = Map::new();
        object.insert("severity".into(), self.severity.name().into());
        object.insert("code".into(), self.code.name().into());
        object.insert("message".into(), self.message.clone().into());
        if let Some(source) = &self.source {
            object.insert("file".into(), source.clone().into());
        }
        if let Some(place) = self.place {
            object.insert("line".into(), place.line.into());
            object.insert("column".into(), place.column.into());
        }
        let hints: Vec<String> = self
            .hints
            .iter()
            .filter_map(|hint| hint.text(words))
            .collect();
        if !hints.is_empty() {
            object.insert("hint".into(), hints.join("; ").into());
        }
        if let Some(field) = &self.field {
            object.insert("field".into(), field.to_json());
        }
        object.insert("hints".into(), hints.into());
        object.insert("url".into(), self.code.doc_url().into());
        Value::Object(object)
    }
}
