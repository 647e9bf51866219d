//! `snippet docs lint`: every fenced curl command of a page parsed, and what a
//! reader would trip on reported with its line.

use super::{LineIndex, fence_code_start, scan};
use crate::CurlOptions;
use crate::curl::parse_curl_at;
use crate::error::Error;
use crate::secret::is_real_token;

/// One problem in a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The 1-based line in the page.
    pub line: usize,
    /// The 1-based column (in characters) on that line; the block's first column when
    /// the finding is about the whole command.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// The findings of every fenced block that holds a curl command, in page order.
///
/// # Example
/// ```
/// use inference_snippets::docs;
///
/// let page = "Intro\n\n```bash\ncurl https://x.cloud \\\n  --dat '{}'\n```\n";
/// let findings = docs::lint(page);
/// assert_eq!(findings[0].line, 5);
/// assert!(findings[0].message.contains("unknown option --dat (did you mean --data?)"));
/// ```
pub fn lint(text: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    let lines = LineIndex::new(text);
    for fence in scan::scan(text).fences {
        if !holds_curl(&fence.code) {
            continue;
        }
        let (first, indent) = fence_code_start(&lines, text, fence.range.start);
        // The block is read at its place in the page: the places it gives are the page's.
        let place = |at: Option<(usize, usize)>| at.unwrap_or((first, indent));
        // Tokens are reported below, once, wherever they are in the block.
        let options = CurlOptions {
            keep_token: true,
            ..CurlOptions::default()
        };
        match parse_curl_at(&fence.code, "", &options, (first, indent)) {
            Ok(parsed) => findings.extend(parsed.warnings.into_iter().map(|warning| {
                let (line, column) = place(warning.at);
                Finding {
                    line,
                    column,
                    message: warning.message,
                }
            })),
            Err(Error::Curl { at, message, .. }) => {
                let (line, column) = place(at);
                findings.push(Finding {
                    line,
                    column,
                    message,
                });
            }
            Err(err) => findings.push(Finding {
                line: first,
                column: indent,
                message: err.to_string(),
            }),
        }
        // A token pasted anywhere in the block, not only in the Authorization header.
        for (index, line) in fence.code.lines().enumerate() {
            let token = line
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .find(|word| is_real_token(word));
            if let Some(token) = token {
                // `token` is a slice of `line`: its offset is its place.
                let offset = token.as_ptr() as usize - line.as_ptr() as usize;
                let column = indent + line[..offset].chars().count();
                let shown: String = token.chars().take(7).collect();
                let message =
                    format!("a real-looking token ({shown}...) is in the page; use $HF_TOKEN");
                if !findings
                    .iter()
                    .any(|f| f.line == first + index && f.message == message)
                {
                    findings.push(Finding {
                        line: first + index,
                        column,
                        message,
                    });
                }
            }
        }
    }
    findings
}

/// Whether a block's code runs curl (a word `curl` or `curl.exe`).
fn holds_curl(code: &str) -> bool {
    code.split(|c: char| c.is_whitespace() || "|;&($`'\"".contains(c))
        .any(|word| word == "curl" || word == "curl.exe")
}
