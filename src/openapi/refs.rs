//! Local `$ref`s (`#/components/...`), followed where they are used rather than
//! expanded up front: a recursive schema is legal, and only a chain that comes back
//! to itself or never ends is an error, naming its pointers.

use serde_json::Value;

use super::Problem;
use crate::diagnostic::Code;

/// How many `$ref`s one chain may follow, and how deep a value built from schemas
/// may nest.
pub(super) const MAX_DEPTH: usize = 32;

/// The whole document, to resolve pointers in.
pub(super) struct Refs<'a> {
    pub(super) root: &'a Value,
}

impl<'a> Refs<'a> {
    /// The node `value` (at `pointer`) stands for: itself, or the end of its chain of
    /// `$ref`s. Pointers into the document are owned by the caller: the returned
    /// pointer is the last `$ref`'s target.
    pub(super) fn resolve(&self, value: &'a Value, pointer: &str) -> Result<Resolved<'a>, Problem> {
        let mut chain: Vec<String> = Vec::new();
        let mut value = value;
        let mut at = pointer.to_owned();
        while let Some(target) = value.get("$ref") {
            let Some(target) = target.as_str() else {
                return Err(Problem::new(format!("{at}/$ref"), "$ref must be a string")
                    .code(Code::InvalidRef));
            };
            let Some(fragment) = target.strip_prefix('#') else {
                return Err(Problem::new(
                    format!("{at}/$ref"),
                    format!("$ref {target:?} points outside the document"),
                )
                .code(Code::InvalidRef)
                .advice(
                    "only local references (#/components/...) are read; bundle the document first",
                ));
            };
            let fragment = percent_decode(fragment);
            chain.push(at.clone());
            if chain.contains(&fragment) {
                chain.push(fragment);
                return Err(Problem::new(
                    format!("{}/$ref", chain[chain.len() - 2]),
                    format!("$ref cycle: {}", chain.join(" → ")),
                )
                .code(Code::RefCycle));
            }
            if chain.len() > MAX_DEPTH {
                return Err(Problem::new(
                    format!("{at}/$ref"),
                    format!(
                        "$ref chain longer than {MAX_DEPTH}: {} → …",
                        chain[..3].join(" → ")
                    ),
                )
                .code(Code::RefCycle));
            }
            let Some(next) = self.root.pointer(&fragment) else {
                return Err(Problem::new(
                    format!("{at}/$ref"),
                    format!("$ref {target:?} names nothing in the document"),
                )
                .code(Code::InvalidRef));
            };
            value = next;
            at = fragment;
        }
        Ok(Resolved {
            value,
            pointer: at,
            via_ref: !chain.is_empty(),
        })
    }
}

/// A node after its `$ref`s.
#[derive(Clone, Debug)]
pub(super) struct Resolved<'a> {
    pub(super) value: &'a Value,
    /// Where it is.
    pub(super) pointer: String,
    /// Whether a `$ref` led there.
    pub(super) via_ref: bool,
}

/// `%XX` escapes of a URI fragment decoded (a `$ref` is a URI).
fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = bytes
            .get(at + 1..at + 3)
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (bytes[at], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                at += 3;
            }
            (byte, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn chains_cycles_and_dangling_refs() {
        let root = json!({"components": {"schemas": {
            "A": {"$ref": "#/components/schemas/B"},
            "B": {"type": "string"},
            "C": {"$ref": "#/components/schemas/D"},
            "D": {"$ref": "#/components/schemas/C"},
            "E": {"$ref": "#/components/schemas/Nope"},
            "F": {"$ref": "other.yaml#/F"},
            "G%": {"type": "integer"},
            "H": {"$ref": "#/components/schemas/G%25"},
        }}});
        let refs = Refs { root: &root };
        let start = json!({"$ref": "#/components/schemas/A"});
        let resolved = refs.resolve(&start, "/x").unwrap();
        assert_eq!(resolved.value, &json!({"type": "string"}));
        assert_eq!(resolved.pointer, "/components/schemas/B");
        let cycle = refs.resolve(&root["components"]["schemas"]["C"], "/components/schemas/C");
        let problem = cycle.unwrap_err();
        assert_eq!(
            problem.message,
            "$ref cycle: /components/schemas/C → /components/schemas/D → /components/schemas/C"
        );
        assert_eq!(problem.pointer, "/components/schemas/D/$ref");
        let dangling = refs.resolve(&root["components"]["schemas"]["E"], "/components/schemas/E");
        assert!(dangling.unwrap_err().message.contains("names nothing"));
        let outside = refs.resolve(&root["components"]["schemas"]["F"], "/components/schemas/F");
        assert!(
            outside
                .unwrap_err()
                .message
                .contains("outside the document")
        );
        let escaped = refs.resolve(&root["components"]["schemas"]["H"], "/components/schemas/H");
        assert_eq!(escaped.unwrap().value, &json!({"type": "integer"}));
    }

    #[test]
    fn long_chains_stop() {
        let mut schemas = serde_json::Map::new();
        for n in 0..100 {
            schemas.insert(
                format!("S{n}"),
                json!({"$ref": format!("#/components/schemas/S{}", n + 1)}),
            );
        }
        let root = json!({"components": {"schemas": schemas}});
        let refs = Refs { root: &root };
        let problem = refs
            .resolve(
                &root["components"]["schemas"]["S0"],
                "/components/schemas/S0",
            )
            .unwrap_err();
        assert!(
            problem.message.starts_with("$ref chain longer than 32"),
            "{}",
            problem.message
        );
    }
}
