//! An OpenAPI Overlay 1.0 document that sets each operation's `x-codeSamples`,
//! leaving the spec untouched: an `update` action per operation, after a `remove`
//! action where the spec has samples already (an update merges, and arrays are not
//! replaced by merging in every tool).

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::document;
use super::drift::{SampleDrift, drift};
use super::samples::{KEY, Samples};
use super::{emit, read_root};
use crate::diagnostic::Code;
use crate::error::Error;

impl Samples {
    /// The overlay as a value.
    pub fn overlay_value(&self) -> Value {
        let info = self.root.get("info");
        let title = info
            .and_then(|info| info.get("title"))
            .and_then(Value::as_str)
            .unwrap_or("the API");
        let version = info
            .and_then(|info| info.get("version"))
            .and_then(Value::as_str)
            .unwrap_or("1");
        let mut actions = Vec::new();
        for entry in self.placed() {
            let target = target(&entry.operation.pointer);
            let has = self
                .root
                .pointer(&entry.operation.pointer)
                .and_then(|operation| operation.get(KEY))
                .is_some();
            if has {
                actions.push(json!({
                    "target": format!("{target}['{KEY}']"),
                    "description": format!("Remove the code samples of {}", entry.operation.label()),
                    "remove": true,
                }));
            }
            let mut update = Map::new();
            update.insert(KEY.to_owned(), entry.to_value());
            actions.push(json!({
                "target": target,
                "description": format!("Code samples of {}", entry.operation.label()),
                "update": update,
            }));
        }
        json!({
            "overlay": "1.0.0",
            "info": {
                "title": format!("Code samples for {title}"),
                "version": version,
            },
            "actions": actions,
        })
    }

    /// The overlay as text: YAML when `yaml`, else JSON (two spaces), ending in a
    /// newline.
    pub fn overlay(&self, yaml: bool) -> String {
        let value = self.overlay_value();
        if yaml {
            let mut out = String::new();
            emit::yaml(&value, 0, &mut out);
            out
        } else {
            let mut out = emit::json(&value, "  ", "");
            out.push('\n');
            out
        }
    }

    /// How the samples of `overlay` (an overlay document's text, named `origin`)
    /// differ from the ones [`overlay`](Samples::overlay) writes: one drift per
    /// operation.
    pub fn overlay_drifts(&self, overlay: &str, origin: &str) -> Result<Vec<SampleDrift>, Error> {
        let (value, format) = read_root(overlay, origin)?;
        let Some(actions) = value.get("actions").and_then(Value::as_array) else {
            return Err(Error::new(
                Code::NotOpenapi,
                "not an OpenAPI Overlay: it has no \"actions\" array",
            )
            .in_source(origin)
            .advice("write it with snippet openapi SPEC --overlay FILE"));
        };
        // Each target's samples in the file, and where its action is.
        let mut found: HashMap<&str, (&Value, usize)> = HashMap::new();
        for (index, action) in actions.iter().enumerate() {
            if let (Some(target), Some(samples)) = (
                action.get("target").and_then(Value::as_str),
                action.get("update").and_then(|update| update.get(KEY)),
            ) {
                found.insert(target, (samples, index));
            }
        }
        let wanted: std::collections::HashSet<String> = (0..actions.len())
            .map(|index| format!("/actions/{index}"))
            .collect();
        let places = document::places(overlay, &value, &format, &wanted);
        let mut drifts = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for entry in self.placed() {
            let target = target(&entry.operation.pointer);
            let expected = entry.to_value();
            let (current, place) = match found.get(target.as_str()) {
                Some((samples, index)) => (
                    Some(*samples),
                    places.get(&format!("/actions/{index}")).copied(),
                ),
                None => (None, None),
            };
            seen.insert(target.clone());
            if current != Some(&expected) {
                drifts.push(drift(
                    &entry.operation.label(),
                    current,
                    &expected,
                    origin,
                    place.or(Some(crate::Place::at(1, 1))),
                ));
            }
        }
        for (target, (samples, index)) in &found {
            if !seen.contains(*target) {
                let place = places.get(&format!("/actions/{index}")).copied();
                drifts.push(drift(
                    &format!("{target} (no such operation)"),
                    Some(samples),
                    &Value::Array(Vec::new()),
                    origin,
                    place,
                ));
            }
        }
        Ok(drifts)
    }
}

/// The JSONPath (RFC 9535) of the node at a JSON Pointer of the document: names as
/// `['...']` selectors, except an operation's method as `.post`.
pub(super) fn target(pointer: &str) -> String {
    let mut out = String::from("$");
    for token in pointer.split('/').skip(1) {
        let name = token.replace("~1", "/").replace("~0", "~");
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase()) {
            out.push('.');
            out.push_str(&name);
        } else {
            out.push_str("['");
            for c in name.chars() {
                match c {
                    '\'' => out.push_str("\\'"),
                    '\\' => out.push_str("\\\\"),
                    c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
                    c => out.push(c),
                }
            }
            out.push_str("']");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn targets_are_jsonpath_name_selectors() {
        assert_eq!(
            super::target("/paths/~1generate/post"),
            "$.paths['/generate'].post"
        );
        assert_eq!(
            super::target("/paths/~1a'b~0c\\d/get"),
            r"$.paths['/a\'b~c\\d'].get"
        );
    }
}
