//! `snippet docs lint`: the curl commands of a page's shell blocks read as a shell
//! would run them, and every finding given the severity a docs maintainer needs:
//! `error` when the command cannot work as pasted, `warning` for a likely mistake,
//! `note` for what is only worth knowing.

mod blocks;
mod command;
mod severity;

use crate::CurlOptions;
use crate::curl::parse_curl_at;
use crate::diagnostic::{Code, Diagnostic, Hint, Place, Severity};
use crate::lines::Lines;
use crate::secret;
use blocks::{Ignore, Syntax};

/// Every finding of a page, sorted by line and column: the curl commands of its
/// shell blocks (info string `bash`, `sh`, `shell`, `zsh`, `console`, `terminal`,
/// `powershell`, `pwsh`, `ps1`, `cmd`, `bat`, or none / `text` when a line starts with
/// curl), each read alone with its prompt and continuation lines, and real-looking
/// tokens in any code block. A page named `*.mdx` is read as MDX: fences indented
/// inside JSX components are code.
///
/// A comment on the line before a block, `<!-- snippet-lint: ignore -->` or
/// `<!-- snippet-lint: ignore=CODE,CODE -->` (`{/* ... */}` in MDX), leaves out its
/// findings, or those of the codes named.
///
/// # Example
/// ```
/// use inference_snippets::{Code, Severity, docs};
///
/// let page = "Intro\n\n```bash\nhf auth login\ncurl https://x.cloud \\\n  --dat '{}'\n```\n";
/// let findings = docs::lint(page, "page.md");
/// assert_eq!(findings[0].code, Code::UnknownOption);
/// assert_eq!(findings[0].severity, Severity::Error);
/// assert_eq!(findings[0].to_string(), "page.md:6:3: unknown option --dat; did you mean --data?");
/// // A Dockerfile mentions curl; it is not a command a reader pastes.
/// assert!(docs::lint("```dockerfile\nRUN apt-get install -y curl\n```\n", "page.md").is_empty());
/// ```
pub fn lint(text: &str, origin: &str) -> Vec<Diagnostic> {
    let lines = Lines::new(text);
    let mut findings = Vec::new();
    for block in blocks::code_blocks(text, &lines, Syntax::of(origin)) {
        let ignore = blocks::suppression(text, block.opening);
        let mut found = tokens(&block.code, block.start);
        if let Some(shell) = command::shell_of(&block.info, &block.code) {
            for command in command::curl_commands(&block.code, shell) {
                found.extend(curl_findings(&block, &command, shell));
            }
        }
        for mut finding in found {
            finding.source = Some(origin.to_owned());
            let kept = match &ignore {
                Some(Ignore::All) => false,
                Some(Ignore::Codes(codes)) => {
                    !codes.iter().any(|(name, _)| name == finding.code.name())
                }
                None => true,
            };
            if kept {
                findings.push(finding);
            }
        }
        if let Some(Ignore::Codes(codes)) = &ignore {
            findings.extend(unknown_codes(codes, &lines, origin));
        }
    }
    for finding in &mut findings {
        lines.resolve_diagnostic(finding);
    }
    findings.sort_by_key(|finding| finding.place.map(|place| (place.line, place.column)));
    // The same problem found twice at one place (a token in a header the parser
    // also reads) is one finding; so is a note said twice on one line (a
    // placeholder in the URL, also not read as a redirection).
    findings.dedup_by(|later, kept| {
        later.code == kept.code
            && (later.place == kept.place
                || (later.severity == Severity::Note
                    && later.place.map(|p| p.line) == kept.place.map(|p| p.line)))
    });
    findings
}

/// The findings of one curl command of a block, with the lint's severities.
fn curl_findings(
    block: &blocks::CodeBlock,
    command: &command::CurlCommand,
    shell: crate::curl::Shell,
) -> Vec<Diagnostic> {
    let mut findings = Vec::new();
    let code_lines: Vec<&str> = block.code.lines().collect();
    let mut text = code_lines[command.lines.clone()].join("\n");
    let start = Place::at(block.start.line + command.lines.start, block.start.column);
    if let Some(prompt) = &command.prompt {
        // The parser reads the command without its prompt, at the same columns.
        text.replace_range(
            prompt.range.clone(),
            &" ".repeat(prompt.text.chars().count()),
        );
        let column = start.column
            + code_lines[command.lines.start][..prompt.range.start]
                .chars()
                .count();
        findings.push(severity::prompt(prompt, Place::at(start.line, column)));
    }
    // Tokens are reported by `tokens`, wherever they are in the block.
    let options = CurlOptions {
        keep_token: true,
        shell: Some(shell),
    };
    match parse_curl_at(&text, "", &options, start) {
        Ok(parsed) => findings.extend(
            parsed
                .warnings
                .into_iter()
                .map(|warning| severity::of_warning(warning, shell)),
        ),
        Err(err) => {
            let mut finding = severity::of_error(err.into_diagnostic());
            // A problem of the whole command is about its first line.
            finding.place.get_or_insert(start);
            findings.push(finding);
        }
    }
    findings
}

/// A real-looking token anywhere in a block's code: `published-token` (an error in
/// lint), whatever the language.
fn tokens(code: &str, start: Place) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (index, line) in code.lines().enumerate() {
        let words = line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
        for token in words.filter(|word| secret::is_real_token(word)) {
            // `token` is a slice of `line`: its offset is its place.
            let offset = token.as_ptr() as usize - line.as_ptr() as usize;
            let column = start.column + line[..offset].chars().count();
            let finding = secret::published(token).at(Place::at(start.line + index, column));
            found.push(severity::own(finding));
        }
    }
    found
}

/// A code name in a suppression comment that names no code: `invalid-marker` (a
/// warning in lint, since the finding it was meant to leave out is still reported).
fn unknown_codes(
    codes: &[(String, std::ops::Range<usize>)],
    lines: &Lines,
    origin: &str,
) -> Vec<Diagnostic> {
    codes
        .iter()
        .filter(|(name, _)| !Code::ALL.iter().any(|code| code.name() == name))
        .map(|(name, range)| {
            let known = Code::ALL.iter().map(|code| code.name());
            let finding = Diagnostic::warning(
                Code::InvalidMarker,
                format!("snippet-lint: ignore= names no code {name:?}"),
            )
            .in_source(origin)
            .at(lines.span(range.clone()));
            severity::own(match crate::suggest::closest(name, known, 3) {
                Some(known) => finding.hint(Hint::DidYouMean(known.to_owned())),
                None => finding.advice("the codes are listed in ERRORS.md"),
            })
        })
        .collect()
}
