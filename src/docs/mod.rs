//! Snippets embedded in Markdown: regions the tool owns between two whole-line
//! comments, checked for drift and rewritten by byte range.
//!
//! ```
//! use inference_snippets::docs;
//!
//! let page = "```sh\ncurl https://x.cloud/m -d a=1\n```\n\n<!-- snippet from=curl clients=requests layout=fences -->\n<!-- /snippet -->\n";
//! let updated = docs::update(page, "page.md", std::path::Path::new("."))?;
//! assert_eq!(updated.drifts.len(), 1);
//! assert!(updated.text.contains("**requests**\n\n```py\n# pip install requests\n\nimport requests\n"));
//! // Written once, the page is up to date.
//! assert!(docs::check(&updated.text, "page.md", std::path::Path::new("."))?.is_empty());
//! # Ok::<(), inference_snippets::Error>(())
//! ```

mod files;
mod layout;
mod lint;
mod marker;
pub(crate) mod scan;

use std::ops::Range;
use std::path::Path;

use similar::TextDiff;

pub use files::{Page, lint_file, lint_pages, markdown_files, pages, update_file, write_file};
pub use layout::fences;
pub use lint::lint;
pub use marker::{Labels, Layout, Marker, MarkerWords, Source};

use crate::curl::parse_curl_at;
use crate::diagnostic::{Code, Diagnostic, Place};
use crate::error::Error;
use crate::lines::Lines;
use crate::model::Request;
use crate::{Choice, CurlOptions, Input, LeftOut, Options, Snippet, Token, parse_spec};

/// A region of a document: the markers, what they ask for, and the bytes between.
#[derive(Clone, Debug)]
pub struct Region {
    /// Where the begin marker's `<!--` is (its bytes: the marker's line).
    pub at: Place,
    /// Where the code of [`source_code`](Self::source_code) starts in the page: its
    /// first line, and the column its lines start at (after the fence's indentation).
    pub source_at: Option<Place>,
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
    /// Where the region's begin marker is.
    pub at: Place,
    /// The line of the begin marker in the updated text.
    pub updated_line: usize,
    /// A unified diff from the current content to the generated one.
    pub diff: String,
}

impl Drift {
    /// The drift as a diagnostic of `origin`: an error of `docs check`.
    pub fn diagnostic(&self, origin: &str) -> Diagnostic {
        Diagnostic::error(Code::OutOfDate, "region is out of date")
            .in_source(origin)
            .at(self.at)
    }
}

/// A document with its regions brought up to date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Updated {
    /// The new text: the old one with drifted regions replaced, every other byte kept.
    pub text: String,
    /// The regions that changed, in order.
    pub drifts: Vec<Drift>,
    /// Warnings about the requests read, each with its place in the page.
    pub warnings: Vec<Diagnostic>,
}

/// Finds the regions of `text`. Unmatched, nested, malformed or nested-in-a-list
/// markers are errors naming `origin` and the place.
///
/// # Example
/// ```
/// use inference_snippets::{Code, docs};
///
/// let page = "```json\n{\"url\": \"https://x.cloud\"}\n```\n<!-- snippet from=spec -->\nold\n<!-- /snippet -->\n";
/// let regions = docs::scan(page, "page.md")?;
/// assert_eq!(regions[0].at.line, 4);
/// assert_eq!(&page[regions[0].content.clone()], "old\n");
///
/// let error = docs::scan("<!-- /snippet -->\n", "page.md").unwrap_err();
/// assert_eq!(error.code(), Code::StrayEndMarker);
/// assert_eq!(error.to_string(), "page.md:1:1: <!-- /snippet --> without a region to end");
/// # Ok::<(), inference_snippets::Error>(())
/// ```
pub fn scan(text: &str, origin: &str) -> Result<Vec<Region>, Error> {
    let lines = Lines::new(text);
    regions(text, &lines).map_err(|err| err.in_source(origin))
}

fn regions(text: &str, lines: &Lines) -> Result<Vec<Region>, Error> {
    let scanned = scan::scan(text);
    // A marker's place is its `<!--`, on the line at `range`; it covers the marker.
    let place = |range: &Range<usize>| {
        let rest = &text[range.clone()];
        let before_marker = rest.find("<!--").unwrap_or(0);
        let marker = rest.trim_end_matches(['\n', '\r']);
        lines.span(range.start + before_marker..range.start + marker.len())
    };
    let error = |range: &Range<usize>, code: Code, message: String| {
        Error::new(code, message).at(place(range))
    };
    let mut regions = Vec::new();
    let mut open: Option<(&scan::MarkerLine, Marker)> = None;
    for marker_line in &scanned.markers {
        let range = &marker_line.range;
        if !marker_line.top_level {
            return Err(error(
                range,
                Code::MisplacedMarker,
                "snippet markers must stand at the top level, not in a list or quote".into(),
            ));
        }
        match (&marker_line.begin, open.take()) {
            (Some(_), Some((begin, _))) => {
                return Err(error(
                    range,
                    Code::NestedRegion,
                    format!(
                        "a region begins inside the region of line {}",
                        lines.line(begin.range.start)
                    ),
                )
                .advice("add <!-- /snippet --> first"));
            }
            (Some(attributes), None) => {
                let marker = marker::parse(attributes).map_err(|err| err.at(place(range)))?;
                open = Some((marker_line, marker));
            }
            (None, None) => {
                return Err(error(
                    range,
                    Code::StrayEndMarker,
                    "<!-- /snippet --> without a region to end".into(),
                ));
            }
            (None, Some((begin, marker))) => {
                let (source_at, source_code) = source_block(lines, &scanned, begin, &marker)
                    .map_err(|err| err.at(place(&begin.range)))?;
                regions.push(Region {
                    at: place(&begin.range),
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
            &begin.range,
            Code::UnclosedRegion,
            "region never ends".into(),
        )
        .advice("add <!-- /snippet -->"));
    }
    Ok(regions)
}

/// The fenced block a `from=curl` or `from=spec` region reads: where its code starts
/// in the page, and the code.
fn source_block(
    lines: &Lines,
    scanned: &scan::Scanned,
    begin: &scan::MarkerLine,
    marker: &Marker,
) -> Result<(Option<Place>, Option<String>), Error> {
    let (key, wanted) = match marker.source {
        Source::Curl => ("curl", "curl"),
        Source::Spec => ("spec", "json"),
        Source::File(_) => return Ok((None, None)),
    };
    let Some(fence) = begin.previous_fence.map(|index| &scanned.fences[index]) else {
        return Err(Error::new(
            Code::MissingSource,
            format!("from={key} needs the fenced {wanted} block right before the marker"),
        ));
    };
    if marker.source == Source::Spec && !fence.language.starts_with("json") {
        return Err(Error::new(
            Code::MissingSource,
            format!(
                "from=spec needs a ```json block before the marker, not ```{}",
                fence.language
            ),
        ));
    }
    let start = fence_code_start(lines, fence.range.start);
    Ok((
        Some(Place::at(start.line, start.column + fence.indent)),
        Some(fence.code.clone()),
    ))
}

/// The text a region should hold, with the warnings of its request. The region is
/// one conversion ([`Input`]): its source read, the marker's task and token set, the
/// request prepared and rendered for the clients it names; what goes wrong after
/// reading is placed at the region's marker.
pub fn generate(
    region: &Region,
    origin: &str,
    base_dir: &Path,
) -> Result<(String, Vec<Diagnostic>), Error> {
    let (request, warnings) = request(region, origin, base_dir)?;
    let mut input = Input::part(request, warnings, origin, region.at);
    if let Some(task) = region.marker.task {
        input.request.task = Some(task);
    }
    if let Some(token) = &region.marker.token {
        input.request.token = Token::parse(token).map_err(|err| input.about(err))?;
    }
    // Pages are published: a token pasted in them must not spread into the snippets.
    input.prepare(false)?;
    let (snippets, notes) = snippets(region, &input)?;
    let caveats = input.caveats(&snippets);
    let body = layout::render(&snippets, &region.marker).map_err(|err| input.about(err))?;
    let mut warnings = std::mem::take(&mut input.warnings);
    warnings.extend(notes.into_iter().map(|note| input.place(note)));
    warnings.extend(caveats);
    let text = format!("\n{body}\n");
    let text = if region.crlf {
        text.replace('\n', "\r\n")
    } else {
        text
    };
    Ok((text, warnings))
}

/// The request of a region's source (its curl command, its spec), with the
/// marker's task: what every snippet of the region must send.
pub fn source_request(region: &Region, origin: &str, base_dir: &Path) -> Result<Request, Error> {
    let (mut request, _) = request(region, origin, base_dir)?;
    if let Some(task) = region.marker.task {
        request.task = Some(task);
    }
    Ok(request)
}

/// The request of a region's source, with the warnings of its curl command.
fn request(
    region: &Region,
    origin: &str,
    base_dir: &Path,
) -> Result<(Request, Vec<Diagnostic>), Error> {
    let at_marker = |err: Error| err.at(region.at).in_source(origin);
    let start = region.source_at.unwrap_or(region.at);
    let code = region.source_code.as_deref().unwrap_or_default();
    // The block's problems are the page's, and say which region reads the block.
    let in_block = |mut err: Error, block: &str| {
        let diagnostic = err.diagnostic_mut();
        diagnostic.message = format!(
            "{} (in the {block} block of the region at line {})",
            diagnostic.message, region.at.line
        );
        diagnostic.place.get_or_insert(region.at);
        err
    };
    match &region.marker.source {
        // The curl block is read at its place in the page, so its places are the page's.
        Source::Curl => parse_curl_at(code, origin, &CurlOptions::default(), start)
            .map(|parsed| (parsed.request, parsed.warnings))
            .map_err(|err| in_block(err, "curl")),
        Source::Spec => parse_spec(code, origin)
            .map(|request| (request, Vec::new()))
            .map_err(|mut err| {
                // serde_json counts from the start of the block: move into the page.
                if let Some(place) = &mut err.diagnostic_mut().place {
                    *place =
                        Place::at(start.line + place.line - 1, start.column + place.column - 1);
                }
                in_block(err.in_source(origin), "spec")
            }),
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
                return Err(at_marker(Error::new(
                    Code::UnsafePath,
                    format!(
                        "request={path} must be a path inside the page's folder (no /, .. or drive)"
                    ),
                )));
            }
            let full = base_dir.join(relative);
            let read_failed = |why: String| {
                at_marker(Error::new(
                    Code::ReadFailed,
                    format!("cannot read {}: {why}", full.display()),
                ))
            };
            if !full.is_file() {
                return Err(read_failed("not a file".into()));
            }
            let text =
                std::fs::read_to_string(&full).map_err(|err| read_failed(err.to_string()))?;
            // The spec's own problems are placed in the spec file.
            let request = parse_spec(&text, &full.display().to_string())?;
            Ok((request, Vec::new()))
        }
    }
}

/// The snippets a region shows: the clients it names, or every client that can
/// send the request (of the languages its layout shows), with a note for each
/// client such a default leaves out.
fn snippets(region: &Region, input: &Input) -> Result<(Vec<Snippet>, Vec<Diagnostic>), Error> {
    let options = Options::default().install_line(region.marker.install);
    let Some(clients) = &region.marker.clients else {
        let all = input.snippets(Choice::All(None), &options)?;
        let mut left_out = all.left_out;
        let mut snippets = Vec::new();
        for snippet in all.snippets {
            // The legacy layout has no child for Rust: by default it shows what it can.
            if region.marker.layout == Layout::InferenceSnippet
                && snippet.language.inferencesnippet_tag().is_none()
            {
                let reason = format!(
                    "layout=inferencesnippet has no child for {}",
                    snippet.language.label()
                );
                let note = Diagnostic::note(
                    Code::LayoutCannotShow,
                    format!("{} left out: {reason}", snippet.client),
                );
                left_out.push(LeftOut {
                    client: snippet.client,
                    reason,
                    note,
                });
            } else {
                snippets.push(snippet);
            }
        }
        // One note for the region, not one per client.
        return Ok((snippets, LeftOut::summary(&left_out).into_iter().collect()));
    };
    let mut snippets = Vec::new();
    for &client in clients {
        snippets.extend(input.snippets(Choice::Client(client), &options)?.snippets);
    }
    Ok((snippets, Vec::new()))
}

/// Brings every region of `text` up to date; `base_dir` resolves `request=` paths.
pub fn update(text: &str, origin: &str, base_dir: &Path) -> Result<Updated, Error> {
    let lines = Lines::new(text);
    let mut updated = update_regions(text, &lines, origin, base_dir).map_err(|mut err| {
        for diagnostic in err.diagnostics_mut() {
            if diagnostic.source.as_deref() == Some(origin) {
                lines.resolve_diagnostic(diagnostic);
            }
        }
        err
    })?;
    for warning in &mut updated.warnings {
        lines.resolve_diagnostic(warning);
    }
    Ok(updated)
}

fn update_regions(
    text: &str,
    lines: &Lines,
    origin: &str,
    base_dir: &Path,
) -> Result<Updated, Error> {
    let regions = regions(text, lines).map_err(|err| err.in_source(origin))?;
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
                    &format!("{origin}:{} (in the file)", region.at.line),
                    "generated",
                )
                .to_string();
            drifts.push(Drift {
                at: region.at,
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

/// Where the code of the fenced block opening at byte `fence` starts: the line after
/// the opening fence, at the fence's column (a list or quote indents both alike).
pub(super) fn fence_code_start(lines: &Lines, fence: usize) -> Place {
    let place = lines.place(fence);
    Place::at(place.line + 1, place.column)
}

/// How many line ends `text` holds.
fn line_ends(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count()
}
