//! Snippets embedded in Markdown: regions the tool owns between two whole-line
//! comments, checked for drift and rewritten by byte range.
//!
//! ```
//! use inference_snippets::docs;
//!
//! let page = "```sh\ncurl https://x.cloud/m -d a=1\n```\n\n<!-- snippet from=curl clients=requests layout=fences -->\n<!-- /snippet -->\n";
//! let updated = docs::update(page, "page.md", std::path::Path::new("."))?;
//! assert_eq!(updated.drifts.len(), 1);
//! assert!(updated.text.contains("**requests**\n\n```py\nimport requests\n"));
//! // Written once, the page is up to date.
//! assert!(docs::check(&updated.text, "page.md", std::path::Path::new("."))?.is_empty());
//! # Ok::<(), inference_snippets::Error>(())
//! ```

mod layout;
mod lint;
mod marker;
mod scan;

use std::ops::Range;
use std::path::Path;

use similar::TextDiff;

pub use lint::{Finding, lint};
pub use marker::{Layout, Marker, Source};

use crate::curl::parse_curl_at;
use crate::error::Error;
use crate::{Client, CurlOptions, Snippet, Token, parse_spec, render, render_all};

/// A region of a document: the markers, what they ask for, and the bytes between.
#[derive(Clone, Debug)]
pub struct Region {
    /// The 1-based line of the begin marker.
    pub line: usize,
    /// The 1-based column of the begin marker's `<!--`.
    pub column: usize,
    /// Where the code of [`source_code`](Self::source_code) starts in the page: its
    /// first line, and the column its lines start at (after the fence's indentation).
    pub source_at: Option<(usize, usize)>,
    /// What the begin marker asks for.
    pub marker: Marker,
    /// The bytes between the begin marker's line and the end marker's line.
    pub content: Range<usize>,
    /// The code of the fenced block before the marker (`from=curl`, `from=spec`).
    pub source_code: Option<String>,
    /// Whether the document's lines end with CRLF here.
    pub crlf: bool,
}

/// A region whose content is not what the tool generates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drift {
    /// The 1-based line of the begin marker.
    pub line: usize,
    /// The line of the begin marker in the updated text.
    pub updated_line: usize,
    /// A unified diff from the current content to the generated one.
    pub diff: String,
}

/// A document with its regions brought up to date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Updated {
    /// The new text: the old one with drifted regions replaced, every other byte kept.
    pub text: String,
    /// The regions that changed, in order.
    pub drifts: Vec<Drift>,
    /// Warnings about the curl commands read, each with its line.
    pub warnings: Vec<String>,
}

/// Finds the regions of `text`. Unmatched, nested, malformed or nested-in-a-list
/// markers are errors naming `origin` and the line.
///
/// # Example
/// ```
/// use inference_snippets::docs;
///
/// let page = "```json\n{\"url\": \"https://x.cloud\"}\n```\n<!-- snippet from=spec -->\nold\n<!-- /snippet -->\n";
/// let regions = docs::scan(page, "page.md")?;
/// assert_eq!(regions[0].line, 4);
/// assert_eq!(&page[regions[0].content.clone()], "old\n");
///
/// let error = docs::scan("<!-- /snippet -->\n", "page.md").unwrap_err();
/// assert_eq!(error.to_string(), "page.md:1:1: <!-- /snippet --> without a region to end");
/// # Ok::<(), inference_snippets::Error>(())
/// ```
pub fn scan(text: &str, origin: &str) -> Result<Vec<Region>, Error> {
    let scanned = scan::scan(text);
    let lines = LineIndex::new(text);
    // A marker's place is its `<!--`, on the line that starts at `offset`.
    let place = |offset: usize| {
        let (line, column) = lines.place(text, offset);
        let rest = &text[offset..];
        let before_marker = rest
            .find("<!--")
            .filter(|&at| !rest[..at].contains('\n'))
            .map_or("", |at| &rest[..at]);
        (line, column + before_marker.chars().count())
    };
    let error = |offset: usize, message: String| {
        let (line, column) = place(offset);
        Error::Docs {
            origin: origin.to_owned(),
            line,
            column,
            message,
        }
    };
    let mut regions = Vec::new();
    let mut open: Option<(&scan::MarkerLine, Marker)> = None;
    for marker_line in &scanned.markers {
        let at = marker_line.range.start;
        if !marker_line.top_level {
            return Err(error(
                at,
                "snippet markers must stand at the top level, not in a list or quote".into(),
            ));
        }
        match (&marker_line.begin, open.take()) {
            (Some(_), Some((begin, _))) => {
                return Err(error(
                    at,
                    format!(
                        "a region begins inside the region of line {}; add <!-- /snippet --> first",
                        lines.line(begin.range.start)
                    ),
                ));
            }
            (Some(attributes), None) => {
                let marker = marker::parse(attributes).map_err(|message| error(at, message))?;
                open = Some((marker_line, marker));
            }
            (None, None) => {
                return Err(error(
                    at,
                    "<!-- /snippet --> without a region to end".into(),
                ));
            }
            (None, Some((begin, marker))) => {
                let mut source_at = None;
                let source_code = match marker.source {
                    Source::Curl | Source::Spec => {
                        let wanted = if marker.source == Source::Curl {
                            "curl"
                        } else {
                            "json"
                        };
                        let Some(fence) = begin.previous_fence.map(|index| &scanned.fences[index])
                        else {
                            return Err(error(
                                begin.range.start,
                                format!(
                                    "from={} needs the fenced {wanted} block right before the marker",
                                    if wanted == "curl" { "curl" } else { "spec" }
                                ),
                            ));
                        };
                        if marker.source == Source::Spec && !fence.language.starts_with("json") {
                            return Err(error(
                                begin.range.start,
                                format!(
                                    "from=spec needs a ```json block before the marker, not ```{}",
                                    fence.language
                                ),
                            ));
                        }
                        // The code starts on the line after the opening fence.
                        source_at = Some(fence_code_start(&lines, text, fence.range.start));
                        Some(fence.code.clone())
                    }
                    Source::File(_) => None,
                };
                let (line, column) = place(begin.range.start);
                regions.push(Region {
                    line,
                    column,
                    source_at,
                    marker,
                    content: begin.range.end..marker_line.range.start,
                    source_code,
                    crlf: text[begin.range.clone()].ends_with("\r\n"),
                });
            }
        }
    }
    if let Some((begin, _)) = open {
        return Err(error(
            begin.range.start,
            "region never ends; add <!-- /snippet -->".into(),
        ));
    }
    Ok(regions)
}

/// The text a region should hold, with the warnings of its curl command.
pub fn generate(
    region: &Region,
    origin: &str,
    base_dir: &Path,
) -> Result<(String, Vec<String>), Error> {
    let located = |message: String| Error::Docs {
        origin: origin.to_owned(),
        line: region.line,
        column: region.column,
        message,
    };
    let marker = (region.line, region.column);
    // The curl block is read at its place in the page, so its places are the page's;
    // serde_json counts from the start of the spec block.
    let start = region.source_at.unwrap_or(marker);
    let spec_in_page = |(line, column): (usize, usize)| (start.0 + line - 1, start.1 + column - 1);
    // An error of the block's curl command or spec, placed in the page.
    let block_error = |err: Error, block: &str| {
        let (at, message) = match err {
            Error::Curl { at, message, .. } => (at, message),
            Error::Spec { at, message, .. } => (at.map(spec_in_page), message),
            other => return located(format!("the {block} block: {other}")),
        };
        let (line, column) = at.unwrap_or(marker);
        Error::Docs {
            origin: origin.to_owned(),
            line,
            column,
            message: format!(
                "{message} (in the {block} block of the region at line {})",
                region.line
            ),
        }
    };
    let code = region.source_code.as_deref().unwrap_or_default();
    let mut warnings = Vec::new();
    let mut request = match &region.marker.source {
        Source::Curl => {
            let parsed = parse_curl_at(code, origin, &CurlOptions::default(), start)
                .map_err(|err| block_error(err, "curl"))?;
            warnings.extend(parsed.warnings.iter().map(|warning| {
                let (line, column) = warning.at.unwrap_or(marker);
                format!("{origin}:{line}:{column}: {}", warning.message)
            }));
            parsed.request
        }
        Source::Spec => parse_spec(code, origin).map_err(|err| block_error(err, "spec"))?,
        Source::File(path) => {
            // A page names a file beside it, never one elsewhere on the machine.
            let relative = Path::new(path);
            if relative.is_absolute()
                || relative.components().any(|part| {
                    !matches!(
                        part,
                        std::path::Component::Normal(_) | std::path::Component::CurDir
                    )
                })
            {
                return Err(located(format!(
                    "request={path} must be a path inside the page's folder (no /, .. or drive)"
                )));
            }
            let full = base_dir.join(relative);
            if !full.is_file() {
                return Err(located(format!(
                    "cannot read {}: not a file",
                    full.display()
                )));
            }
            let text = std::fs::read_to_string(&full)
                .map_err(|err| located(format!("cannot read {}: {err}", full.display())))?;
            parse_spec(&text, &full.display().to_string())
                .map_err(|err| located(err.to_string()))?
        }
    };
    if let Some(task) = region.marker.task {
        request.task = Some(task);
    }
    if let Some(token) = &region.marker.token {
        request.token = Token::parse(token).map_err(located)?;
    }
    // Pages are published: a token pasted in them must not spread into the snippets.
    let replaced = crate::protect_tokens(&mut request).map_err(located)?;
    warnings.extend(
        replaced
            .iter()
            .map(|w| format!("{origin}:{}:{}: {w}", region.line, region.column)),
    );
    let snippets = match &region.marker.clients {
        // The legacy layout has no child for Rust: by default it shows what it can.
        None => render_all(&request)
            .map_err(|err| located(err.to_string()))?
            .into_iter()
            .filter(|snippet| {
                region.marker.layout != Layout::InferenceSnippet
                    || snippet.language != crate::Language::Rust
            })
            .collect(),
        Some(clients) => clients
            .iter()
            .map(|&client: &Client| {
                Ok(Snippet {
                    language: client.language(),
                    client,
                    content: render(&request, client)?,
                })
            })
            .collect::<Result<Vec<_>, Error>>()
            .map_err(|err| located(err.to_string()))?,
    };
    let body = layout::render(&snippets, &region.marker).map_err(located)?;
    let text = format!("\n{body}\n");
    let text = if region.crlf {
        text.replace('\n', "\r\n")
    } else {
        text
    };
    Ok((text, warnings))
}

/// Brings every region of `text` up to date; `base_dir` resolves `request=` paths.
pub fn update(text: &str, origin: &str, base_dir: &Path) -> Result<Updated, Error> {
    let regions = scan(text, origin)?;
    let mut new = String::with_capacity(text.len());
    let mut drifts = Vec::new();
    let mut warnings = Vec::new();
    let mut copied = 0;
    // The line ends in `new` so far, counted as it grows: counting them again
    // for each drifted region would be quadratic in a page of many regions.
    let mut new_line_ends = 0;
    for region in &regions {
        let (generated, more) = generate(region, origin, base_dir)?;
        warnings.extend(more);
        let current = &text[region.content.clone()];
        let before = &text[copied..region.content.start];
        new.push_str(before);
        new_line_ends += line_ends(before);
        if current != generated {
            let diff = TextDiff::from_lines(current, generated.as_str())
                .unified_diff()
                .header(
                    &format!("{origin}:{} (in the file)", region.line),
                    "generated",
                )
                .to_string();
            drifts.push(Drift {
                line: region.line,
                // The marker's line ends where the content starts.
                updated_line: new_line_ends,
                diff,
            });
        }
        new.push_str(&generated);
        new_line_ends += line_ends(&generated);
        copied = region.content.end;
    }
    new.push_str(&text[copied..]);
    Ok(Updated {
        text: new,
        drifts,
        warnings,
    })
}

/// The drifted regions of `text`; empty when every region is up to date.
pub fn check(text: &str, origin: &str, base_dir: &Path) -> Result<Vec<Drift>, Error> {
    Ok(update(text, origin, base_dir)?.drifts)
}

/// The 1-based lines of byte offsets, from the line ends counted once.
pub(super) struct LineIndex(Vec<usize>);

impl LineIndex {
    pub(super) fn new(text: &str) -> LineIndex {
        LineIndex(text.match_indices('\n').map(|(at, _)| at).collect())
    }

    pub(super) fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&newline| newline < offset) + 1
    }

    /// The 1-based line and column (in characters) of byte `offset` of `text`.
    pub(super) fn place(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        let start = if line == 1 { 0 } else { self.0[line - 2] + 1 };
        (line, text[start..offset].chars().count() + 1)
    }
}

/// Where the code of the fenced block opening at byte `fence` starts: the line after
/// the opening fence, at the fence's column (a list or quote indents both alike).
pub(super) fn fence_code_start(lines: &LineIndex, text: &str, fence: usize) -> (usize, usize) {
    let (line, column) = lines.place(text, fence);
    (line + 1, column)
}

/// How many line ends `text` holds.
fn line_ends(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count()
}
