//! Finds the marker lines and fenced code blocks of a Markdown text with
//! pulldown-cmark's offset iterator: a marker inside a code block or a paragraph is
//! text, not a marker.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// A fenced code block.
#[derive(Clone, Debug)]
pub(crate) struct Fence {
    /// The whole block, fences included.
    pub range: Range<usize>,
    /// The first word of the info string (`sh`, `json`).
    pub language: String,
    /// The code, each line without the fence's indentation.
    pub code: String,
    /// How many columns the fence is indented beyond where `range` starts: the
    /// code's lines start that much further right.
    pub indent: usize,
}

/// A whole line that is a begin or end marker.
#[derive(Clone, Debug)]
pub(crate) struct MarkerLine {
    /// The line, its line break included.
    pub range: Range<usize>,
    /// The attributes of a begin marker; `None` for an end marker.
    pub begin: Option<String>,
    pub top_level: bool,
    /// The fenced block right before it (only blank lines between), by index.
    pub previous_fence: Option<usize>,
}

pub(crate) struct Scanned {
    pub fences: Vec<Fence>,
    pub markers: Vec<MarkerLine>,
}

pub(crate) fn scan(text: &str) -> Scanned {
    let mut fences = Vec::new();
    let mut markers = Vec::new();
    let mut depth = 0usize;
    // The end of the last top-level block and, when it was a fence, its index.
    let mut last_block: Option<(usize, Option<usize>)> = None;
    let mut fence: Option<(Range<usize>, String, String, bool)> = None;
    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let language = info.split_whitespace().next().unwrap_or("").to_owned();
                fence = Some((range, language, String::new(), depth == 0));
            }
            Event::Text(code) if fence.is_some() => {
                if let Some((_, _, text, _)) = &mut fence {
                    text.push_str(&code);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((range, language, code, top_level)) = fence.take() {
                    if top_level {
                        last_block = Some((range.end, Some(fences.len())));
                    }
                    fences.push(Fence {
                        range,
                        language,
                        code,
                        indent: 0,
                    });
                }
            }
            Event::Start(Tag::HtmlBlock) => {
                // Older pages glue a fence to a tag (`<curl>` then ```bash): CommonMark
                // reads it as HTML, doc-builder as code. Lint wants it as code.
                fences.extend(fences_by_lines(text, range.clone()));
                for (line, begin) in marker_lines(text, range.clone()) {
                    let previous_fence = last_block
                        .filter(|(end, _)| text[*end..line.start].trim().is_empty())
                        .and_then(|(_, fence)| fence);
                    markers.push(MarkerLine {
                        range: line,
                        begin,
                        top_level: depth == 0,
                        previous_fence,
                    });
                }
                if depth == 0 {
                    last_block = Some((range.end, None));
                }
            }
            Event::Start(tag) => {
                if is_container(&tag) {
                    depth += 1;
                } else if depth == 0 {
                    last_block = Some((range.end, None));
                }
            }
            Event::End(tag) if is_container_end(tag) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    last_block = Some((range.end, None));
                }
            }
            _ => {}
        }
    }
    Scanned { fences, markers }
}

fn is_container(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::BlockQuote(_) | Tag::List(_) | Tag::Item | Tag::FootnoteDefinition(_)
    )
}

fn is_container_end(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item | TagEnd::FootnoteDefinition
    )
}

/// The marker lines of an HTML block: whole lines `<!-- snippet ... -->` or
/// `<!-- /snippet -->`, with their line breaks.
fn marker_lines(text: &str, block: Range<usize>) -> Vec<(Range<usize>, Option<String>)> {
    let mut found = Vec::new();
    let mut start = block.start;
    // A block inside a quote or list starts mid-line: take whole lines.
    start = text[..start].rfind('\n').map_or(0, |at| at + 1);
    while start < block.end {
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |at| start + at + 1);
        let line = text[start..end].trim_end_matches(['\n', '\r']);
        let content = strip_containers(line);
        if let Some(inner) = content
            .strip_prefix("<!--")
            .and_then(|rest| rest.strip_suffix("-->"))
        {
            let inner = inner.trim();
            if inner == "/snippet" {
                found.push((start..end, None));
            } else if let Some(attributes) = inner.strip_prefix("snippet")
                && (attributes.is_empty() || attributes.starts_with(char::is_whitespace))
            {
                found.push((start..end, Some(attributes.trim().to_owned())));
            }
        }
        start = end;
    }
    found
}

/// A line without the quote and list markers in front of it (`> `, `- `, `1. `).
fn strip_containers(line: &str) -> &str {
    let mut rest = line.trim();
    loop {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let next = if let Some(after) = rest.strip_prefix('>') {
            after
        } else if let Some(after) = rest
            .strip_prefix(['-', '*', '+'])
            .filter(|after| after.starts_with(char::is_whitespace))
        {
            after
        } else if digits > 0
            && let Some(after) = rest[digits..]
                .strip_prefix(['.', ')'])
                .filter(|after| after.starts_with(char::is_whitespace))
        {
            after
        } else {
            return rest;
        };
        rest = next.trim_start();
    }
}

/// Fenced blocks found line by line in `block` of `text`, at any indentation: those
/// written inside an HTML block's lines, and every fence of an MDX page. Each code
/// line loses as many leading spaces as the opening fence has, as in CommonMark.
pub(crate) fn fences_by_lines(text: &str, block: Range<usize>) -> Vec<Fence> {
    let mut fences = Vec::new();
    // The opening line's start, info string, fence length and character, indentation.
    let mut open: Option<(usize, String, usize, char, usize)> = None;
    let mut code = String::new();
    let mut start = block.start;
    while start < block.end {
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |at| start + at + 1);
        let line = &text[start..end];
        let trimmed = line.trim_start_matches([' ', '\t']);
        let indent = line.len() - trimmed.len();
        let marker = trimmed.chars().next().filter(|c| *c == '`' || *c == '~');
        let run = marker.map_or(0, |c| trimmed.len() - trimmed.trim_start_matches(c).len());
        match (&open, marker) {
            (None, Some(c)) if run >= 3 && !(c == '`' && trimmed[run..].contains('`')) => {
                let info = trimmed[run..]
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_owned();
                open = Some((start, info, run, c, indent));
                code.clear();
            }
            (Some((from, info, length, c, indent)), Some(mark))
                if mark == *c && run >= *length && trimmed[run..].trim().is_empty() =>
            {
                fences.push(Fence {
                    range: *from..end,
                    language: info.clone(),
                    code: std::mem::take(&mut code),
                    indent: *indent,
                });
                open = None;
            }
            (Some((.., fence_indent)), _) => {
                let blanks = line.len() - line.trim_start_matches(' ').len();
                code.push_str(&line[blanks.min(*fence_indent)..]);
            }
            (None, _) => {}
        }
        start = end;
    }
    fences
}
