//! What the benches share: the curl corpus and the generated Markdown trees.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use inference_snippets::{Client, CurlOptions, docs, parse_curl, render};

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The curlconverter fixture commands, when `../shared` is there.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = root().join("../shared/corpus/curlconverter/curl_commands");
    dir.is_dir().then_some(dir)
}

/// Every `.sh` file of `dir`, sorted, with its text.
pub fn commands(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .expect("readable corpus directory")
        .map(|entry| entry.expect("readable corpus entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "sh"))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            // Some fixtures are not UTF-8; the CLI refuses those too.
            let text = fs::read_to_string(&path).ok()?;
            Some((path, text))
        })
        .collect()
}

/// The commands of the corpus that convert to Python `requests`; the others are
/// skipped, as the brief says (they fail with curl's own reasons).
pub fn convertible(dir: &Path) -> Vec<String> {
    commands(dir)
        .into_iter()
        .filter(|(_, text)| curl_to_python(text).is_some())
        .map(|(_, text)| text)
        .collect()
}

/// What `snippet --lang python --client requests --curl -` does, minus IO.
pub fn curl_to_python(text: &str) -> Option<String> {
    let parsed = parse_curl(text, "<stdin>", &CurlOptions::default()).ok()?;
    render(&parsed.request, Client::Requests).ok()
}

/// Ten regions of different shapes: a curl block, then the marker.
const REGIONS: [(&str, &str); 10] = [
    (
        "curl https://xyz.endpoints.huggingface.cloud/distilbert-{i} \\\n  -H \"Authorization: Bearer $HF_TOKEN\" \\\n  -H 'Content-Type: application/json' \\\n  -d '{\"inputs\": \"Deploying endpoint {i} was an amazing experience.\"}'",
        "task=text-classification",
    ),
    (
        "curl https://xyz.endpoints.huggingface.cloud/llama-{i}/v1/chat/completions \\\n  -H \"Authorization: Bearer $HF_TOKEN\" \\\n  -H 'Content-Type: application/json' \\\n  -d '{\"model\": \"tgi\", \"messages\": [{\"role\": \"user\", \"content\": \"What is deep learning? ({i})\"}], \"stream\": true}'",
        "id=chat clients=huggingface_hub,huggingface.js,fetch",
    ),
    (
        "curl --request POST \\\n  --url https://xyz.endpoints.huggingface.cloud/wav2vec-{i} \\\n  --header 'Authorization: Bearer hf_***' \\\n  --header 'Content-Type: audio/x-flac' \\\n  --data-binary '@sample{i}.flac'",
        "task=automatic-speech-recognition layout=fences",
    ),
    (
        "curl https://xyz.endpoints.huggingface.cloud/gpt2-{i} \\\n  -H \"Authorization: Bearer $HF_TOKEN\" \\\n  -H 'Content-Type: application/json' \\\n  -d '{\"inputs\": \"Once upon a time {i}\", \"parameters\": {\"max_new_tokens\": 50, \"temperature\": 0.7}}'",
        "task=text-generation clients=curl,requests,fetch,reqwest",
    ),
    (
        "curl 'https://api.example.com/v1/items/{i}?page=2&sort=desc' \\\n  -H 'Accept: application/json' \\\n  -H 'X-Request-Id: {i}'",
        "layout=inferencesnippet clients=curl,requests,fetch",
    ),
    (
        "curl https://xyz.endpoints.huggingface.cloud/bart-{i} \\\n  -H \"Authorization: Bearer $HF_TOKEN\" \\\n  -H 'Content-Type: application/json' \\\n  -d '{\"inputs\": \"I have a problem with my iphone that needs to be resolved asap!!\", \"parameters\": {\"candidate_labels\": [\"urgent\", \"not urgent\", \"phone\"], \"multi_label\": false}}'",
        "task=zero-shot-classification",
    ),
    (
        "curl https://upload.example.com/files/{i} \\\n  -F 'file=@report{i}.pdf;type=application/pdf' \\\n  -F 'title=Quarterly report {i}' \\\n  -u alice:secret",
        "layout=fences clients=curl,requests,reqwest",
    ),
    (
        "curl -X PUT https://api.example.com/v1/settings/{i} \\\n  -H 'Content-Type: text/plain' \\\n  --data-raw 'mode=fast; retries=3; it'\\''s {i}'",
        "token=hf_*** clients=curl,requests,fetch,reqwest",
    ),
    (
        "curl https://xyz.endpoints.huggingface.cloud/sdxl-{i} \\\n  -H \"Authorization: Bearer $HF_TOKEN\" \\\n  -H 'Content-Type: application/json' \\\n  -d '{\"inputs\": \"An astronaut riding a horse, picture {i}\"}'",
        "task=text-to-image",
    ),
    (
        "curl https://xyz.endpoints.huggingface.cloud/minilm-{i} \\\n  -H \"Authorization: Bearer $HF_TOKEN\" \\\n  -H 'Content-Type: application/json' \\\n  -d '{\"inputs\": [\"first sentence {i}\", \"second sentence\"]}'",
        "task=feature-extraction layout=fences",
    ),
];

/// Page `index` with its ten regions still empty.
fn page(index: usize) -> String {
    let i = index.to_string();
    let mut text =
        format!("# Endpoint guide {index}\n\nHow to call the endpoints of this guide.\n");
    for (number, (command, marker)) in REGIONS.iter().enumerate() {
        text.push_str(&format!(
            "\n## Example {number}\n\nSome prose about example {number}, with a [link](https://example.com/{index}) and `code`.\n\n- a list item\n- another one\n\n```sh\n{}\n```\n\n<!-- snippet from=curl {marker} -->\n<!-- /snippet -->\n",
            command.replace("{i}", &i)
        ));
    }
    text
}

/// `target/bench-docs/<files>`: `files` pages of ten up-to-date regions, 100 per
/// folder. Written once; written again when missing or when its pages drift
/// (the generated code changed since).
pub fn docs_tree(files: usize) -> PathBuf {
    let dir = root().join("target/bench-docs").join(files.to_string());
    let path = |index: usize| dir.join(format!("{:03}/page{index:05}.md", index / 100));
    let up_to_date = |index: usize| {
        let file = path(index);
        fs::read_to_string(&file).is_ok_and(|text| {
            docs::check(&text, &file.display().to_string(), &dir).is_ok_and(|d| d.is_empty())
        })
    };
    let complete = fs::read_dir(&dir).is_ok() && up_to_date(0) && up_to_date(files - 1);
    if !complete {
        let _ = fs::remove_dir_all(&dir);
        for index in 0..files {
            let file = path(index);
            fs::create_dir_all(file.parent().expect("a page has a folder")).expect("bench dir");
            let origin = file.display().to_string();
            let updated =
                docs::update(&page(index), &origin, &dir).expect("generated pages are valid");
            fs::write(&file, updated.text).expect("writable target/");
        }
    }
    dir
}

/// The `.md` files under `dir`, sorted, as `snippet docs` finds them.
pub fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .expect("readable bench dir")
        .map(|entry| entry.expect("readable bench entry").path())
        .collect();
    entries.sort();
    let mut files = Vec::new();
    for path in entries {
        if path.is_dir() {
            files.extend(markdown_files(&path));
        } else if path
            .extension()
            .is_some_and(|ext| ext == "md" || ext == "mdx")
        {
            files.push(path);
        }
    }
    files
}
