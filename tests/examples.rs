//! Every example a reader can copy from README.md, `docs/*.md` and the packages'
//! READMEs works as written. What runs where (docs/testing.md says the same for
//! writers):
//!
//! - A ```` ```console ```` block runs here: each `$ ` line is a command (a line
//!   ending in `\` continues it on the next line), and the lines up to the next
//!   command are what it prints, standard output and standard error together, as a
//!   terminal shows them; a line `...` stands for any number of lines. A command must
//!   exit 0, unless the next command of the block is `echo $?`, which shows its
//!   status. The commands of a block run in one bash, with the built `snippet`
//!   first on the PATH, `HF_TOKEN` and the rest of the environment unset, a proxy
//!   that refuses every connection, and stdin empty; `cargo run [--release]
//!   [--locked] [--quiet] -- ARGS` runs that `snippet`. The blocks of a page run in
//!   order, in one folder made fresh for the page: what one writes, the next sees.
//! - `<!-- example: file NAME -->` on the line before a block writes its text to the
//!   file NAME of the page's folder, there in the page: the console blocks after it
//!   read it.
//! - `<!-- example: illustration, WHY -->` on the line before a block says it is not
//!   run, and why; the test lists those.
//! - A `sh`/`bash`/`shell` block is either a region's source (a `<!-- snippet ... -->`
//!   marker follows it, and `snippet docs check` reads it) or marked as illustration:
//!   a command a reader can copy is a console block, with what it prints.
//! - The blocks inside a region are the tool's output, checked by `snippet docs check
//!   README.md docs/` (`cli::readme_and_docs_are_up_to_date`) and run by the
//!   conformance test.
//! - ```` ```python ```` blocks run in the Python package's suite
//!   (`bindings/python/tests/test_examples.py`), ```` ```js ```` / ```` ```mjs ````
//!   (ES modules) and ```` ```cjs ```` (CommonJS) blocks in the Node package's
//!   (`bindings/node/test/examples.test.mjs`); a paragraph ending in `prints` after one
//!   introduces a ```` ```text ```` block, the output it must print.
//! - `tests/pre_commit.rs` tries each `.pre-commit-config.yaml` of `docs/ci.md` with
//!   pre-commit.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::conformance::run::run;
use crate::{path_with_snippet, root, scratch};

/// The pages whose examples a reader can copy, relative to the root.
pub(crate) fn pages() -> Vec<String> {
    let mut docs: Vec<String> = fs::read_dir(root().join("docs"))
        .expect("docs/ exists")
        .map(|entry| entry.expect("readable docs/").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "md"))
        .map(|path| format!("docs/{}", path.file_name().unwrap_or_default().display()))
        .collect();
    docs.sort();
    let mut pages = vec!["README.md".to_owned()];
    pages.extend(docs);
    pages.extend(["bindings/python/README.md", "bindings/node/README.md"].map(String::from));
    pages
}

/// What the line before a block says about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Note {
    None,
    /// `<!-- example: file NAME -->`.
    File(String),
    /// `<!-- example: illustration, WHY -->`.
    Illustration(String),
}

/// A fenced code block of a page.
#[derive(Clone, Debug)]
pub(crate) struct Block {
    /// The line of its opening fence, 1-based.
    pub line: usize,
    /// The first word of its info string (`console`, `python`, `md`).
    pub info: String,
    /// Its text, each line ending in a newline.
    pub text: String,
    pub note: Note,
    /// Inside a `<!-- snippet -->` region: the tool's output.
    pub in_region: bool,
    /// A region's source: its begin marker follows the block.
    pub feeds_region: bool,
}

/// The fenced code blocks of a page, outermost only (a page shown in a ````md
/// fence is one block), in order.
pub(crate) fn blocks(page: &str) -> Vec<Block> {
    let lines: Vec<&str> = page.lines().collect();
    let mut found = Vec::new();
    let mut in_region = false;
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        let trimmed = line.trim();
        if trimmed.starts_with("<!-- snippet ") {
            in_region = true;
        } else if trimmed == "<!-- /snippet -->" {
            in_region = false;
        }
        let Some((fence, info)) = opening(line) else {
            index += 1;
            continue;
        };
        let start = index;
        let mut text = String::new();
        index += 1;
        while index < lines.len() && !closes(lines[index], &fence) {
            text.push_str(lines[index]);
            text.push('\n');
            index += 1;
        }
        let after = lines[(index + 1).min(lines.len())..]
            .iter()
            .find(|line| !line.trim().is_empty());
        found.push(Block {
            line: start + 1,
            info,
            text,
            note: note(&lines[..start]),
            in_region,
            feeds_region: after.is_some_and(|line| line.trim().starts_with("<!-- snippet ")),
        });
        index += 1;
    }
    found
}

/// The fence (its run of backticks or tildes) and info word of an opening line.
fn opening(line: &str) -> Option<(String, String)> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let mark = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let fence: String = trimmed.chars().take_while(|c| *c == mark).collect();
    if fence.len() < 3 {
        return None;
    }
    let info = trimmed[fence.len()..]
        .split_whitespace()
        .next()
        .unwrap_or("");
    Some((fence, info.to_owned()))
}

fn closes(line: &str, fence: &str) -> bool {
    let trimmed = line.trim();
    let mark = fence.chars().next().unwrap_or('`');
    trimmed.len() >= fence.len() && trimmed.chars().all(|c| c == mark)
}

/// The `<!-- example: ... -->` comment on the line before a block.
fn note(before: &[&str]) -> Note {
    let Some(comment) = before
        .last()
        .map(|line| line.trim())
        .and_then(|line| line.strip_prefix("<!-- example:"))
        .and_then(|line| line.strip_suffix("-->"))
        .map(str::trim)
    else {
        return Note::None;
    };
    if let Some(name) = comment.strip_prefix("file ") {
        Note::File(name.trim().to_owned())
    } else if let Some(why) = comment.strip_prefix("illustration,") {
        Note::Illustration(why.trim().to_owned())
    } else {
        panic!("unknown example note {comment:?}: `file NAME` or `illustration, WHY`")
    }
}

/// Languages whose blocks a reader runs, and who runs them.
fn runner(info: &str) -> Option<&'static str> {
    match info {
        "console" => Some("tests/examples.rs"),
        "python" | "py" => Some("bindings/python/tests/test_examples.py"),
        "js" | "mjs" | "cjs" | "javascript" => Some("bindings/node/test/examples.test.mjs"),
        _ => None,
    }
}

/// One command of a console block and what it prints.
#[derive(Debug)]
struct Step {
    command: String,
    expected: Vec<String>,
}

fn steps(block: &Block) -> Result<Vec<Step>, String> {
    let mut steps: Vec<Step> = Vec::new();
    let mut continued = false;
    // The word that ends the here-document the command is reading.
    let mut heredoc: Option<String> = None;
    for line in block.text.lines() {
        if continued || heredoc.is_some() {
            let step = steps.last_mut().expect("a command is continued");
            step.command.push('\n');
            step.command.push_str(line);
            if heredoc.as_deref() == Some(line.trim_start_matches('\t')) {
                heredoc = None;
            } else if heredoc.is_none() {
                continued = line.ends_with('\\');
                heredoc = delimiter(line);
            }
        } else if let Some(command) = line.strip_prefix("$ ") {
            steps.push(Step {
                command: command.to_owned(),
                expected: Vec::new(),
            });
            continued = command.ends_with('\\');
            heredoc = delimiter(command);
        } else {
            match steps.last_mut() {
                Some(step) => step.expected.push(line.to_owned()),
                None => return Err(format!("{line:?} comes before the first `$ ` command")),
            }
        }
    }
    if let Some(word) = heredoc {
        return Err(format!("the here-document never ends: no line {word:?}"));
    }
    if steps.is_empty() {
        return Err("a console block without a `$ ` command".into());
    }
    Ok(steps)
}

/// The word a here-document started on this line ends with: `<<'EOF'`, `<<EOF`,
/// `<<-"EOF"`.
fn delimiter(line: &str) -> Option<String> {
    let (_, after) = line.split_once("<<")?;
    let after = after.strip_prefix('-').unwrap_or(after).trim_start();
    let word: String = after
        .chars()
        .filter(|c| *c != '\'' && *c != '"')
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    (!word.is_empty()).then_some(word)
}

/// Whether `actual` is `expected`, where a line `...` stands for any lines.
fn matches(expected: &[String], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first == "..." => {
            (0..=actual.len()).any(|skip| matches(rest, &actual[skip..]))
        }
        Some((first, rest)) => actual
            .split_first()
            .is_some_and(|(line, more)| line == first && matches(rest, more)),
    }
}

/// Between commands: their exit status, on a line of its own.
const STATUS: &str = "@@example-status@@";

/// Runs what `cargo run ... -- ARGS` would: the `snippet` under test.
const PRELUDE: &str = r#"exec 2>&1
cargo() {
  [ "${1:-}" = run ] || { echo "examples: only 'cargo run -- ARGS' runs here" >&2; return 127; }
  shift
  while [ $# -gt 0 ] && [ "$1" != -- ]; do
    case "$1" in --release|--locked|--quiet|-q) shift ;; *) echo "examples: cargo run $1" >&2; return 127 ;; esac
  done
  shift
  snippet "$@"
}
"#;

/// A console block as one bash script, each command followed by its status.
fn script(steps: &[Step]) -> String {
    let mut script = PRELUDE.to_owned();
    for step in steps {
        let _ = writeln!(
            script,
            "{}\nstatus=$?; printf '\\n{STATUS} %d\\n' \"$status\"; (exit \"$status\")",
            step.command
        );
    }
    script
}

const BLOCK_TIMEOUT: Duration = Duration::from_secs(60);

/// Runs a console block in `dir`: what went wrong, or nothing.
fn run_block(block: &Block, dir: &Path) -> Result<(), String> {
    let steps = steps(block)?;
    let home = dir.join(".home");
    fs::create_dir_all(&home).map_err(|err| err.to_string())?;
    let unreachable = "http://127.0.0.1:9";
    let outcome = run(
        Command::new("bash")
            .args(["--noprofile", "--norc", "-c", &script(&steps)])
            .env_clear()
            .env("PATH", path_with_snippet())
            .env("HOME", &home)
            .env("LANG", "C.UTF-8")
            .env("TERM", "dumb")
            .envs(
                [
                    "http_proxy",
                    "https_proxy",
                    "HTTP_PROXY",
                    "HTTPS_PROXY",
                    "ALL_PROXY",
                ]
                .map(|name| (name, unreachable)),
            ),
        dir,
        ".run",
        BLOCK_TIMEOUT,
    );
    if outcome.timed_out {
        return Err(format!("timed out after {} s", BLOCK_TIMEOUT.as_secs()));
    }
    let mut printed = outcome.stdout.as_str();
    let mut problems = Vec::new();
    for (index, step) in steps.iter().enumerate() {
        let marker = format!("\n{STATUS} ");
        let Some(at) = printed.find(&marker) else {
            problems.push(format!(
                "$ {}\n  the block stopped before this command ended:\n{printed}",
                step.command
            ));
            break;
        };
        let output = &printed[..at];
        let rest = &printed[at + marker.len()..];
        let (status, after) = rest.split_once('\n').unwrap_or((rest, ""));
        printed = after;
        let lines: Vec<&str> = if output.is_empty() {
            Vec::new()
        } else {
            output
                .strip_suffix('\n')
                .unwrap_or(output)
                .split('\n')
                .collect()
        };
        if !matches(&step.expected, &lines) || (!output.is_empty() && !output.ends_with('\n')) {
            problems.push(format!(
                "$ {}\n{}",
                step.command,
                diff(&step.expected.join("\n"), output.trim_end_matches('\n'))
            ));
        }
        let shown = steps
            .get(index + 1)
            .is_some_and(|next| next.command.trim() == "echo $?");
        if status != "0" && !shown {
            problems.push(format!(
                "$ {}\n  exited {status}: show it with `$ echo $?` as the next command, or fix the example",
                step.command
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

fn diff(expected: &str, actual: &str) -> String {
    let (expected, actual) = (format!("{expected}\n"), format!("{actual}\n"));
    similar::TextDiff::from_lines(expected.as_str(), actual.as_str())
        .unified_diff()
        .header("shown", "printed")
        .to_string()
}

/// The page's console blocks, in order, in one folder made fresh for the page: a
/// reader follows a page from the top, so what a block writes is there for the next
/// ones, and each file the page declares is written where the page shows it. The
/// problems found, and how many blocks ran.
fn run_page(name: &str, page: &str) -> (Vec<String>, usize) {
    let dir = scratch(&format!("examples/{}", name.replace(['/', '.'], "-")));
    let mut problems = Vec::new();
    let mut ran = 0;
    for block in blocks(page) {
        if let Note::File(file) = &block.note {
            let path = dir.join(file);
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).expect("a folder for the example's file");
            }
            fs::write(&path, &block.text).expect("the example's file");
        }
        if block.info != "console" || block.in_region || block.note != Note::None {
            continue;
        }
        ran += 1;
        if let Err(problem) = run_block(&block, &dir) {
            problems.push(format!("{name}:{}:\n{problem}", block.line));
        }
    }
    (problems, ran)
}

fn read(page: &str) -> String {
    fs::read_to_string(root().join(page)).unwrap_or_else(|err| panic!("{page}: {err}"))
}

#[test]
fn every_console_example_prints_what_it_shows() {
    let mut problems = Vec::new();
    let mut ran = 0;
    for page in pages() {
        let (found, count) = run_page(&page, &read(&page));
        problems.extend(found);
        ran += count;
    }
    eprintln!("examples: {ran} console blocks run");
    assert!(ran >= 10, "only {ran} console blocks");
    assert!(problems.is_empty(), "\n{}", problems.join("\n\n"));
}

#[test]
fn every_example_a_reader_can_run_is_run_or_marked() {
    let mut unrun = Vec::new();
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for page in pages() {
        for block in blocks(&read(&page)) {
            let place = format!("{page}:{}", block.line);
            if block.in_region || block.feeds_region {
                continue;
            }
            match (&block.note, runner(&block.info)) {
                (Note::Illustration(why), _) => {
                    assert!(!why.is_empty(), "{place}: say why it is not run");
                    eprintln!("examples: not run: {place} ({}): {why}", block.info);
                }
                (_, Some(runner)) => *counts.entry(runner).or_default() += 1,
                (_, None)
                    if ["sh", "bash", "shell", "zsh", "rust", "rs"].contains(&&*block.info) =>
                {
                    unrun.push(format!(
                        "{place}: a ```{} block nothing runs: make it a console block with \
                         what it prints, or mark it `<!-- example: illustration, WHY -->`",
                        block.info
                    ));
                }
                _ => {}
            }
        }
    }
    for (runner, count) in &counts {
        eprintln!("examples: {count} blocks run by {runner}");
    }
    assert!(unrun.is_empty(), "\n{}", unrun.join("\n"));
}

#[test]
fn a_console_block_is_read_as_commands_and_their_output() {
    let page = "# Page\n\n<!-- example: file spec.json -->\n```json\n{}\n```\n\n```console\n$ snippet a \\\n  b\nout\n...\n$ echo $?\n2\n```\n\n<!-- example: illustration, the network -->\n```sh\ncargo install x\n```\n\n````md\n```sh\ninner\n```\n````\n\n```sh\ncurl x\n```\n\n<!-- snippet from=curl -->\n```py\nx\n```\n<!-- /snippet -->\n";
    let found = blocks(page);
    let summary: Vec<(usize, &str, &Note, bool, bool)> = found
        .iter()
        .map(|b| (b.line, &*b.info, &b.note, b.in_region, b.feeds_region))
        .collect();
    assert_eq!(
        summary,
        [
            (4, "json", &Note::File("spec.json".into()), false, false),
            (8, "console", &Note::None, false, false),
            (
                18,
                "sh",
                &Note::Illustration("the network".into()),
                false,
                false
            ),
            (22, "md", &Note::None, false, false),
            (28, "sh", &Note::None, false, true),
            (33, "py", &Note::None, true, false),
        ]
    );
    let steps = steps(&found[1]).expect("commands");
    assert_eq!(steps[0].command, "snippet a \\\n  b");
    assert_eq!(steps[0].expected, ["out", "..."]);
    assert_eq!(steps[1].command, "echo $?");
    assert!(matches(&steps[0].expected, &["out", "x", "y"]));
    assert!(matches(&steps[0].expected, &["out"]));
    assert!(!matches(&steps[0].expected, &["other"]));

    let heredoc = Block {
        text: "$ snippet --all <<'EOF'\ncurl x \\\n  -d a\nEOF\nout\n".into(),
        ..found[1].clone()
    };
    let steps = self::steps(&heredoc).expect("commands");
    assert_eq!(
        steps[0].command,
        "snippet --all <<'EOF'\ncurl x \\\n  -d a\nEOF"
    );
    assert_eq!(steps[0].expected, ["out"]);
}
