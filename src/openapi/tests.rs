//! The reader end to end on small documents: each body kind, parameters, security,
//! located errors and notes in JSON and YAML, hostile documents.

use serde_json::json;

use super::*;
use crate::model::{FileBytes, Part, PartContent, Payload, Token};
use crate::text::{Segment, Text, Var};

/// A YAML document with `paths` below the usual header.
fn doc(paths: &str) -> String {
    format!(
        "openapi: 3.1.0\ninfo: {{title: t, version: '1'}}\nservers:\n  - url: https://{{region}}.api.example.com/v1/\n    variables:\n      region: {{default: eu}}\n{paths}"
    )
}

fn read(text: &str) -> Operations {
    parse_openapi(text, "api.yaml", &OpenApiOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn only(text: &str) -> Request {
    let read = read(text);
    assert!(read.notes.is_empty(), "{:?}", read.notes);
    assert_eq!(read.operations.len(), 1);
    read.operations
        .into_iter()
        .next()
        .map(|op| op.request)
        .unwrap()
}

#[test]
fn url_from_server_variables_path_and_query_parameters() {
    let request = only(&doc(r#"paths:
  /models/{model_id}/items/{item}:
    parameters:
      - {name: model_id, in: path, required: true, schema: {type: string}}
    get:
      parameters:
        - {name: item, in: path, required: true, example: "a b"}
        - {name: limit, in: query, required: true, schema: {type: integer, default: 10}}
        - {name: tags, in: query, required: true, example: [x, y]}
        - {name: cursor, in: query, schema: {type: string}}
        - {name: X-Request-Id, in: header, required: true, example: abc}
        - {name: Accept, in: header, required: true, example: text/plain}
        - {name: session, in: cookie, required: true, example: s1}
"#));
    let mut url = Text::from("https://eu.api.example.com/v1/models/");
    url.push(Segment::Placeholder("{model_id}".into()));
    url.push_str("/items/a%20b?limit=10&tags=x&tags=y");
    assert_eq!(request.url, url);
    assert_eq!(request.method(), "GET");
    assert_eq!(request.method, None);
    assert_eq!(request.token, Token::None);
    let headers: Vec<(String, String)> = request
        .headers
        .iter()
        .map(|(name, value)| (name.clone(), value.to_string()))
        .collect();
    assert_eq!(
        headers,
        [
            ("X-Request-Id".into(), "abc".into()),
            ("Cookie".into(), "session=s1".into())
        ]
    );
}

#[test]
fn another_server_and_no_server() {
    let options = OpenApiOptions {
        server: Some("http://127.0.0.1:8080/".into()),
        ..OpenApiOptions::default()
    };
    let text = doc("paths:\n  /health:\n    get: {}\n");
    let read = parse_openapi(&text, "api.yaml", &options).unwrap();
    assert_eq!(
        read.operations[0].request.url,
        Text::from("http://127.0.0.1:8080/health")
    );
    let bare = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /health:\n    get: {}\n";
    let read = read_one(bare);
    let mut url = Text::var(Var::new("ENDPOINT_URL"));
    url.push_str("/health");
    assert_eq!(read.operations[0].request.url, url);
    assert_eq!(read.notes[0].code, Code::RelativeServer);
}

fn read_one(text: &str) -> Operations {
    read(text)
}

#[test]
fn security_schemes_combined_as_the_document_says() {
    let text = doc(r#"security: [{hfToken: [], orgKey: [], region: []}]
components:
  securitySchemes:
    hfToken: {type: http, scheme: bearer}
    orgKey: {type: apiKey, in: header, name: X-Org-Key}
    region: {type: apiKey, in: query, name: region_key}
    basic: {type: http, scheme: basic}
paths:
  /a:
    get: {}
  /b:
    get:
      security: [{basic: []}]
  /c:
    get:
      security: [{basic: [], hfToken: []}]
"#);
    let read = read(&text);
    let a = &read.operations[0].request;
    assert_eq!(a.token, Token::Env("HF_TOKEN".into()));
    assert_eq!(
        a.headers,
        [("X-Org-Key".to_owned(), Text::var(Var::new("ORG_KEY")))]
    );
    let mut url = Text::from("https://eu.api.example.com/v1/a?region_key=");
    url.push(Segment::Var(Var::new("REGION")));
    assert_eq!(a.url, url);
    let b = &read.operations[1].request;
    assert!(
        matches!(&b.token, Token::Basic { user, .. } if *user == Text::var(Var::new("BASIC_USER")))
    );
    assert_eq!(read.operations.len(), 2);
    assert_eq!(read.notes.len(), 1);
    let note = read.notes[0].to_string();
    assert!(note.starts_with("api.yaml:"), "{note}");
    assert!(
        note.contains("GET /c: security schemes \"basic\" and \"hfToken\" both send"),
        "{note}"
    );
    let token_env = OpenApiOptions {
        token_env: Some("HF_TOKEN_2".into()),
        ..OpenApiOptions::default()
    };
    let read = parse_openapi(&text, "api.yaml", &token_env).unwrap();
    assert_eq!(
        read.operations[0].request.token,
        Token::Env("HF_TOKEN_2".into())
    );
}

#[test]
fn each_kind_of_body() {
    let text = doc(r#"paths:
  /json:
    post:
      requestBody:
        content:
          application/json:
            examples:
              short: {value: {inputs: hi}}
              long: {$ref: '#/components/examples/Long'}
  /vendor:
    put:
      requestBody:
        content:
          application/vnd.api+json:
            schema: {type: object, required: [a], properties: {a: {type: integer, example: 1}}}
  /text:
    post:
      requestBody:
        content:
          text/plain:
            example: Hello
  /form:
    post:
      requestBody:
        content:
          application/x-www-form-urlencoded:
            example: {q: a b, n: 1}
  /multipart:
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
                language: {type: string}
            encoding:
              file: {contentType: audio/flac}
  /bytes:
    post:
      requestBody:
        content:
          application/octet-stream: {}
  /image:
    post:
      x-inference-task: image-classification
      requestBody:
        content:
          image/*: {}
components:
  examples:
    Long: {value: {inputs: a longer one}}
"#);
    let read = read(&text);
    assert!(read.notes.is_empty(), "{:?}", read.notes);
    let payloads: Vec<&Payload> = read
        .operations
        .iter()
        .map(|op| &op.request.payload)
        .collect();
    assert_eq!(payloads[0], &Payload::Json(json!({"inputs": "hi"})));
    assert_eq!(payloads[1], &Payload::Json(json!({"a": 1})));
    let vendor = &read.operations[1].request;
    assert_eq!(vendor.content_type(), Some("application/vnd.api+json"));
    assert_eq!(vendor.method(), "PUT");
    assert_eq!(
        payloads[2],
        &Payload::Text {
            body: Text::from("Hello"),
            content_type: Some("text/plain".into())
        }
    );
    assert_eq!(
        payloads[3],
        &Payload::Text {
            body: Text::from("q=a%20b&n=1"),
            content_type: Some("application/x-www-form-urlencoded".into())
        }
    );
    assert_eq!(
        payloads[4],
        &Payload::Multipart(vec![
            Part {
                name: "file".into(),
                content: PartContent::File("file.flac".into()),
                content_type: Some("audio/flac".into()),
                filename: Some("file.flac".into()),
            },
            Part {
                name: "model".into(),
                content: PartContent::Text(Text::from("whisper-1")),
                content_type: None,
                filename: None,
            },
        ])
    );
    assert_eq!(
        payloads[5],
        &Payload::File {
            path: "file.bin".into(),
            content_type: Some("application/octet-stream".into()),
            bytes: FileBytes::AsIs
        }
    );
    assert!(matches!(payloads[6], Payload::File { path, .. } if path == "image.png"));
    assert_eq!(
        read.operations[6].request.task,
        Some(crate::Task::ImageClassification)
    );
    let named = OpenApiOptions {
        example: Some("long".into()),
        ..OpenApiOptions::default()
    };
    let read = parse_openapi(&text, "api.yaml", &named).unwrap();
    assert_eq!(
        read.operations[0].request.payload,
        Payload::Json(json!({"inputs": "a longer one"}))
    );
}

#[test]
fn operations_left_out_are_placed_notes() {
    let text = doc(r#"paths:
  /nothing:
    post:
      operationId: nothing
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Bare'}
  /loop:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/A'}
  /task:
    post:
      x-inference-task: text-generaton
  /fine:
    get: {}
components:
  schemas:
    Bare: {type: object, required: [name], properties: {name: {type: string}}}
    A: {$ref: '#/components/schemas/B'}
    B: {$ref: '#/components/schemas/A'}
"#);
    let read = read(&text);
    assert_eq!(read.operations.len(), 1);
    let notes: Vec<String> = read.notes.iter().map(ToString::to_string).collect();
    assert_eq!(
        notes,
        [
            "api.yaml:29:57: POST /nothing (nothing): no example, default or enum to build a value from; left out; add an example to the schema or to the media type",
            "api.yaml:31:9: POST /loop: $ref cycle: /paths/~1loop/post/requestBody/content/application~1json/schema → /components/schemas/A → /components/schemas/B → /components/schemas/A; left out",
            "api.yaml:24:7: POST /task: unknown task \"text-generaton\"; left out; did you mean \"text-generation\"?",
        ]
    );
    assert_eq!(read.notes[1].code, Code::RefCycle);
    assert_eq!(read.notes[0].severity, crate::Severity::Note);
}

#[test]
fn located_errors_in_json_and_yaml() {
    let options = OpenApiOptions::default();
    let error = parse_openapi(
        "{\"openapi\": \"3.0.0\",\n \"paths\": {",
        "api.json",
        &options,
    )
    .unwrap_err();
    assert_eq!(error.code(), Code::InvalidJson);
    assert_eq!(error.diagnostic().place.map(|p| p.line), Some(2));
    let error = parse_openapi(
        "openapi: 3.0.0\npaths:\n  /a: [1, 2\n",
        "api.yaml",
        &options,
    )
    .unwrap_err();
    assert_eq!(error.code(), Code::InvalidYaml);
    assert!(error.to_string().starts_with("api.yaml:"), "{error}");
    let error = parse_openapi(
        "{\"openapi\": \"2.0\",\n \"paths\": {}}",
        "api.json",
        &options,
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "api.json:1:2: OpenAPI version \"2.0\" is not read; 3.0 and 3.1 are"
    );
    let error =
        parse_openapi("openapi: 3.0.0\nopenapi: 3.1.0\n", "api.yaml", &options).unwrap_err();
    assert_eq!(error.code(), Code::DuplicateKey);
    assert_eq!(
        parse_openapi(" \n", "api.yaml", &options)
            .unwrap_err()
            .code(),
        Code::EmptyInput
    );
    assert_eq!(
        parse_openapi("- 1\n", "api.yaml", &options)
            .unwrap_err()
            .code(),
        Code::NotOpenapi
    );
}

#[test]
fn hostile_documents_end_in_errors_not_crashes() {
    let options = OpenApiOptions::default();
    let deep_json = format!(
        "{{\"openapi\": \"3.0.0\", \"x\": {}1{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    assert_eq!(
        parse_openapi(&deep_json, "a.json", &options)
            .unwrap_err()
            .code(),
        Code::InvalidJson
    );
    let deep_yaml = format!(
        "openapi: 3.0.0\nx: {}1{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    assert_eq!(
        parse_openapi(&deep_yaml, "a.yaml", &options)
            .unwrap_err()
            .code(),
        Code::InvalidYaml
    );
    // A path item that is its own $ref, and a schema chain of 1000.
    let mut text = doc(
        "paths:\n  /a: {$ref: '#/paths/~1a'}\n  /b:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: {$ref: '#/components/schemas/S0'}\ncomponents:\n  schemas:\n",
    );
    for n in 0..1000 {
        text.push_str(&format!(
            "    S{n}: {{$ref: '#/components/schemas/S{}'}}\n",
            n + 1
        ));
    }
    let read = read(&text);
    assert!(read.operations.is_empty());
    let codes: Vec<Code> = read.notes.iter().map(|note| note.code).collect();
    assert_eq!(codes, [Code::RefCycle, Code::RefCycle]);
    assert!(
        read.notes[0].message.contains("/paths/~1a → /paths/~1a"),
        "{}",
        read.notes[0]
    );
}

#[test]
fn a_path_with_its_own_query() {
    let request = only(&doc(r#"paths:
  /responses/{id}?beta=true:
    get:
      parameters:
        - {name: id, in: path, required: true, example: resp_1}
        - {name: include, in: query, required: true, example: usage}
"#));
    assert_eq!(
        request.url,
        Text::from("https://eu.api.example.com/v1/responses/resp_1?beta=true&include=usage")
    );
}

#[test]
fn a_note_is_placed_in_the_schema_a_ref_leads_to_or_at_its_operation() {
    let text = doc(r#"paths:
  /upload:
    post:
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema: {$ref: '#/components/schemas/Upload'}
components:
  schemas:
    Upload:
      type: object
      required: [file, purpose]
      properties:
        file: {type: string, format: binary}
        purpose: {type: string}
"#);
    let read = read(&text);
    let place = read.notes[0].place.map(|place| (place.line, place.column));
    assert_eq!(place, Some((22, 9)), "{}", read.notes[0]);
}

#[test]
fn a_byte_order_mark_is_skipped() {
    for text in [
        "\u{feff}openapi: 3.0.0\npaths:\n  /a:\n    get: {}\n",
        "\u{feff}{\"openapi\": \"3.0.0\", \"paths\": {\"/a\": {\"get\": {}}}}",
    ] {
        let read = read(text);
        assert_eq!(read.operations.len(), 1, "{text:?}");
        assert!(read.operations[0].place.is_some(), "{text:?}");
    }
}

#[test]
fn an_optional_body_with_nothing_to_build_it_from_is_left_off() {
    let text = doc(r#"paths:
  /runs/{id}:
    post:
      parameters: [{name: id, in: path, required: true, example: run_1}]
      requestBody:
        content:
          application/json:
            schema: {type: object, required: [metadata], properties: {metadata: {type: object, required: [k], properties: {k: {type: string}}}}}
"#);
    let request = only(&text);
    assert_eq!(request.payload, Payload::None);
    assert_eq!(request.method(), "POST");
}

#[test]
fn parameters_without_a_value_are_placeholders() {
    let request = only(&doc(r#"paths:
  /files/{file_id}:
    get:
      parameters:
        - {name: file_id, in: path, required: true, schema: {type: string}}
        - {name: since, in: query, required: true, schema: {type: integer}}
        - {name: X-Api-Version, in: header, required: true, schema: {type: string}}
"#));
    assert_eq!(
        request.url.to_string(),
        "https://eu.api.example.com/v1/files/{file_id}?since={since}"
    );
    assert_eq!(request.headers[0].1.to_string(), "{X-Api-Version}");
}
