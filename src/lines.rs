//! Byte offsets ↔ lines and columns of one text, from its line ends counted once.

use std::cell::OnceCell;
use std::ops::Range;

use crate::diagnostic::{Diagnostic, Place};

/// The line ends of a text, to turn byte offsets into [`Place`]s and back.
pub(crate) struct Lines<'a> {
    text: &'a str,
    /// The byte offset of every `\n`.
    ends: Vec<usize>,
    /// Whether the whole text is ASCII, where a column is a byte; found when first
    /// needed, so that placing many things on one long line stays linear.
    ascii: OnceCell<bool>,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Lines<'a> {
        Lines {
            text,
            ends: line_ends(text),
            ascii: OnceCell::new(),
        }
    }

    /// The 1-based line of byte `offset`.
    pub(crate) fn line(&self, offset: usize) -> usize {
        self.ends.partition_point(|&newline| newline < offset) + 1
    }

    /// The byte offset where 1-based `line` starts.
    fn line_start(&self, line: usize) -> usize {
        match line {
            0 | 1 => 0,
            line => self
                .ends
                .get(line - 2)
                .map_or(self.text.len(), |end| end + 1),
        }
    }

    /// The place of byte `offset`.
    pub(crate) fn place(&self, offset: usize) -> Place {
        self.span(offset..offset)
    }

    /// The place of the bytes `range`.
    pub(crate) fn span(&self, range: Range<usize>) -> Place {
        let line = self.line(range.start);
        let start = self.line_start(line).min(range.start);
        Place {
            line,
            column: self.text[start..range.start].chars().count() + 1,
            start: range.start,
            end: range.end,
        }
    }

    /// The byte offset of 1-based `line` and `column` (in characters), clamped to the
    /// line's end.
    pub(crate) fn offset(&self, line: usize, column: usize) -> usize {
        let start = self.line_start(line);
        let end = self
            .ends
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len());
        let within = &self.text[start..end.max(start)];
        let skip = column.saturating_sub(1);
        if *self.ascii.get_or_init(|| self.text.is_ascii()) {
            return start + skip.min(within.len());
        }
        start
            + within
                .char_indices()
                .nth(skip)
                .map_or(within.len(), |(at, _)| at)
    }

    /// Gives a place known by line and column its bytes in this text.
    pub(crate) fn resolve(&self, place: &mut Place) {
        if place.start == place.end {
            place.start = self.offset(place.line, place.column);
            place.end = place.start;
        }
    }

    /// [`resolve`](Self::resolve) for a diagnostic's place, when it has one.
    pub(crate) fn resolve_diagnostic(&self, diagnostic: &mut Diagnostic) {
        if let Some(place) = &mut diagnostic.place {
            self.resolve(place);
        }
    }
}

/// The offset of every `\n` of `text`, counted first so that the list is allocated
/// once (a count the compiler vectorises; the search is memchr's).
fn line_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::with_capacity(text.bytes().filter(|&b| b == b'\n').count());
    ends.extend(text.match_indices('\n').map(|(at, _)| at));
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_places_agree() {
        let text = "ab\ncé\n\nxyz";
        let lines = Lines::new(text);
        for offset in text.char_indices().map(|(at, _)| at).chain([text.len()]) {
            let place = lines.place(offset);
            assert_eq!(lines.offset(place.line, place.column), offset, "{offset}");
        }
        assert_eq!(
            lines.place(6),
            Place {
                line: 2,
                column: 3,
                start: 6,
                end: 6
            }
        );
        let mut place = Place::at(4, 2);
        lines.resolve(&mut place);
        assert_eq!(place.bytes(), 9..9);
        // A column past the line's end stays on the line.
        assert_eq!(lines.offset(1, 40), 2);
    }
}
