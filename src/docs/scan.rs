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
    /// The code.
    pub code: String,
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
                    });
                }
            }
            Event::Start(Tag::HtmlBlock) => {
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
        let content = line.trim().trim_start_matches('>').trim();
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
