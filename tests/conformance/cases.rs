//! The cases: every golden snapshot, every `inference` command of the Hugging Face
//! docs corpus (`../shared/corpus/hf-docs/curl`), the adversarial files under
//! `tests/conformance/cases/` (`*.json` specs, `*.sh` curl commands), and every
//! operation the OpenAPI reader builds from the published documents under
//! `tests/openapi/`.

use std::fs;
use std::path::Path;

use inference_snippets::{
    CurlOptions, FileBytes, OpenApiOptions, PartContent, Payload, Request, Segment, Shell, Text,
    parse_curl, parse_openapi, parse_spec,
};

/// Where a case comes from: a corpus command bash cannot run is "not applicable",
/// one of ours is a failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Origin {
    Snapshot,
    Corpus,
    Adversarial,
    /// An operation of a published OpenAPI document.
    OpenApi,
}

#[derive(Debug)]
pub(super) enum Input {
    /// A JSON spec or an OpenAPI operation: the request itself is the oracle.
    Spec,
    /// A curl command; `bash` when bash reads it as written (not cmd or PowerShell).
    Curl { text: String, bash: bool },
}

pub(super) struct Case {
    /// Also the first path segment of every URL the case sends to.
    pub id: String,
    pub origin: Origin,
    pub input: Input,
    /// The request, or why the case has none.
    pub request: Result<Request, String>,
}

/// Every case, and notes for the report (such as an absent corpus).
pub(super) fn collect(root: &Path) -> (Vec<Case>, Vec<String>) {
    let mut cases = Vec::new();
    let mut notes = Vec::new();
    for dir in super::super::cases() {
        let name = file_name(&dir);
        let id = format!("snap-{name}");
        let spec = dir.join("request.json");
        if spec.exists() {
            cases.push(from_spec(id, Origin::Snapshot, &spec));
        } else {
            cases.push(from_curl(id, Origin::Snapshot, &dir.join("command.sh")));
        }
    }
    let corpus = root.join("../shared/corpus/hf-docs/curl");
    match fs::read_to_string(corpus.join("index.tsv")) {
        Ok(index) => {
            for line in index.lines().skip(1) {
                let columns: Vec<&str> = line.split('\t').collect();
                if columns.get(10) == Some(&"inference") {
                    let file = columns[0];
                    let id = format!("docs-{}", file.trim_end_matches(".sh"));
                    cases.push(from_curl(id, Origin::Corpus, &corpus.join(file)));
                }
            }
        }
        Err(err) => notes.push(format!(
            "corpus absent: {} ({err}); its inference commands are not run",
            corpus.display()
        )),
    }
    let mut files: Vec<_> = fs::read_dir(root.join("tests/conformance/cases"))
        .expect("tests/conformance/cases/ exists")
        .map(|entry| entry.expect("readable cases/").path())
        .collect();
    files.sort();
    for path in files {
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        let id = format!("adv-{}", stem.unwrap_or_default());
        match path.extension().and_then(|e| e.to_str()) {
            Some("json") => cases.push(from_spec(id, Origin::Adversarial, &path)),
            Some("sh") => cases.push(from_curl(id, Origin::Adversarial, &path)),
            _ => {}
        }
    }
    for name in OPENAPI_DOCUMENTS {
        openapi(root, name, &mut cases, &mut notes);
    }
    for case in &mut cases {
        case.id = url_safe(&case.id);
    }
    (cases, notes)
}

/// The folders of `tests/openapi/` whose document gives cases.
const OPENAPI_DOCUMENTS: &[&str] = &["tgi", "tei"];

/// A case per operation of `tests/openapi/<name>/openapi.json`, read as a user
/// would (no server given: the URLs start with `$ENDPOINT_URL`), named
/// `openapi-<name>-<operationId>` (else the method and path); what the reader
/// leaves out goes into the notes, as the reader words it.
fn openapi(root: &Path, name: &str, cases: &mut Vec<Case>, notes: &mut Vec<String>) {
    let origin = format!("tests/openapi/{name}/openapi.json");
    let read = fs::read_to_string(root.join(&origin))
        .map_err(|err| format!("{origin}: {err}"))
        .and_then(|text| {
            parse_openapi(&text, &origin, &OpenApiOptions::default()).map_err(|err| err.to_string())
        });
    let read = match read {
        Ok(read) => read,
        Err(err) => {
            cases.push(Case {
                id: format!("openapi-{name}"),
                origin: Origin::OpenApi,
                input: Input::Spec,
                request: Err(err),
            });
            return;
        }
    };
    notes.extend(
        read.notes
            .iter()
            .map(|note| format!("openapi-{name}: {note}")),
    );
    for operation in read.operations {
        let what = match &operation.id {
            Some(id) => id.clone(),
            None => format!("{}{}", operation.method, operation.path).to_ascii_lowercase(),
        };
        let mut id = url_safe(&format!("openapi-{name}-{what}"));
        // Ids file the requests: two operations never share one.
        let taken = |id: &str| cases.iter().any(|case: &Case| case.id == id);
        if taken(&id) {
            id = (2..)
                .map(|n| format!("{id}-{n}"))
                .find(|candidate| !taken(candidate))
                .expect("a free id");
        }
        cases.push(Case {
            id,
            origin: Origin::OpenApi,
            input: Input::Spec,
            request: Ok(operation.request),
        });
    }
}

fn from_spec(id: String, origin: Origin, path: &Path) -> Case {
    let request = fs::read_to_string(path)
        .map_err(|err| format!("{}: {err}", path.display()))
        .and_then(|text| {
            parse_spec(&text, &path.display().to_string()).map_err(|err| err.to_string())
        });
    Case {
        id,
        origin,
        input: Input::Spec,
        request,
    }
}

fn from_curl(id: String, origin: Origin, path: &Path) -> Case {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            return Case {
                id,
                origin,
                input: Input::Spec,
                request: Err(format!("{}: {err}", path.display())),
            };
        }
    };
    // The oracle runs the command itself: a token must stay what curl sends.
    let options = |shell| CurlOptions {
        shell,
        keep_token: true,
    };
    let origin_name = path.display().to_string();
    let request = parse_curl(&text, &origin_name, &options(None))
        .map(|parsed| parsed.request)
        .map_err(|err| err.to_string());
    let as_bash =
        parse_curl(&text, &origin_name, &options(Some(Shell::Bash))).map(|parsed| parsed.request);
    let bash = matches!((&request, &as_bash), (Ok(a), Ok(b)) if a == b);
    Case {
        id,
        origin,
        input: Input::Curl { text, bash },
        request,
    }
}

/// How a case reaches the capture server: the request with its URL's literal host
/// rewritten (not the router's, which runs against the real host: `realhost`); the environment it runs with (a variable that starts the URL holds the
/// server's address; the others a test value: a number where the body writes one
/// bare); the text replacements that put a real address in for the URL's
/// placeholders, in the snippets and in the curl command alike; and the oracle's
/// request (placeholders replaced).
pub(super) struct Route {
    pub request: Request,
    pub env: Vec<(String, String)>,
    pub replacements: Vec<(String, String)>,
    pub oracle: Request,
}

/// Where a case's URL points: the capture server, or for a request that goes
/// through a proxy, a host that only the proxy (the capture server) reaches.
pub(super) fn origin(request: &Request, port: u16) -> String {
    if request.connection.proxy.is_some() {
        PROXIED.to_owned()
    } else {
        format!("http://127.0.0.1:{port}")
    }
}

/// A host no resolver knows: a request to it arrives only through the proxy.
const PROXIED: &str = "http://proxied.invalid";

pub(super) fn route(original: &Request, port: u16, id: &str) -> Route {
    let origin = origin(original, port);
    let server = format!("{origin}/{id}");
    let mut request = original.clone();
    let mut env = Vec::new();
    let mut replacements = Vec::new();
    // The proxy, written out in the case, is the capture server.
    if let Some(proxy) = original
        .connection
        .proxy
        .as_ref()
        .and_then(Text::as_literal)
    {
        replacements.push((proxy.to_owned(), format!("http://127.0.0.1:{port}")));
    }
    let segments = request.url.segments().to_vec();
    match segments.as_slice() {
        [Segment::Var(var), ..] => env.push((var.name.clone(), server.clone())),
        [Segment::Literal(scheme), Segment::Placeholder(host), ..] if scheme.ends_with("://") => {
            replacements.push((format!("{scheme}{host}"), server.clone()));
        }
        // `<ENDPOINT_URL>/generate`: the placeholder stands for scheme and host.
        [Segment::Placeholder(host), ..] => replacements.push((host.clone(), server.clone())),
        // The router, written out, is sent to as written (`realhost`).
        [Segment::Literal(_), ..] if super::realhost::applies(original) => {}
        [Segment::Literal(first), rest @ ..] => {
            let mut url = Text::from(rewrite_url(first, &origin, id));
            rest.iter().for_each(|segment| url.push(segment.clone()));
            request.url = url;
        }
        _ => {}
    }
    for placeholder in request.url.placeholders() {
        if !replacements
            .iter()
            .any(|(from, _)| from.ends_with(placeholder))
        {
            replacements.push((placeholder.to_owned(), "ph".to_owned()));
        }
    }
    let numbers: Vec<String> = match &request.payload {
        Payload::JsonTemplate(template) => template
            .slots
            .iter()
            .filter(|slot| slot.number)
            .flat_map(|slot| slot.text.vars().map(|var| var.name.clone()))
            .collect(),
        _ => Vec::new(),
    };
    // A value curl form-encodes holds what each client's own encoder would write
    // differently: a space, `&`, `=`, `*`, `'`, `!`, `~` and a non-ASCII letter.
    let mut encoded = Vec::new();
    let body = match &request.payload {
        Payload::Text { body, .. } => Some(body),
        _ => None,
    };
    for text in [Some(&request.url), body].into_iter().flatten() {
        for var in text.vars().filter(|var| var.form_encoded.is_some()) {
            encoded.push(var.name.clone());
        }
    }
    for var in request.vars() {
        let known = super::oracle::TOKENS
            .iter()
            .any(|(name, _)| *name == var.name);
        if known || var.default.is_some() || env.iter().any(|(name, _)| *name == var.name) {
            continue;
        }
        let value = if numbers.contains(&var.name) {
            "42".to_owned()
        } else if encoded.contains(&var.name) {
            format!("v {}&=*'!~é", var.name.to_ascii_lowercase())
        } else {
            format!("v-{}", var.name.to_ascii_lowercase())
        };
        env.push((var.name.clone(), value));
    }
    // The oracle's URL names no server, only the path: the server drops the case's
    // prefix from what it receives.
    let mut oracle = original.clone();
    let mut url = Text::new();
    for (index, segment) in original.url.segments().iter().enumerate() {
        match segment {
            Segment::Var(_) if index == 0 => url.push_str("https://x.invalid"),
            Segment::Placeholder(placeholder) => {
                let host = replacements
                    .iter()
                    .any(|(from, to)| from.ends_with(placeholder.as_str()) && to.contains("://"));
                url.push_str(if host { "x.invalid" } else { "ph" });
            }
            other => url.push(other.clone()),
        }
    }
    oracle.url = url;
    Route {
        request,
        env,
        replacements,
        oracle,
    }
}

/// `text` with each replacement made.
pub(super) fn replace(text: &str, replacements: &[(String, String)]) -> String {
    let mut text = text.to_owned();
    for (from, to) in replacements {
        text = text.replace(from.as_str(), to);
    }
    text
}

/// `url` sent to the capture server instead: `<origin>/<id>/<path and query>`.
pub(super) fn rewrite_url(url: &str, origin: &str, id: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let start = after_scheme
        .find(['/', '?', '#'])
        .unwrap_or(after_scheme.len());
    let rest = &after_scheme[start..];
    let slash = if rest.starts_with('/') { "" } else { "/" };
    format!("{origin}/{id}{slash}{rest}")
}

/// `text` with the scheme and host of the request's URL (`url`, as parsed) replaced
/// by the capture server and the case prefix: at the first occurrence followed by the
/// URL's path, else at the first occurrence of the host as a URL.
pub(super) fn rewrite_command(text: &str, url: &str, origin: &str, id: &str) -> Option<String> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host_end = after_scheme
        .find(['/', '?', '#'])
        .unwrap_or(after_scheme.len());
    let (host, rest) = after_scheme.split_at(host_end);
    let path = rest.split(['?', '#']).next().unwrap_or_default();
    let mut candidates = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find(host) {
        let at = from + found;
        let end = at + host.len();
        from = end;
        let before = &text[..at];
        let start = if let Some(scheme_end) = before.strip_suffix("://") {
            let letters = scheme_end
                .chars()
                .rev()
                .take_while(char::is_ascii_alphabetic);
            Some(scheme_end.len() - letters.count())
        } else {
            let previous = before.chars().next_back();
            previous
                .is_none_or(|c| !(c.is_alphanumeric() || "._-@:/".contains(c)))
                .then_some(at)
        };
        // Not a longer host name that starts the same.
        let next = text[end..].chars().next();
        let whole = next.is_none_or(|c| !(c.is_alphanumeric() || "._-".contains(c)));
        if let (Some(start), true) = (start, whole) {
            candidates.push((start, end));
        }
    }
    let with_path = candidates
        .iter()
        .find(|(_, end)| path.len() > 1 && text[*end..].starts_with(path));
    let (start, end) = with_path.or(candidates.first())?;
    let rest = &text[*end..];
    let slash = if rest.starts_with(['/', '?']) {
        ""
    } else {
        "/"
    };
    Some(format!("{}{origin}/{id}{slash}{rest}", &text[..*start]))
}

/// Writes every file `request` reads into `dir`: a tiny valid PNG for image names
/// (the typed clients may decode it), else bytes with NUL, CR, LF and invalid UTF-8.
pub(super) fn write_files(request: &Request, dir: &Path) -> Result<(), String> {
    let mut paths = Vec::new();
    match &request.payload {
        // The shell's `"$(cat FILE)"` drops NUL bytes: the file is text, and ends in
        // line breaks to drop.
        Payload::File {
            path,
            bytes: FileBytes::TrimTrailingNewlines,
            ..
        } => {
            let target = dir.join(path);
            return fs::write(&target, "{\"inputs\": \"from a file\nwith two lines\"}\n\n")
                .map_err(|err| format!("{}: {err}", target.display()));
        }
        Payload::File { path, .. } => paths.push(path.as_str()),
        // A spec's `base64_files`.
        Payload::JsonTemplate(template) => {
            for slot in &template.slots {
                if let [Segment::FileBase64(path)] = slot.text.segments() {
                    paths.push(path.as_str());
                }
            }
        }
        Payload::Multipart(parts) => {
            for part in parts {
                if let PartContent::File(path) | PartContent::FileText(path) = &part.content {
                    paths.push(path.as_str());
                }
            }
        }
        _ => {}
    }
    for path in paths {
        // Only inside the case's folder: a case never writes elsewhere.
        if path.is_empty() || path.starts_with('/') || path.split('/').any(|p| p == "..") {
            continue;
        }
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|err| format!("{}: {err}", parent.display()))?;
        }
        fs::write(&target, sample(path)).map_err(|err| format!("{}: {err}", target.display()))?;
    }
    Ok(())
}

fn sample(path: &str) -> Vec<u8> {
    let extension = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    if matches!(
        extension.as_deref(),
        Some("png" | "jpg" | "jpeg" | "gif" | "webp" | "bmp")
    ) {
        return inference_snippets::proxy::PNG.to_vec();
    }
    // Text files are what `-d @file` and `-F name=<file` read: lines with LF and CRLF
    // ends, quotes and shell syntax, no NUL or lone CR (where curl cuts a line short,
    // which the snippets do not reproduce: see README).
    if matches!(extension.as_deref(), Some("txt" | "json" | "csv")) {
        return "first line 'quoted' \"double\"\r\nsecond $(touch pwned) `touch pwned` a=1&b=2\n🤗 中文 last\n"
            .as_bytes()
            .to_vec();
    }
    // Deterministic: every byte value, CRLF, invalid UTF-8, then text that would run
    // a command if a snippet handed the bytes to a shell.
    let mut bytes: Vec<u8> = (0..=255).collect();
    bytes.extend_from_slice(b"\r\n\0\xc3\x28\xa0\xa1\xe2\x82\xf0\x28\x8c\xbc\n");
    bytes.extend((0u32..512).map(|i| (i.wrapping_mul(7919).wrapping_add(13) % 256) as u8));
    bytes.extend_from_slice(b"'$(touch pwned)' `touch pwned`\r\n");
    bytes
}

/// Case ids go into URLs and file names: letters, digits, `.`, `_` and `-` only.
fn url_safe(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_keep_path_and_query() {
        assert_eq!(
            rewrite_url("https://x.cloud/a/b?q=%20", "http://127.0.0.1:8", "c"),
            "http://127.0.0.1:8/c/a/b?q=%20"
        );
        assert_eq!(
            rewrite_url("https://x.cloud", "http://127.0.0.1:8", "c"),
            "http://127.0.0.1:8/c/"
        );
    }

    #[test]
    fn commands_change_only_the_request_host() {
        let text = "curl -d '{\"u\": \"https://huggingface.co/x\"}' huggingface.co/api?a=1";
        assert_eq!(
            rewrite_command(
                text,
                "http://huggingface.co/api?a=1",
                "http://127.0.0.1:9",
                "c"
            )
            .as_deref(),
            Some("curl -d '{\"u\": \"https://huggingface.co/x\"}' http://127.0.0.1:9/c/api?a=1")
        );
        let text = "curl 127.0.0.1:8080/generate -X POST";
        assert_eq!(
            rewrite_command(
                text,
                "http://127.0.0.1:8080/generate",
                "http://127.0.0.1:9",
                "c"
            )
            .as_deref(),
            Some("curl http://127.0.0.1:9/c/generate -X POST")
        );
    }
}
