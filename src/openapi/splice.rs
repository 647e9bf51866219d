//! The spec itself with each operation's `x-codeSamples` set, and nothing else
//! changed: the new value is spliced into the text (JSON: the member's value
//! replaced, or a member added after the operation's last, at its indentation;
//! YAML: the member's lines replaced, or added after the operation's last member's
//! lines). The result is read back and must be the document with only the samples
//! changed; when it is not (a flow mapping, an unusual layout), the document is
//! refused with the reason, never written half right.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde_json::Value;

use super::document::{self, Format, container_end, escape, string_end};
use super::emit;
use super::samples::{KEY, OperationSamples, Samples};
use crate::diagnostic::Code;
use crate::error::Error;

/// Text to put in place of a range of the document.
type Edit = (Range<usize>, String);

impl Samples {
    /// The document with the samples written into each operation's `x-codeSamples`.
    ///
    /// Fails, saying why, when the samples cannot be written without changing
    /// anything else: then write an overlay instead.
    pub fn written(&self) -> Result<String, Error> {
        let bom = if self.text.starts_with('\u{feff}') {
            "\u{feff}"
        } else {
            ""
        };
        let text = &self.text[bom.len()..];
        let placed: Vec<&OperationSamples> = self.placed().collect();
        let edits = match &self.format {
            Format::Json => json_edits(text, &placed),
            Format::Yaml(_) => yaml_edits(text, &self.root, &self.format, &placed)
                .map_err(|reason| self.refusal(&reason))?,
        };
        // What is added ends its lines as the document's do.
        let edits: Vec<Edit> = if text.contains("\r\n") {
            edits
                .into_iter()
                .map(|(range, new)| (range, new.replace('\n', "\r\n")))
                .collect()
        } else {
            edits
        };
        let mut out =
            String::with_capacity(text.len() + edits.iter().map(|e| e.1.len()).sum::<usize>());
        out.push_str(bom);
        let mut copied = 0;
        for (range, new) in &edits {
            out.push_str(&text[copied..range.start]);
            out.push_str(new);
            copied = range.end;
        }
        out.push_str(&text[copied..]);
        // The proof: read back, the document is the old one with the samples set.
        let mut expected = self.root.clone();
        for entry in &placed {
            if let Some(Value::Object(operation)) = expected.pointer_mut(&entry.operation.pointer) {
                operation.insert(KEY.to_owned(), entry.to_value());
            }
        }
        match document::read(&out) {
            Ok((back, _)) if back == expected => Ok(out),
            _ => Err(self.refusal("the text written back would not read as the same document with only the samples changed")),
        }
    }

    fn refusal(&self, reason: &str) -> Error {
        Error::new(
            Code::SamplesNotWritten,
            format!("cannot write x-codeSamples into this document without changing anything else: {reason}"),
        )
        .in_source(&self.origin)
        .advice("write an overlay instead: snippet openapi SPEC --overlay FILE")
    }
}

/// Where an object of a JSON text is, and its members.
#[derive(Debug, Default)]
struct ObjectSpan {
    open: usize,
    close: usize,
    members: Vec<Member>,
}

#[derive(Debug)]
struct Member {
    name: String,
    key: usize,
    value: Range<usize>,
}

/// The edits of a JSON text.
fn json_edits(text: &str, placed: &[&OperationSamples]) -> Vec<Edit> {
    let wanted: HashSet<String> = placed.iter().map(|e| e.operation.pointer.clone()).collect();
    let spans = json_objects(text, &wanted);
    let mut edits = Vec::new();
    for entry in placed {
        let Some(span) = spans.get(&entry.operation.pointer) else {
            continue;
        };
        let value = entry.to_value();
        let outer = line_indent(text, span.open);
        match span
            .members
            .iter()
            .find(|m| m.name == KEY)
            .or(span.members.last())
        {
            Some(member) => {
                let indent = own_line_indent(text, member.key);
                let unit = indent
                    .and_then(|indent| indent.strip_prefix(outer))
                    .filter(|unit| !unit.is_empty())
                    .unwrap_or("  ");
                let written = match indent {
                    Some(indent) => emit::json(&value, unit, indent),
                    None => serde_json::to_string(&value).unwrap_or_default(),
                };
                if member.name == KEY {
                    edits.push((member.value.clone(), written));
                } else {
                    let member_text = match indent {
                        Some(indent) => format!(",\n{indent}\"{KEY}\": {written}"),
                        // One line: the member written as the others are, `"a": 1` or `"a":1`.
                        None if text[member.key..member.value.start].contains(": ") => {
                            format!(", \"{KEY}\": {written}")
                        }
                        None => format!(",\"{KEY}\":{written}"),
                    };
                    edits.push((member.value.end..member.value.end, member_text));
                }
            }
            None => {
                let inner = format!("{outer}  ");
                let written = emit::json(&value, "  ", &inner);
                edits.push((
                    span.open..span.close + 1,
                    format!("{{\n{inner}\"{KEY}\": {written}\n{outer}}}"),
                ));
            }
        }
    }
    edits.sort_by_key(|(range, _)| range.start);
    edits
}

/// The whitespace that starts the line of `at`.
fn line_indent(text: &str, at: usize) -> &str {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[start..];
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

/// The indentation of `at` when only whitespace is before it on its line.
fn own_line_indent(text: &str, at: usize) -> Option<&str> {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[start..at];
    before
        .chars()
        .all(|c| c == ' ' || c == '\t')
        .then_some(before)
}

/// The spans of the objects at `wanted` pointers of a valid JSON text, in one walk
/// that skips every container no wanted pointer is in.
fn json_objects(text: &str, wanted: &HashSet<String>) -> HashMap<String, ObjectSpan> {
    let mut entered: HashSet<&str> = HashSet::new();
    for pointer in wanted {
        entered.insert(pointer);
        entered.extend(pointer.match_indices('/').map(|(at, _)| &pointer[..at]));
    }
    let mut walk = JsonWalk {
        bytes: text.as_bytes(),
        text,
        wanted,
        entered,
        found: HashMap::new(),
    };
    let mut pointer = String::new();
    let start = skip_space(walk.bytes, 0);
    walk.value(start, &mut pointer);
    walk.found
}

struct JsonWalk<'a> {
    bytes: &'a [u8],
    text: &'a str,
    wanted: &'a HashSet<String>,
    entered: HashSet<&'a str>,
    found: HashMap<String, ObjectSpan>,
}

impl JsonWalk<'_> {
    /// Walks the value at `at`; the offset past it.
    fn value(&mut self, at: usize, pointer: &mut String) -> usize {
        match self.bytes.get(at) {
            Some(b'{') if self.entered.contains(pointer.as_str()) => self.object(at, pointer),
            Some(b'[') if self.entered.contains(pointer.as_str()) => self.array(at, pointer),
            Some(b'{' | b'[') => container_end(self.bytes, at),
            Some(b'"') => string_end(self.bytes, at),
            _ => {
                let mut end = at;
                while end < self.bytes.len() && !b",}] \t\r\n".contains(&self.bytes[end]) {
                    end += 1;
                }
                end
            }
        }
    }

    fn object(&mut self, open: usize, pointer: &mut String) -> usize {
        let keep = self.wanted.contains(pointer.as_str());
        let mut span = ObjectSpan {
            open,
            ..ObjectSpan::default()
        };
        let base = pointer.len();
        let mut at = skip_space(self.bytes, open + 1);
        while at < self.bytes.len() && self.bytes[at] != b'}' {
            let key = at;
            let key_end = string_end(self.bytes, key);
            let raw = &self.text[key..key_end];
            let name = serde_json::from_str::<String>(raw).unwrap_or_default();
            at = skip_space(self.bytes, key_end);
            at = skip_space(self.bytes, at + 1); // the colon
            pointer.push('/');
            pointer.push_str(&escape(&name));
            let end = self.value(at, pointer);
            pointer.truncate(base);
            if keep {
                span.members.push(Member {
                    name,
                    key,
                    value: at..end,
                });
            }
            at = skip_space(self.bytes, end);
            if self.bytes.get(at) == Some(&b',') {
                at = skip_space(self.bytes, at + 1);
            }
        }
        span.close = at;
        if keep {
            self.found.insert(pointer.clone(), span);
        }
        at + 1
    }

    fn array(&mut self, open: usize, pointer: &mut String) -> usize {
        let base = pointer.len();
        let mut at = skip_space(self.bytes, open + 1);
        let mut index = 0;
        while at < self.bytes.len() && self.bytes[at] != b']' {
            pointer.push('/');
            pointer.push_str(&index.to_string());
            let end = self.value(at, pointer);
            pointer.truncate(base);
            index += 1;
            at = skip_space(self.bytes, end);
            if self.bytes.get(at) == Some(&b',') {
                at = skip_space(self.bytes, at + 1);
            }
        }
        at + 1
    }
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && b" \t\r\n".contains(&bytes[at]) {
        at += 1;
    }
    at
}

/// The edits of a YAML text: each operation must be a block mapping whose members
/// start their lines.
fn yaml_edits(
    text: &str,
    root: &Value,
    format: &Format,
    placed: &[&OperationSamples],
) -> Result<Vec<Edit>, String> {
    let mut wanted = HashSet::new();
    for entry in placed {
        let pointer = &entry.operation.pointer;
        if let Some(Value::Object(operation)) = root.pointer(pointer) {
            for key in operation.keys() {
                wanted.insert(format!("{pointer}/{}", escape(key)));
            }
        }
    }
    let places = document::places(text, root, format, &wanted);
    let mut edits = Vec::new();
    for entry in placed {
        let pointer = &entry.operation.pointer;
        let label = entry.operation.label();
        let Some(Value::Object(operation)) = root.pointer(pointer) else {
            return Err(format!("{label} is not a mapping"));
        };
        let mut keys = Vec::new();
        for key in operation.keys() {
            let at = places
                .get(&format!("{pointer}/{}", escape(key)))
                .map(|place| place.start)
                .ok_or_else(|| format!("{label}: where {key} is written is unknown"))?;
            keys.push((key.as_str(), at));
        }
        // An alias's members are placed at the alias, all at one offset.
        let Some(&(_, first)) = keys.first() else {
            return Err(format!("{label} has no members to write beside"));
        };
        let indent = own_line_indent(text, first)
            .filter(|indent| !indent.contains('\t'))
            .ok_or_else(|| format!("{label} is a flow mapping ({{...}}), not one member a line"))?;
        for (key, at) in &keys {
            if own_line_indent(text, *at) != Some(indent) {
                return Err(format!(
                    "{label}: {key} does not start its line at the operation's indentation"
                ));
            }
        }
        let mut block = String::new();
        let mut member = serde_json::Map::new();
        member.insert(KEY.to_owned(), entry.to_value());
        emit::yaml(&Value::Object(member), indent.len(), &mut block);
        let existing = keys.iter().position(|(key, _)| *key == KEY);
        let (range, block) = match existing {
            Some(index) => {
                let start = line_start(text, keys[index].1);
                let end = match keys.get(index + 1) {
                    Some(&(_, next)) => line_start(text, next),
                    None => block_end(text, start, indent.len()),
                };
                (start..end, block)
            }
            None => {
                let last = line_start(text, keys[keys.len() - 1].1);
                let end = block_end(text, last, indent.len());
                let block = if end == text.len() && !text.ends_with('\n') {
                    format!("\n{}", block.trim_end_matches('\n'))
                } else {
                    block
                };
                (end..end, block)
            }
        };
        edits.push((range, block));
    }
    edits.sort_by_key(|(range, _)| range.start);
    if edits.windows(2).any(|pair| pair[0].0.end > pair[1].0.start) {
        return Err("two operations' members share lines".to_owned());
    }
    Ok(edits)
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// The end of the member whose line starts at `start` (its key at column `indent`):
/// past its last line that is indented deeper, blank lines after it left out.
fn block_end(text: &str, start: usize, indent: usize) -> usize {
    let mut end = text[start..]
        .find('\n')
        .map_or(text.len(), |i| start + i + 1);
    let mut at = end;
    while at < text.len() {
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let line = &text[at..line_end];
        let content = line.trim_start_matches(' ');
        if content.trim().is_empty() {
            at = line_end;
            continue;
        }
        if line.len() - content.len() <= indent {
            break;
        }
        at = line_end;
        end = line_end;
    }
    end
}

#[cfg(test)]
mod tests {
    use crate::{SampleOptions, openapi_samples};

    const OPERATION: &str = "\"requestBody\": {\"content\": {\"application/json\": {\"example\": {\"inputs\": \"Hi\"}}}}";

    fn written(text: &str) -> String {
        let options = SampleOptions {
            clients: vec![crate::Client::Curl],
            ..SampleOptions::default()
        };
        let samples = openapi_samples(text, "t", &options).unwrap();
        let out = samples.written().unwrap_or_else(|err| panic!("{err}"));
        // Written twice, nothing changes.
        let again = openapi_samples(&out, "t", &options).unwrap();
        assert!(again.drifts().is_empty());
        assert_eq!(again.written().unwrap(), out);
        out
    }

    #[test]
    fn json_keeps_order_and_indentation_and_adds_after_the_last_member() {
        let text = format!(
            "{{\n    \"openapi\": \"3.1.0\",\n    \"info\": {{\"title\": \"t\", \"version\": \"1\"}},\n    \"servers\": [{{\"url\": \"https://h.example\"}}],\n    \"paths\": {{\n        \"/generate\": {{\n            \"post\": {{\n                {OPERATION}\n            }}\n        }}\n    }}\n}}\n"
        );
        let out = written(&text);
        assert!(
            out.contains("}}},\n                \"x-codeSamples\": [\n                    {\n                        \"lang\": \"Shell\","),
            "{out}"
        );
        assert!(out.starts_with("{\n    \"openapi\": \"3.1.0\",\n    \"info\": {\"title\": \"t\", \"version\": \"1\"},\n"));
        let compact = text.replace(['\n', ' '], "").replace("\"Hi\"", "\"H i\"");
        let out = written(&compact);
        assert!(
            out.contains("}}},\"x-codeSamples\":[{\"lang\":\"Shell\""),
            "{out}"
        );
    }

    #[test]
    fn yaml_keeps_every_other_byte() {
        let text = "openapi: 3.1.0 # the version\ninfo: {title: t, version: '1'}\nservers:\n  - url: https://h.example\npaths:\n  /generate:\n    post:\n      requestBody:\n        content:\n          application/json:\n            example: {inputs: Hi}\n\n  # the next one\n  /embed:\n    post:\n      x-codeSamples:\n        - {lang: old, source: old}\n      requestBody:\n        content:\n          application/json:\n            example:\n              inputs: Hi\n";
        let out = written(text);
        assert!(out.starts_with("openapi: 3.1.0 # the version\ninfo: {title: t, version: '1'}\n"));
        assert!(
            out.contains("            example: {inputs: Hi}\n      x-codeSamples:\n        - lang: Shell\n          label: curl\n          source: |\n            curl "),
            "{out}"
        );
        assert!(out.contains("\n\n  # the next one\n  /embed:\n    post:\n      x-codeSamples:\n        - lang: Shell\n"), "{out}");
        assert!(!out.contains("old"));
        // Windows line ends: what is added ends its lines alike.
        let out = written(&text.replace('\n', "\r\n"));
        assert!(!out.replace("\r\n", "").contains('\n'), "{out:?}");
        assert!(out.contains("Hi}\r\n      x-codeSamples:\r\n        - lang: Shell\r\n"));
    }

    #[test]
    fn yaml_flow_operations_are_refused_with_the_reason() {
        let text = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\nservers: [{url: 'https://h.example'}]\npaths:\n  /generate:\n    post: {requestBody: {content: {application/json: {example: {inputs: Hi}}}}}\n";
        let options = SampleOptions::default();
        let samples = openapi_samples(text, "t.yaml", &options).unwrap();
        let err = samples.written().unwrap_err();
        assert!(err.to_string().contains("flow mapping"), "{err}");
        // The overlay is the way out.
        assert!(
            samples
                .overlay(true)
                .contains("target: $.paths['/generate'].post\n")
        );
    }
}
