//! The parser over real curl commands nobody on this project wrote
//! (`../shared/corpus`): how many parse, with warnings, or fail, and why.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use inference_snippets::{Client, Code, CurlOptions, Request, parse_curl, render};

fn corpus() -> Option<PathBuf> {
    let path = super::root().join("../shared/corpus");
    if path.is_dir() {
        Some(path)
    } else {
        println!("corpus absent: {} not found, skipping", path.display());
        None
    }
}

#[derive(Default)]
struct Tally {
    parsed: usize,
    warned: usize,
    failed: Vec<(String, String)>,
    warnings: BTreeMap<String, usize>,
    /// Commands whose request reads a variable other than the token's.
    variables: usize,
    /// Commands with a placeholder in their URL.
    placeholders: usize,
    /// Commands with a connection option (`-k`, `-m`, `-x`, `--compressed`, `-L`).
    connection: usize,
    /// Why a parsed command has no snippet in a generic client.
    refused: BTreeMap<String, usize>,
}

impl Tally {
    fn add(&mut self, name: &str, text: &str) -> Result<(), String> {
        let parsed = parse_curl(text, name, &CurlOptions::default());
        if let Ok(parsed) = &parsed {
            self.count(&parsed.request);
            self.render(name, &parsed.request)?;
        }
        match parsed {
            Ok(parsed) if parsed.warnings.is_empty() => self.parsed += 1,
            Ok(parsed) => {
                self.warned += 1;
                for warning in parsed.warnings {
                    // Group by the message's start, before values that vary.
                    let kind: String = warning.message.chars().take(40).collect();
                    *self.warnings.entry(kind).or_default() += 1;
                }
            }
            Err(err) => {
                let located = err.diagnostic().place.is_some() || err.code() == Code::EmptyInput;
                if !located {
                    return Err(format!("{name}: unlocated or generic error: {err}"));
                }
                self.failed.push((name.to_owned(), err.to_string()));
            }
        }
        Ok(())
    }

    /// What the request holds that the snippets must carry over.
    fn count(&mut self, request: &Request) {
        let token = match &request.token {
            inference_snippets::Token::Env(name) => Some(name.as_str()),
            _ => None,
        };
        if request
            .vars()
            .iter()
            .any(|var| Some(var.name.as_str()) != token)
        {
            self.variables += 1;
        }
        if request.url.placeholders().next().is_some() {
            self.placeholders += 1;
        }
        if !request.connection.is_default() {
            self.connection += 1;
        }
    }

    /// Every generic client writes a parsed request, or refuses it with a reason; any
    /// other failure is a problem.
    fn render(&mut self, name: &str, request: &Request) -> Result<(), String> {
        for client in [
            Client::Curl,
            Client::Requests,
            Client::Fetch,
            Client::Reqwest,
        ] {
            match render(request, client) {
                Ok(_) => {}
                Err(err) if err.is_refusal() => {
                    let reason: String = err.to_string().chars().take(60).collect();
                    *self.refused.entry(reason).or_default() += 1;
                }
                Err(err) => return Err(format!("{name}: {client} fails to render: {err}")),
            }
        }
        Ok(())
    }

    fn report(&self, title: &str) -> f64 {
        let total = self.parsed + self.warned + self.failed.len();
        println!(
            "{title}: {total} commands, {} parse, {} parse with warnings, {} fail",
            self.parsed,
            self.warned,
            self.failed.len()
        );
        println!(
            "  they read {} variables besides the token, {} have a placeholder in the URL, {} a connection option",
            self.variables, self.placeholders, self.connection
        );
        for (kind, count) in &self.warnings {
            println!("  warning x{count}: {kind}...");
        }
        for (reason, count) in &self.refused {
            println!("  refused x{count}: {reason}...");
        }
        for (name, error) in &self.failed {
            println!("  fails: {name}: {error}");
        }
        (self.parsed + self.warned) as f64 / total.max(1) as f64
    }
}

fn files(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .expect("corpus dir")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    files
}

#[test]
fn corpus_parse_report() {
    let Some(corpus) = corpus() else { return };
    let mut overall = Tally::default();
    let mut problems = Vec::new();
    for path in files(&corpus.join("curlconverter/curl_commands"), "sh") {
        let text = fs::read_to_string(&path).expect("fixture");
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        if let Err(problem) = overall.add(&name, &text) {
            problems.push(problem);
        }
    }
    let hf = corpus.join("hf-docs/curl");
    let index = fs::read_to_string(hf.join("index.tsv")).expect("index.tsv");
    let mut inference = Tally::default();
    for line in index.lines().skip(1) {
        let columns: Vec<&str> = line.split('\t').collect();
        let (file, category) = (columns[0], columns[10]);
        let text = fs::read_to_string(hf.join(file)).expect("hf command");
        if let Err(problem) = overall.add(file, &text) {
            problems.push(problem);
        }
        if category == "inference" {
            inference.add(file, &text).expect("checked above");
        }
    }
    let share = overall.report("all corpus commands");
    inference.report("hf-docs inference commands");
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(
        inference.failed.is_empty(),
        "every inference command must parse"
    );
    assert!(share >= 0.95, "only {:.1}% parse", share * 100.0);
}
