//! The OpenAPI reader on published documents (`tests/openapi/`, kept with their
//! licenses): every operation becomes a request or a note naming it, and every
//! request flows through the renderers.

use inference_snippets::{
    Client, Code, OpenApiOptions, Operations, Payload, Task, parse_openapi, render,
};
use serde_json::json;

use crate::root;

fn read(name: &str, options: &OpenApiOptions) -> Operations {
    let path = root().join("tests/openapi").join(name).join("openapi.json");
    let text = std::fs::read_to_string(&path).expect("a kept document");
    parse_openapi(&text, &format!("{name}/openapi.json"), options)
        .unwrap_or_else(|error| panic!("{error}"))
}

fn local() -> OpenApiOptions {
    let mut options = OpenApiOptions::default();
    options.server = Some("http://127.0.0.1:8080".into());
    options
}

/// `(label, task)` of every operation read.
fn labels(read: &Operations) -> Vec<(String, Option<Task>)> {
    read.operations
        .iter()
        .map(|operation| (operation.label(), operation.request.task))
        .collect()
}

#[test]
fn text_generation_inference() {
    let read = read("tgi", &local());
    // Its prompt is an array of strings with no example.
    let notes: Vec<String> = read.notes.iter().map(ToString::to_string).collect();
    assert_eq!(
        notes,
        [
            "tgi/openapi.json:2097:9: POST /v1/completions (completions): no example, default or enum \
          to build a value from; left out; add an example to the schema or to the media type"
        ]
    );
    let expected = [
        ("POST / (compat_generate)", None),
        ("POST /chat_tokenize (get_chat_tokenize)", None),
        ("POST /generate (generate)", Some(Task::TextGeneration)),
        (
            "POST /generate_stream (generate_stream)",
            Some(Task::TextGeneration),
        ),
        ("GET /health (health)", None),
        ("GET /info (get_model_info)", None),
        ("POST /invocations (sagemaker_compatibility)", None),
        ("GET /metrics (metrics)", None),
        ("POST /tokenize (tokenize)", None),
        (
            "POST /v1/chat/completions (chat_completions)",
            Some(Task::ChatCompletion),
        ),
        ("GET /v1/models (openai_get_model_info)", None),
    ];
    let expected: Vec<(String, Option<Task>)> = expected
        .iter()
        .map(|(label, task)| ((*label).to_owned(), *task))
        .collect();
    assert_eq!(labels(&read), expected);
    let generate = &read.operations[2].request;
    assert_eq!(generate.url.to_string(), "http://127.0.0.1:8080/generate");
    assert_eq!(
        generate.payload,
        Payload::Json(json!({"inputs": "My name is Olivier and I"}))
    );
    // The document writes the example of an array as a string: read as the array.
    let chat = &read.operations[9].request;
    assert_eq!(
        chat.payload,
        Payload::Json(json!({"messages": [{"role": "user", "content": "What is Deep Learning?"}]}))
    );
    // Each operation is placed at its method's key.
    let place = read.operations[2].place.expect("placed");
    assert_eq!((place.line, place.column), (153, 7));
}

#[test]
fn text_embeddings_inference() {
    let read = read("tei", &OpenApiOptions::default());
    let labels: Vec<String> = labels(&read).into_iter().map(|(label, _)| label).collect();
    assert_eq!(
        labels,
        [
            "GET /health (health)",
            "GET /info (get_model_info)",
            "GET /metrics (metrics)",
            "POST /predict (predict)",
            "POST /rerank (rerank)",
            "POST /similarity (similarity)",
        ]
    );
    let notes: Vec<String> = read.notes.iter().map(ToString::to_string).collect();
    // No server: the URLs read $ENDPOINT_URL, said once.
    assert_eq!(read.notes[0].code, Code::RelativeServer);
    assert_eq!(
        read.operations[4].request.url.to_string(),
        "${ENDPOINT_URL}/rerank"
    );
    // Inputs described without an example: each operation is named with the schema
    // that has none.
    let left_out: Vec<&str> = notes[1..]
        .iter()
        .map(|note| note.split(": ").nth(1).unwrap_or_default())
        .collect();
    assert_eq!(
        left_out,
        [
            "POST /decode (decode)",
            "POST /embed (embed)",
            "POST /embed_all (embed_all)",
            "POST /embed_sparse (embed_sparse)",
            "POST /tokenize (tokenize)",
            "POST /v1/embeddings (openai_embed)",
        ]
    );
    assert!(
        read.notes[1..]
            .iter()
            .all(|note| note.code == Code::OperationLeftOut && note.place.is_some())
    );
    assert!(
        notes[2].starts_with("tei/openapi.json:1341:11: "),
        "{}",
        notes[2]
    );
}

#[test]
fn every_request_renders_for_curl_and_requests() {
    for (name, options) in [("tgi", local()), ("tei", OpenApiOptions::default())] {
        for operation in read(name, &options).operations {
            for client in [Client::Curl, Client::Requests] {
                let snippet = render(&operation.request, client).unwrap_or_else(|error| {
                    panic!("{name} {} for {client:?}: {error}", operation.label())
                });
                let path = operation.path.trim_end_matches('/');
                assert!(snippet.contains(path), "{}:\n{snippet}", operation.label());
            }
        }
    }
    let generate = read("tgi", &local()).operations.remove(2);
    assert_eq!(
        render(&generate.request, Client::Curl).unwrap(),
        "curl 'http://127.0.0.1:8080/generate' \\\n    -X POST \\\n    -H 'Content-Type: application/json' \\\n    \
         -d '{\n        \"inputs\": \"My name is Olivier and I\"\n    }'\n"
    );
}

/// A document with each kind of body, parameter and credential the reader makes.
const EVERY_KIND: &str = r#"openapi: 3.1.0
info: {title: kinds, version: "1"}
servers: [{url: "https://api.example.com/v1"}]
security: [{hfToken: [], orgKey: []}]
components:
  securitySchemes:
    hfToken: {type: http, scheme: bearer}
    orgKey: {type: apiKey, in: header, name: X-Org-Key}
    region: {type: apiKey, in: query, name: region}
    basic: {type: http, scheme: basic}
paths:
  /models/{model_id}/generate_stream:
    post:
      parameters:
        - {name: model_id, in: path, required: true, example: gpt2}
        - {name: X-Request-Id, in: header, required: true, example: abc}
      requestBody:
        content:
          application/json:
            example: {inputs: "Hello", parameters: {max_new_tokens: 20}}
  /v1/chat/completions:
    post:
      requestBody:
        content:
          application/json:
            example: {model: m, messages: [{role: user, content: Hi}], stream: true}
  /text:
    post:
      security: [{basic: []}]
      requestBody:
        content:
          text/plain: {example: "Hello"}
  /form:
    post:
      security: [{region: []}]
      requestBody:
        content:
          application/x-www-form-urlencoded: {example: {q: "a b"}}
  /transcribe:
    post:
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              required: [file, model]
              properties:
                file: {type: string, format: binary}
                model: {type: string, example: whisper-1}
            encoding:
              file: {contentType: audio/flac}
  /classify:
    post:
      x-inference-task: image-classification
      requestBody:
        content:
          image/jpeg: {}
  /health:
    get:
      security: []
"#;

#[test]
fn every_kind_of_request_renders_for_curl_and_requests() {
    let read = parse_openapi(EVERY_KIND, "kinds.yaml", &OpenApiOptions::default())
        .unwrap_or_else(|error| panic!("{error}"));
    assert!(read.notes.is_empty(), "{:?}", read.notes);
    let snippets: Vec<(String, String)> = read
        .operations
        .iter()
        .map(|operation| {
            let snippet = |client| {
                render(&operation.request, client)
                    .unwrap_or_else(|error| panic!("{} for {client:?}: {error}", operation.label()))
            };
            (snippet(Client::Curl), snippet(Client::Requests))
        })
        .collect();
    let has = |index: usize, curl: &[&str], requests: &[&str]| {
        let (curl_snippet, requests_snippet) = &snippets[index];
        for piece in curl {
            assert!(curl_snippet.contains(piece), "{piece:?} in\n{curl_snippet}");
        }
        for piece in requests {
            assert!(
                requests_snippet.contains(piece),
                "{piece:?} in\n{requests_snippet}"
            );
        }
    };
    has(
        0,
        &[
            "https://api.example.com/v1/models/gpt2/generate_stream",
            "${HF_TOKEN:?}",
            "X-Org-Key: ${ORG_KEY:?}",
            "X-Request-Id: abc",
        ],
        &["os.environ['HF_TOKEN']", "stream=True"],
    );
    has(1, &["\"stream\": true"], &["stream=True"]);
    has(
        2,
        &["${BASIC_USER:?}:${BASIC_PASSWORD:?}", "text/plain"],
        &["auth=("],
    );
    has(
        3,
        &["region=${REGION:?}", "q=a%20b"],
        &["os.environ['REGION']"],
    );
    has(
        4,
        &["file=@\"file.flac\";type=audio/flac", "model=whisper-1"],
        &["files="],
    );
    has(5, &["image/jpeg", "image.jpg"], &["image.jpg"]);
    has(
        6,
        &["https://api.example.com/v1/health"],
        &["requests.get("],
    );
    assert_eq!(
        read.operations[5].request.task,
        Some(Task::ImageClassification)
    );
    assert!(
        !snippets[6].0.contains("Authorization"),
        "{}",
        snippets[6].0
    );
}

/// `snippet openapi` in a scratch folder holding a copy of TGI's document (and a YAML
/// copy of it, written by serde from the same value).
fn scratch_with_tgi(name: &str) -> std::path::PathBuf {
    let dir = crate::scratch(name);
    let text = std::fs::read_to_string(root().join("tests/openapi/tgi/openapi.json"))
        .expect("a kept document");
    std::fs::write(dir.join("openapi.json"), &text).expect("write");
    dir
}

fn openapi(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["openapi"];
    all.extend(args);
    let output = crate::run_snippet(&all, b"", dir);
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_command_writes_an_overlay_writes_the_spec_and_checks_both() {
    let dir = scratch_with_tgi("openapi-command");
    let original = std::fs::read_to_string(dir.join("openapi.json")).expect("read");
    // The overlay on stdout: an update per operation with samples, the spec untouched.
    let (code, overlay, notes) = openapi(&dir, &["openapi.json"]);
    assert_eq!(code, 0, "{notes}");
    let overlay: serde_json::Value = serde_json::from_str(&overlay).expect("JSON overlay");
    assert_eq!(overlay["overlay"], "1.0.0");
    let actions = overlay["actions"].as_array().expect("actions");
    assert_eq!(actions.len(), 11);
    let generate = actions
        .iter()
        .find(|action| action["target"] == "$.paths['/generate'].post")
        .expect("POST /generate");
    let labels: Vec<&str> = generate["update"]["x-codeSamples"]
        .as_array()
        .expect("samples")
        .iter()
        .map(|sample| sample["label"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        labels,
        [
            "curl",
            // No security scheme: no token, which the Hugging Face clients would send.
            "Python (requests)",
            "JavaScript (fetch)",
            "Rust (reqwest)",
            "Go (net/http)",
            "Java (java.net.http)",
            "PHP (guzzle)",
            "Ruby (net/http)"
        ]
    );
    assert!(
        notes.contains("POST /v1/completions (completions): no example"),
        "{notes}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("openapi.json")).expect("read"),
        original
    );

    // --check on the spec without samples: every operation drifts.
    let (code, diffs, _) = openapi(&dir, &["openapi.json", "--check"]);
    assert_eq!(code, 1);
    assert_eq!(diffs.matches("are out of date").count(), 11, "{diffs}");

    // --write: only x-codeSamples are added (each after its operation's last member),
    // then --check passes and a second --write changes nothing.
    let (code, _, notes) = openapi(&dir, &["openapi.json", "--write"]);
    assert_eq!(code, 0, "{notes}");
    assert!(
        notes.contains("wrote the samples of 11 operations"),
        "{notes}"
    );
    let written = std::fs::read_to_string(dir.join("openapi.json")).expect("read");
    let mut value: serde_json::Value = serde_json::from_str(&written).expect("JSON");
    for operation in value["paths"]
        .as_object_mut()
        .expect("paths")
        .values_mut()
        .flat_map(|item| item.as_object_mut().expect("path item").values_mut())
    {
        operation
            .as_object_mut()
            .expect("operation")
            .remove("x-codeSamples");
    }
    let before: serde_json::Value = serde_json::from_str(&original).expect("JSON");
    assert_eq!(value, before);
    let (code, diffs, _) = openapi(&dir, &["openapi.json", "--check"]);
    assert_eq!((code, diffs.as_str()), (0, ""));
    let (_, _, notes) = openapi(&dir, &["openapi.json", "--write"]);
    assert!(!notes.contains("wrote"), "{notes}");

    // A hand-edited sample is caught, with the operation and the line changed.
    let edited = written.replacen(
        "\\\"inputs\\\": \\\"My name is Olivier and I\\\"",
        "\\\"inputs\\\": \\\"Hello\\\"",
        1,
    );
    assert_ne!(edited, written);
    std::fs::write(dir.join("openapi.json"), &edited).expect("write");
    let (code, diffs, _) = openapi(&dir, &["openapi.json", "--check"]);
    assert_eq!(code, 1);
    assert!(
        diffs.starts_with(
            "openapi.json:17:7: the code samples of POST / (compat_generate) are out of date\n"
        ),
        "{diffs}"
    );
    assert!(
        diffs.contains(
            "-        \"inputs\": \"Hello\"\n+        \"inputs\": \"My name is Olivier and I\"\n"
        ),
        "{diffs}"
    );

    // --overlay FILE, then --check against it: up to date, then a changed style drifts.
    let (code, _, notes) = openapi(&dir, &["openapi.json", "--overlay", "samples.yaml"]);
    assert_eq!(code, 0, "{notes}");
    let yaml = std::fs::read_to_string(dir.join("samples.yaml")).expect("overlay");
    assert!(yaml.starts_with("overlay: \"1.0.0\"\n"), "{yaml}");
    let (code, _, _) = openapi(
        &dir,
        &["openapi.json", "--check", "--overlay", "samples.yaml"],
    );
    assert_eq!(code, 0);
    let (code, diffs, _) = openapi(
        &dir,
        &[
            "openapi.json",
            "--check",
            "--overlay",
            "samples.yaml",
            "--lang-style",
            "mintlify",
        ],
    );
    assert_eq!(code, 1);
    assert!(
        diffs.contains("-### lang: Shell, label: curl\n+### lang: bash, label: curl\n"),
        "{diffs}"
    );
}

#[test]
fn the_command_chooses_clients_and_says_what_it_cannot_do() {
    let dir = scratch_with_tgi("openapi-choices");
    // --lang keeps the named clients of its languages.
    let (code, overlay, notes) = openapi(
        &dir,
        &[
            "openapi.json",
            "--client",
            "requests",
            "--client",
            "fetch",
            "--lang",
            "python",
            "--lang-style",
            "scalar",
        ],
    );
    assert_eq!(code, 0, "{notes}");
    let overlay: serde_json::Value = serde_json::from_str(&overlay).expect("JSON overlay");
    let samples = &overlay["actions"][0]["update"]["x-codeSamples"];
    assert_eq!(samples.as_array().map(Vec::len), Some(1));
    assert_eq!(samples[0]["lang"], "python");
    assert_eq!(samples[0]["label"], "Python (requests)");
    // A client that cannot send an operation's request is a note with the reason.
    let (code, _, notes) = openapi(
        &dir,
        &["openapi.json", "--client", "openai", "--lang", "py"],
    );
    assert_eq!(code, 0, "{notes}");
    assert!(
        notes.contains(
            "POST /v1/chat/completions (chat_completions): openai-python cannot send this request: \
             it always sends an API key as a bearer token, and the request sends no Authorization header"
        ),
        "{notes}"
    );
    // Bad input: exit 2 with the place.
    std::fs::write(dir.join("bad.yaml"), "openapi: 3.1.0\npaths: [\n").expect("write");
    let (code, _, notes) = openapi(&dir, &["bad.yaml"]);
    assert_eq!(code, 2);
    assert!(
        notes.starts_with("snippet: bad.yaml:3:1: invalid YAML"),
        "{notes}"
    );
    let (code, _, notes) = openapi(&dir, &["openapi.json", "--lang-style", "swagger"]);
    assert_eq!(code, 2, "{notes}");
    // Several documents: checked or written each in turn (as a pre-commit hook passes
    // them); an overlay is for one.
    let (code, _, notes) = openapi(&dir, &["openapi.json", "openapi.json"]);
    assert_eq!(code, 2);
    assert!(notes.contains("an overlay is for one document"), "{notes}");
    std::fs::copy(dir.join("openapi.json"), dir.join("second.json")).expect("copy");
    let (code, _, notes) = openapi(&dir, &["openapi.json", "second.json", "--write"]);
    assert_eq!(code, 0, "{notes}");
    assert_eq!(
        notes.matches("wrote the samples of 11 operations").count(),
        2,
        "{notes}"
    );
    let (code, diffs, _) = openapi(
        &dir,
        &["openapi.json", "second.json", "bad.yaml", "--check"],
    );
    assert_eq!((code, diffs.as_str()), (2, ""));
    let (code, _, notes) = openapi(&dir, &["openapi.json", "--client", "requets"]);
    assert_eq!(code, 2);
    assert!(notes.contains("did you mean requests?"), "{notes}");
}
