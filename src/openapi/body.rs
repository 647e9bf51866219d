//! An operation's request body: the media type's example (the named one, else the
//! first), else a value built from its schema, sent as its media type says: JSON,
//! text, a form, a multipart form whose files are sample files, or a file's bytes.

use serde_json::{Map, Value};

use super::document::escape;
use super::refs::Refs;
use super::sample::{Sampler, types};
use super::{Problem, encode};
use crate::diagnostic::{Code, Field};
use crate::mime;
use crate::model::{FileBytes, Part, PartContent, Payload};
use crate::text::Text;

/// A body and the Content-Type header it needs beside the payload's own.
pub(super) struct Body {
    pub(super) payload: Payload,
    pub(super) content_type: Option<String>,
}

/// The body the request body at `pointer` describes; `example` names the example
/// to take among several. An optional body with nothing to build it from is left
/// out (the operation is sent without one, as the document allows); a broken
/// `$ref` is reported all the same.
pub(super) fn body(
    refs: &Refs<'_>,
    body: &Value,
    pointer: &str,
    example: Option<&str>,
) -> Result<Option<Body>, Problem> {
    let resolved = refs.resolve(body, pointer)?;
    let required = resolved.value.get("required") == Some(&Value::Bool(true));
    match described(refs, resolved.value, &resolved.pointer, example) {
        Err(problem) if !required && problem.code == Code::OperationLeftOut => Ok(None),
        built => built,
    }
}

/// The body of a request body object.
fn described(
    refs: &Refs<'_>,
    body: &Value,
    pointer: &str,
    example: Option<&str>,
) -> Result<Option<Body>, Problem> {
    let at = format!("{pointer}/content");
    let Some(content) = body.get("content").and_then(Value::as_object) else {
        return Ok(None);
    };
    let Some((media, item)) = content
        .iter()
        .find(|(media, _)| is_json(media))
        .or_else(|| content.iter().next())
    else {
        return Ok(None);
    };
    let at = format!("{at}/{}", escape(media));
    let media = media.to_ascii_lowercase();
    let schema = item.get("schema");
    let schema_at = format!("{at}/schema");
    let schema = match schema {
        Some(schema) => Some(refs.resolve(schema, &schema_at)?),
        None => None,
    };
    let kind = media.split(';').next().unwrap_or_default().trim();
    if kind == "multipart/form-data" {
        let value = chosen(refs, item, &at, example)?;
        let schema = schema
            .as_ref()
            .map(|schema| (schema.value, schema.pointer.as_str()));
        return Ok(Some(Body {
            payload: Payload::Multipart(parts(refs, item, schema, value.as_ref(), &at)?),
            content_type: None,
        }));
    }
    if is_file(kind) {
        let (path, content_type) = sample_file(kind, None);
        return Ok(Some(Body {
            payload: Payload::File {
                path,
                content_type: Some(content_type),
                bytes: FileBytes::AsIs,
            },
            content_type: None,
        }));
    }
    let value = match chosen(refs, item, &at, example)? {
        Some(value) => value,
        None => match &schema {
            Some(schema) => Sampler::new(refs).sample(schema.value, &schema.pointer)?,
            None => {
                return Err(
                    Problem::new(at, "the media type has no example and no schema")
                        .about(Field::Body)
                        .advice("add an example"),
                );
            }
        },
    };
    let payload = if is_json(kind) {
        Payload::Json(value)
    } else if kind == "application/x-www-form-urlencoded" {
        Payload::Text {
            body: Text::from(form_encoded(&value, &at)?.as_str()),
            content_type: Some(media.clone()),
        }
    } else {
        Payload::Text {
            body: Text::from(text_of(&value).as_str()),
            content_type: Some(media.clone()),
        }
    };
    let content_type = (is_json(kind) && media != "application/json").then_some(media);
    Ok(Some(Body {
        payload,
        content_type,
    }))
}

/// The example the media type gives: `example`, else the entry of `examples` named
/// `name`, else its first.
fn chosen(
    refs: &Refs<'_>,
    media: &Value,
    at: &str,
    name: Option<&str>,
) -> Result<Option<Value>, Problem> {
    let examples = media.get("examples").and_then(Value::as_object);
    let named = name.and_then(|name| Some((name, examples?.get(name)?)));
    if named.is_none()
        && let Some(example) = media.get("example")
    {
        return Ok(Some(example.clone()));
    }
    let Some((name, example)) = named.or_else(|| {
        examples?
            .iter()
            .next()
            .map(|(name, example)| (name.as_str(), example))
    }) else {
        return Ok(None);
    };
    let example_at = format!("{at}/examples/{}", escape(name));
    let example = refs.resolve(example, &example_at)?;
    match example.value.get("value") {
        Some(value) => Ok(Some(value.clone())),
        None => Err(Problem::new(
            example.pointer,
            format!("example {name:?} has no value (an externalValue is not read)"),
        )
        .about(Field::Body)
        .advice("write the example's value in the document")),
    }
}

/// The parts of a multipart form: each property the example gives or the schema
/// requires; a binary property is a sample file.
fn parts(
    refs: &Refs<'_>,
    media: &Value,
    schema: Option<(&Value, &str)>,
    example: Option<&Value>,
    at: &str,
) -> Result<Vec<Part>, Problem> {
    let schema_at = schema.map_or_else(|| format!("{at}/schema"), |(_, at)| at.to_owned());
    let schema = schema.map(|(schema, _)| schema);
    let properties = schema.and_then(|schema| schema.get("properties"));
    let required: Vec<&str> = schema
        .and_then(|schema| schema.get("required"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let given = example
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let mut names: Vec<&str> = given.keys().map(String::as_str).collect();
    names.extend(required.iter().filter(|name| !given.contains_key(**name)));
    let mut parts = Vec::new();
    for name in names {
        let property_at = format!("{schema_at}/properties/{}", escape(name));
        let property = match properties.and_then(|all| all.get(name)) {
            Some(property) => Some(refs.resolve(property, &property_at)?.value),
            None => None,
        };
        let encoding = media
            .get("encoding")
            .and_then(|encoding| encoding.get(name))
            .and_then(|encoding| encoding.get("contentType"))
            .and_then(Value::as_str);
        if property.is_some_and(|property| is_binary(property, encoding)) {
            let kind = encoding
                .and_then(|types| types.split(',').next())
                .map(str::trim)
                .or_else(|| property?.get("contentMediaType")?.as_str())
                .unwrap_or("application/octet-stream");
            let (path, content_type) = sample_file(kind, Some(name));
            // Named in full: clients default a file part's name and type differently.
            parts.push(Part {
                name: name.to_owned(),
                content: PartContent::File(path.clone()),
                content_type: Some(content_type),
                filename: Some(path),
            });
            continue;
        }
        let value = match (given.get(name), property) {
            (Some(value), _) => value.clone(),
            (None, Some(property)) => Sampler::new(refs).sample(property, &property_at)?,
            (None, None) => {
                return Err(Problem::new(
                    schema_at,
                    format!("required part {name:?} is not described"),
                ));
            }
        };
        parts.push(Part {
            name: name.to_owned(),
            content: PartContent::Text(Text::from(text_of(&value).as_str())),
            content_type: None,
            filename: None,
        });
    }
    Ok(parts)
}

/// Whether a property of a form is a file: binary or base64 content (3.0), a media
/// type of its own (3.1), or an encoding that is not text.
fn is_binary(property: &Value, encoding: Option<&str>) -> bool {
    let format = property.get("format").and_then(Value::as_str);
    let items = property.get("items");
    matches!(format, Some("binary" | "base64" | "byte"))
        || property.get("contentMediaType").is_some()
        || property.get("contentEncoding").is_some()
        || encoding.is_some_and(|kind| is_file(kind.split(',').next().unwrap_or_default().trim()))
        || (types(property).contains(&"array") && items.is_some_and(|items| is_binary(items, None)))
}

fn is_json(media: &str) -> bool {
    let kind = media.split(';').next().unwrap_or_default().trim();
    kind.eq_ignore_ascii_case("application/json") || kind.ends_with("+json")
}

/// Whether a body of this media type is a file's bytes rather than text.
fn is_file(kind: &str) -> bool {
    !(kind.starts_with("text/")
        || is_json(kind)
        || kind.ends_with("+xml")
        || kind == "application/xml"
        || kind == "application/x-www-form-urlencoded"
        || kind == "application/x-ndjson")
}

/// A sample file of media type `kind` (a wildcard made concrete), named after the
/// form field or the kind of file: `image.png`, `audio.flac`, `file.bin`.
fn sample_file(kind: &str, field: Option<&str>) -> (String, String) {
    let concrete = match kind {
        "image/*" => "image/png",
        "audio/*" => "audio/flac",
        "video/*" => "video/mp4",
        kind if kind.contains('*') => "application/octet-stream",
        kind => kind,
    };
    let (top, _) = concrete.split_once('/').unwrap_or((concrete, ""));
    let stem = field
        .filter(|name| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        })
        .unwrap_or(match top {
            "image" | "audio" | "video" => top,
            _ => "file",
        });
    let extension = mime::extension(concrete).unwrap_or("bin");
    (format!("{stem}.{extension}"), concrete.to_owned())
}

/// A value as text: a string as it is, anything else as JSON.
fn text_of(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// An object as `application/x-www-form-urlencoded` text.
fn form_encoded(value: &Value, at: &str) -> Result<String, Problem> {
    let empty = Map::new();
    let members = match value {
        Value::Object(members) => members,
        Value::Null => &empty,
        _ => {
            return Err(
                Problem::new(at.to_owned(), "a form body's example must be an object")
                    .about(Field::Body),
            );
        }
    };
    let pairs: Vec<String> = members
        .iter()
        .map(|(name, value)| format!("{}={}", encode::query(name), encode::query(&text_of(value))))
        .collect();
    Ok(pairs.join("&"))
}
