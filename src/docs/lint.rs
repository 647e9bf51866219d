//! `snippet docs lint`: every fenced curl command of a page parsed, and what a
//! reader would trip on reported with its place.

use super::{fence_code_start, scan};
use crate::CurlOptions;
use crate::curl::parse_curl_at;
use crate::diagnostic::Diagnostic;
use crate::lines::Lines;
use crate::secret;

/// The diagnostics of every fenced block that holds a curl command, in page order:
/// what the command's reader would trip on (errors and warnings of the curl
/// command) and real-looking tokens anywhere in the block.
///
/// # Example
/// ```
/// use inference_snippets::{Code, docs};
///
/// let page = "Intro\n\n```bash\ncurl https://x.cloud \\\n  --dat '{}'\n```\n";
/// let findings = docs::lint(page, "page.md");
/// assert_eq!(findings[0].code, Code::UnknownOption);
/// assert_eq!(findings[0].place.unwrap().line, 5);
/// assert_eq!(findings[0].to_string(), "page.md:5:3: unknown option --dat; did you mean --data?");
/// ```
pub fn lint(text: &str, origin: &str) -> Vec<Diagnostic> {
    let mut findings = Vec::new();
    let lines = Lines::new(text);
    for fence in scan::scan(text).fences {
        if !holds_curl(&fence.code) {
            continue;
        }
        let start = fence_code_start(&lines, fence.range.start);
        // Tokens are reported below, once, wherever they are in the block.
        let options = CurlOptions {
            keep_token: true,
            ..CurlOptions::default()
        };
        let first = findings.len();
        // The block is read at its place in the page: the places it gives are the page's.
        match parse_curl_at(&fence.code, origin, &options, start) {
            Ok(parsed) => findings.extend(parsed.warnings),
            Err(err) => {
                let mut finding = err.into_diagnostic();
                // A problem of the whole command is about the block's first line.
                finding.place.get_or_insert(start);
                findings.push(finding);
            }
        }
        // A token pasted anywhere in the block, not only in the Authorization header.
        for (index, line) in fence.code.lines().enumerate() {
            let token = line
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .find(|word| secret::is_real_token(word));
            if let Some(token) = token {
                // `token` is a slice of `line`: its offset is its place.
                let offset = token.as_ptr() as usize - line.as_ptr() as usize;
                let column = start.column + line[..offset].chars().count();
                let finding = secret::published(token)
                    .in_source(origin)
                    .at(crate::Place::at(start.line + index, column));
                let line = start.line + index;
                let seen = findings[first..].iter().any(|seen| {
                    seen.place.is_some_and(|place| place.line == line)
                        && seen.message == finding.message
                });
                if !seen {
                    findings.push(finding);
                }
            }
        }
        findings[first..]
            .sort_by_key(|finding| finding.place.map(|place| (place.line, place.column)));
    }
    for finding in &mut findings {
        lines.resolve_diagnostic(finding);
    }
    findings
}

/// Whether a block's code runs curl (a word `curl` or `curl.exe`).
fn holds_curl(code: &str) -> bool {
    code.split(|c: char| c.is_whitespace() || "|;&($`'\"".contains(c))
        .any(|word| word == "curl" || word == "curl.exe")
}
