//! `cargo bench --bench large`: big inputs, to show that cost grows linearly with size.
//!
//! Each bench reads a generated input of 1, 2, 5 and 10 MB of one shape; divan's
//! throughput line (bytes per second) stays flat when the cost is linear and falls
//! as the input grows when it is not. The shapes are those that once were quadratic
//! or could be: one huge word, thousands of options or headers, thousands of
//! continued lines, a page of thousands of regions or fences, an OpenAPI document of
//! thousands of operations.

use std::path::Path;

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use inference_snippets::{
    Client, CurlOptions, OpenApiOptions, SampleOptions, docs, openapi_samples, parse_curl,
    parse_openapi, parse_spec, render,
};

fn main() {
    divan::main();
}

const MB: usize = 1024 * 1024;
const SIZES: [usize; 4] = [1, 2, 5, 10];

/// `text` repeated until the result is `size` MB or a little more.
fn repeat(size: usize, mut item: impl FnMut(usize) -> String) -> String {
    let mut text = String::with_capacity(size * MB + 256);
    let mut index = 0;
    while text.len() < size * MB {
        text.push_str(&item(index));
        index += 1;
    }
    text
}

/// What the CLI does with a curl command, minus IO: parse, then write Python.
fn curl_to_python(command: &str) -> String {
    let parsed = parse_curl(command, "<stdin>", &CurlOptions::default()).expect("parses");
    render(&parsed.request, Client::Requests).expect("renders")
}

fn bench_curl(bencher: Bencher, command: String) {
    bencher
        .counter(BytesCount::of_str(&command))
        .bench(|| curl_to_python(black_box(&command)));
}

/// One word of `size` MB: a JSON body in single quotes.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn curl_one_big_body(bencher: Bencher, size: usize) {
    let inputs = repeat(size, |_| "Deploying my first endpoint. ".to_owned());
    let command = format!(
        "curl https://x.cloud/a -H 'Content-Type: application/json' -d '{{\"inputs\": \"{inputs}\"}}'"
    );
    bench_curl(bencher, command);
}

/// A double-quoted body full of escapes: the slow path of the lexer.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn curl_escaped_body(bencher: Bencher, size: usize) {
    let body = repeat(size, |_| r#"say \"hi\" to \$HOME "#.to_owned());
    bench_curl(bencher, format!("curl https://x.cloud/a -d \"{body}\""));
}

/// Tens of thousands of headers, each name different (all checked for repeats).
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn curl_many_headers(bencher: Bencher, size: usize) {
    let headers = repeat(size, |index| {
        format!(" -H 'X-Header-{index}: value {index}'")
    });
    bench_curl(bencher, format!("curl https://x.cloud/a{headers}"));
}

/// Tens of thousands of `-d` parts, one per continued line, joined with `&`.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn curl_many_lines(bencher: Bencher, size: usize) {
    let data = repeat(size, |index| format!(" \\\n  -d 'field{index}=value'"));
    bench_curl(bencher, format!("curl https://x.cloud/a{data}"));
}

/// A JSON body that reads thousands of variables, each a string value of its own.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn curl_many_variables_in_json(bencher: Bencher, size: usize) {
    let items = repeat(size, |index| format!("\"k{index}\": \"$VAR_{index}\", "));
    let command = format!(
        "curl https://x.cloud/a -H 'Content-Type: application/json' -d \"{{{}\"end\": 1}}\"",
        items.replace('"', "\\\"")
    );
    bench_curl(bencher, command);
}

/// Thousands of `--data-urlencode` values read from variables: a form body.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn curl_many_encoded_variables(bencher: Bencher, size: usize) {
    let data = repeat(size, |index| {
        format!(" --data-urlencode \"f{index}=$V{index}\"")
    });
    bench_curl(bencher, format!("curl https://x.cloud/a{data}"));
}

/// A JSON spec whose body is a long array.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn spec_big_json(bencher: Bencher, size: usize) {
    let items = repeat(size, |index| format!("\"sentence number {index}\", "));
    let spec = format!(
        "{{\"url\": \"https://x.cloud/a\", \"json\": {{\"inputs\": [{}]}}}}",
        items.trim_end_matches(", ")
    );
    bencher.counter(BytesCount::of_str(&spec)).bench(|| {
        let request = parse_spec(black_box(&spec), "spec.json").expect("valid spec");
        render(&request, Client::Requests).expect("renders")
    });
}

/// An OpenAPI document of thousands of operations in YAML, each body behind a
/// `$ref`, every other one left out with a note: the notes are placed in one walk,
/// not one walk each.
fn openapi_yaml(size: usize) -> String {
    let paths = repeat(size, |index| {
        let schema = if index % 2 == 0 { "Generate" } else { "Bare" };
        format!(
            "  /models/{{model_id}}/op{index}:\n    post:\n      operationId: op{index}\n      \
             parameters: [{{name: model_id, in: path, required: true, example: gpt2}}]\n      \
             requestBody:\n        content:\n          application/json:\n            \
             schema: {{$ref: '#/components/schemas/{schema}'}}\n"
        )
    });
    format!(
        "openapi: 3.1.0\ninfo: {{title: t, version: '1'}}\nservers: [{{url: 'https://x.cloud'}}]\n\
         security: [{{token: []}}]\ncomponents:\n  securitySchemes:\n    token: {{type: http, scheme: bearer}}\n  \
         schemas:\n    Generate: {{type: object, required: [inputs], properties: {{inputs: {{type: string, example: Hi}}}}}}\n    \
         Bare: {{type: object, required: [inputs], properties: {{inputs: {{type: string}}}}}}\npaths:\n{paths}"
    )
}

/// Every operation read, and the first rendered.
fn bench_openapi(bencher: Bencher, document: String) {
    bencher.counter(BytesCount::of_str(&document)).bench(|| {
        let read = parse_openapi(black_box(&document), "openapi", &OpenApiOptions::default())
            .expect("a valid document");
        render(&read.operations[0].request, Client::Requests).expect("renders")
    });
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn openapi_many_operations_yaml(bencher: Bencher, size: usize) {
    bench_openapi(bencher, openapi_yaml(size));
}

/// The samples of every operation (each language's preferred client), written into
/// the YAML document and as an overlay: what `snippet openapi --write` does.
#[divan::bench(args = [1, 2, 5], sample_count = 3, sample_size = 1)]
fn openapi_samples_written_yaml(bencher: Bencher, size: usize) {
    let document = openapi_yaml(size);
    bencher.counter(BytesCount::of_str(&document)).bench(|| {
        let samples = openapi_samples(black_box(&document), "openapi", &SampleOptions::default())
            .expect("a valid document");
        (samples.written().expect("writes"), samples.overlay(true))
    });
}

/// The same shape of document in JSON.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn openapi_many_operations_json(bencher: Bencher, size: usize) {
    let paths = repeat(size, |index| {
        let schema = if index % 2 == 0 { "Generate" } else { "Bare" };
        let comma = if index == 0 { "" } else { ",\n " };
        format!(
            "{comma}\"/models/{{model_id}}/op{index}\": {{\"post\": {{\"operationId\": \"op{index}\", \
             \"parameters\": [{{\"name\": \"model_id\", \"in\": \"path\", \"required\": true, \"example\": \"gpt2\"}}], \
             \"requestBody\": {{\"content\": {{\"application/json\": {{\"schema\": {{\"$ref\": \"#/components/schemas/{schema}\"}}}}}}}}}}}}"
        )
    });
    let document = format!(
        "{{\"openapi\": \"3.1.0\", \"info\": {{\"title\": \"t\", \"version\": \"1\"}}, \
         \"servers\": [{{\"url\": \"https://x.cloud\"}}], \"security\": [{{\"token\": []}}], \
         \"components\": {{\"securitySchemes\": {{\"token\": {{\"type\": \"http\", \"scheme\": \"bearer\"}}}}, \
         \"schemas\": {{\"Generate\": {{\"type\": \"object\", \"required\": [\"inputs\"], \"properties\": {{\"inputs\": {{\"type\": \"string\", \"example\": \"Hi\"}}}}}}, \
         \"Bare\": {{\"type\": \"object\", \"required\": [\"inputs\"], \"properties\": {{\"inputs\": {{\"type\": \"string\"}}}}}}}}}}, \
         \"paths\": {{{paths}}}}}"
    );
    bench_openapi(bencher, document);
}

/// A page of thousands of regions, each generated from the curl block above it.
fn page_of_regions(size: usize) -> String {
    repeat(size, |index| {
        format!(
            "\n## Example {index}\n\n```sh\ncurl https://x.cloud/model-{index} \\\n  -H 'Content-Type: application/json' \\\n  -d '{{\"inputs\": \"text {index}\"}}'\n```\n\n<!-- snippet from=curl layout=fences clients=requests,fetch -->\n<!-- /snippet -->\n"
        )
    })
}

/// `docs write`: every region of the page drifts (it is empty) and is written.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn docs_write_many_regions(bencher: Bencher, size: usize) {
    let page = page_of_regions(size);
    bencher.counter(BytesCount::of_str(&page)).bench(|| {
        let updated = docs::update(black_box(&page), "page.md", Path::new(".")).expect("valid");
        assert_eq!(updated.drifts.len(), page.matches("<!-- /snippet").count());
        updated.text
    });
}

/// `docs lint`: every fence holds a curl command to parse.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn docs_lint_many_fences(bencher: Bencher, size: usize) {
    let page = page_of_regions(size);
    bencher
        .counter(BytesCount::of_str(&page))
        .bench(|| docs::lint(black_box(&page), "page.md"));
}

/// `docs check` of a long page of prose, lists and code with one region.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn docs_check_long_prose(bencher: Bencher, size: usize) {
    let prose = repeat(size, |index| {
        format!(
            "Paragraph {index} with `code`, *emphasis* and a [link](https://example.com/{index}).\n\n- item\n  - nested item\n\n```python\nprint({index})\n```\n\n"
        )
    });
    let region = "```sh\ncurl https://x.cloud/a -d 'hi'\n```\n\n<!-- snippet from=curl layout=fences clients=requests -->\n<!-- /snippet -->\n";
    let written = docs::update(&format!("{prose}{region}"), "page.md", Path::new("."))
        .expect("valid")
        .text;
    bencher.counter(BytesCount::of_str(&written)).bench(|| {
        let drifts = docs::check(black_box(&written), "page.md", Path::new(".")).expect("valid");
        assert!(drifts.is_empty());
    });
}
