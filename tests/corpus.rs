//! The parser over real curl commands nobody on this project wrote
//! (`../shared/corpus`): how many parse, with warnings, or fail, and why.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use inference_snippets::{Code, CurlOptions, parse_curl};

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
}

impl Tally {
    fn add(&mut self, name: &str, text: &str) -> Result<(), String> {
        match parse_curl(text, name, &CurlOptions::default()) {
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

    fn report(&self, title: &str) -> f64 {
        let total = self.parsed + self.warned + self.failed.len();
        println!(
            "{title}: {total} commands, {} parse, {} parse with warnings, {} fail",
            self.parsed,
            self.warned,
            self.failed.len()
        );
        for (kind, count) in &self.warnings {
            println!("  warning x{count}: {kind}...");
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
