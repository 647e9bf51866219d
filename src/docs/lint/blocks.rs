//! The code blocks of a page as lint reads them: CommonMark's fenced blocks (and
//! those glued to an HTML tag) in Markdown; in MDX, every fence at any indentation,
//! since MDX has no indented code and JSX components (`<Tabs>`, `<Tab>`) indent theirs.

use std::ops::Range;

use super::super::scan;
use crate::diagnostic::Place;
use crate::lines::Lines;

/// A code block of a page.
#[derive(Clone, Debug)]
pub(super) struct CodeBlock {
    /// The info string's first word, lowercased (`bash`, `shell`, empty).
    pub info: String,
    /// The code, without the fence's indentation.
    pub code: String,
    /// Where the code's first line starts; later lines start at the same column.
    pub start: Place,
    /// The opening fence's byte offset in the page, where a suppression comment is
    /// looked for.
    pub opening: usize,
}

/// How a page is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Syntax {
    Markdown,
    Mdx,
}

impl Syntax {
    /// The syntax of a page named `origin`: MDX for `.mdx`.
    pub(super) fn of(origin: &str) -> Syntax {
        let mdx = origin
            .rsplit_once('.')
            .is_some_and(|(_, extension)| extension.eq_ignore_ascii_case("mdx"));
        if mdx { Syntax::Mdx } else { Syntax::Markdown }
    }
}

/// Every code block of `text`, in page order.
pub(super) fn code_blocks(text: &str, lines: &Lines, syntax: Syntax) -> Vec<CodeBlock> {
    let fences = match syntax {
        Syntax::Markdown => scan::scan(text).fences,
        Syntax::Mdx => scan::fences_by_lines(text, 0..text.len()),
    };
    let mut blocks: Vec<CodeBlock> = fences
        .into_iter()
        .map(|fence| {
            let opening = fence.range.start;
            let place = lines.place(opening);
            CodeBlock {
                info: fence.language.to_ascii_lowercase(),
                code: fence.code,
                start: Place::at(place.line + 1, place.column + fence.indent),
                opening,
            }
        })
        .collect();
    // Fences glued to HTML come after the CommonMark ones in scan order.
    blocks.sort_by_key(|block| block.opening);
    blocks
}

/// What a suppression comment right before a block asks to leave out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Ignore {
    /// `<!-- snippet-lint: ignore -->`: every finding of the block.
    All,
    /// `<!-- snippet-lint: ignore=CODE,CODE -->`: the findings of these codes (their
    /// names as written, checked by the caller).
    Codes(Vec<(String, Range<usize>)>),
}

/// The suppression comment on the last non-blank line before byte `opening`:
/// `<!-- snippet-lint: ... -->`, or `{/* snippet-lint: ... */}` in MDX, where HTML
/// comments are not allowed. The ranges are the code names' bytes in the page.
pub(super) fn suppression(text: &str, opening: usize) -> Option<Ignore> {
    let line_start = text[..opening].rfind('\n').map_or(0, |at| at + 1);
    let before = &text[..line_start];
    let mut end = before.len();
    let line = loop {
        let trimmed = before[..end].trim_end_matches(['\n', '\r']);
        let start = trimmed.rfind('\n').map_or(0, |at| at + 1);
        let line = &trimmed[start..];
        if !line.trim().is_empty() {
            break start..trimmed.len();
        }
        if start == 0 {
            return None;
        }
        end = start;
    };
    let content = text[line.clone()].trim();
    let inner = content
        .strip_prefix("<!--")
        .and_then(|rest| rest.strip_suffix("-->"))
        .or_else(|| {
            content
                .strip_prefix("{/*")
                .and_then(|rest| rest.strip_suffix("*/}"))
        })?
        .trim();
    let directive = inner.strip_prefix("snippet-lint:")?.trim();
    if directive == "ignore" {
        return Some(Ignore::All);
    }
    let list = directive.strip_prefix("ignore=")?;
    let list_at = list.as_ptr() as usize - text.as_ptr() as usize;
    let mut codes = Vec::new();
    let mut offset = 0;
    for name in list.split(',') {
        let start = list_at + offset + (name.len() - name.trim_start().len());
        codes.push((name.trim().to_owned(), start..start + name.trim().len()));
        offset += name.len() + 1;
    }
    Some(Ignore::Codes(codes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suppressions() {
        let page = "<!-- snippet-lint: ignore -->\n\n```sh\n";
        assert_eq!(
            suppression(page, page.find("```").unwrap()),
            Some(Ignore::All)
        );
        let page = "{/* snippet-lint: ignore=insecure, literal-variable */}\n  ```sh\n";
        let Some(Ignore::Codes(codes)) = suppression(page, page.find("```").unwrap()) else {
            panic!("codes")
        };
        assert_eq!(codes[0].0, "insecure");
        assert_eq!(&page[codes[1].1.clone()], "literal-variable");
        let page = "<!-- snippet-lint: ignore -->\nText\n```sh\n";
        assert_eq!(suppression(page, page.find("```").unwrap()), None);
        assert_eq!(suppression("```sh\n", 0), None);
    }
}
