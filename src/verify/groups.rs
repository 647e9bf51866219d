//! The tab groups of a page: code blocks shown as alternatives of one another, in
//! `<hfoptions>`/`<hfoption>`, `<inferencesnippet>`, MDX `<Tabs>`/`<TabItem>` (or
//! `<Tab>`), or consecutive fences of different languages. Only a group with a curl
//! block is verified: the curl block is what the others are compared with.

use std::ops::Range;

use super::block::{Block, Kind};
use crate::Language;
use crate::docs::scan::{Fence, fences_by_lines};
use crate::lines::Lines;

/// A group of blocks and the element that made it one.
#[derive(Clone, Debug)]
pub struct Group {
    /// `hfoptions`, `inferencesnippet`, `Tabs`, `fences`, or `region`.
    pub element: &'static str,
    /// The page line where the group starts.
    pub line: usize,
    /// Its blocks in page order.
    pub blocks: Vec<Block>,
    /// The bytes of the page it spans.
    pub range: Range<usize>,
}

impl Group {
    /// The first curl block: the request every other block must send.
    pub fn curl(&self) -> Option<&Block> {
        self.blocks
            .iter()
            .find(|block| block.kind() == Kind::Runs(Language::Curl))
    }
}

/// (opening tag, closing tag, tab tags) of the elements that group tabs.
const ELEMENTS: &[(&str, &str, &str, &[&str])] = &[
    ("hfoptions", "<hfoptions", "</hfoptions>", &["<hfoption "]),
    (
        "inferencesnippet",
        "<inferencesnippet>",
        "</inferencesnippet>",
        &["<curl>", "<python>", "<js>", "<javascript>"],
    ),
    ("Tabs", "<Tabs", "</Tabs>", &["<TabItem", "<Tab "]),
    ("CodeGroup", "<CodeGroup", "</CodeGroup>", &[]),
];

/// Every group of `text` that has a curl block, and each of its blocks, in page order.
/// `skip` are byte ranges owned by something else (a region).
pub fn groups(text: &str, skip: &[Range<usize>]) -> Vec<Group> {
    let lines = Lines::new(text);
    let fences: Vec<Fence> = fences_by_lines(text, 0..text.len())
        .into_iter()
        .filter(|fence| !skip.iter().any(|range| range.contains(&fence.range.start)))
        .collect();
    let mut groups = Vec::new();
    let mut taken = vec![false; fences.len()];
    for (element, open, close, tabs) in ELEMENTS {
        let mut from = 0;
        while let Some(start) = find_tag(text, open, from) {
            let Some(end) = text[start..].find(close).map(|at| start + at + close.len()) else {
                break;
            };
            from = end;
            let mut blocks = Vec::new();
            for (index, fence) in fences.iter().enumerate() {
                if taken[index] || !(start..end).contains(&fence.range.start) {
                    continue;
                }
                taken[index] = true;
                let tab = tabs
                    .iter()
                    .map(|tag| text[start..fence.range.start].matches(tag).count())
                    .sum::<usize>();
                blocks.push(block(text, &lines, fence, Some(tab)));
            }
            groups.push(Group {
                element,
                line: lines.place(start).line,
                blocks,
                range: start..end,
            });
        }
    }
    // Consecutive fences, with at most a short label line between each two.
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, groups: &mut Vec<Group>| {
        let languages: Vec<String> = run
            .iter()
            .map(|&index| block(text, &lines, &fences[index], None).label())
            .collect();
        let distinct = languages
            .iter()
            .filter(|label| !label.is_empty())
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        let curls = run
            .iter()
            .filter(|&&index| {
                block(text, &lines, &fences[index], None).kind() == Kind::Runs(Language::Curl)
            })
            .count();
        let others = run
            .iter()
            .filter(|&&index| {
                let kind = block(text, &lines, &fences[index], None).kind();
                matches!(kind, Kind::Runs(language) if language != Language::Curl)
                    || matches!(kind, Kind::Other(_))
            })
            .count();
        // Two curl commands one after the other are steps, not tabs.
        if run.len() >= 2 && distinct >= 2 && curls == 1 && others >= 1 {
            let blocks: Vec<Block> = run
                .iter()
                .map(|&index| block(text, &lines, &fences[index], None))
                .collect();
            let start = fences[run[0]].range.start;
            let end = fences[run[run.len() - 1]].range.end;
            groups.push(Group {
                element: "fences",
                line: lines.place(start).line,
                blocks,
                range: start..end,
            });
        }
        run.clear();
    };
    for index in 0..fences.len() {
        if taken[index] {
            flush(&mut run, &mut groups);
            continue;
        }
        if let Some(&last) = run.last() {
            let between = &text[fences[last].range.end..fences[index].range.start];
            if !adjacent(between) {
                flush(&mut run, &mut groups);
            }
        }
        run.push(index);
    }
    flush(&mut run, &mut groups);
    groups.retain(|group| group.curl().is_some());
    groups.sort_by_key(|group| group.range.start);
    groups
}

/// Whether two fences with `between` them read as tabs: blank lines and at most one
/// short line naming a language or client (`**Python**`, `Using huggingface_hub:`).
fn adjacent(between: &str) -> bool {
    let words: Vec<&str> = between
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    match words.as_slice() {
        [] => true,
        [label] => {
            let lower = label.to_ascii_lowercase();
            label.len() <= 40
                && !label.starts_with('#')
                && !lower.contains("step")
                && LABELS.iter().any(|name| lower.contains(name))
        }
        _ => false,
    }
}

/// Words a label line between two tabs holds: a language or a client.
const LABELS: &[&str] = &[
    "curl",
    "python",
    "javascript",
    "typescript",
    "node",
    "js",
    "ts",
    "rust",
    "go",
    "java",
    "ruby",
    "php",
    "shell",
    "bash",
    "http",
    "requests",
    "fetch",
    "huggingface",
    "openai",
    "sdk",
    "client",
    "cli",
];

/// The next `tag` at or after `from` that starts an element (followed by `>`, a
/// space or a line break).
fn find_tag(text: &str, tag: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(found) = text[at..].find(tag) {
        let start = at + found;
        let next = text[start + tag.len()..].chars().next();
        if tag.ends_with('>')
            || tag.ends_with(' ')
            || matches!(next, Some('>' | ' ' | '\n' | '\r' | '\t'))
        {
            return Some(start);
        }
        at = start + tag.len();
    }
    None
}

pub(crate) fn block(text: &str, lines: &Lines, fence: &Fence, tab: Option<usize>) -> Block {
    let place = lines.place(fence.range.start);
    let _ = text;
    Block {
        info: fence.language.clone(),
        code: fence.code.clone(),
        line: place.line,
        column: place.column + fence.indent,
        offset: fence.range.start,
        tab,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_of_a_page() {
        let page = "# T\n\n<hfoptions id=\"x\">\n<hfoption id=\"curl\">\n\n```sh\ncurl https://x.cloud\n```\n\n</hfoption>\n<hfoption id=\"python\">\n\n```bash\npip install requests\n```\n\n```py\nimport requests\n```\n\n</hfoption>\n</hfoptions>\n\n**curl**\n```sh\ncurl https://y.cloud\n```\n**Python**\n```python\nprint(1)\n```\n\nSome text.\n\nMore text.\n\n```sh\necho alone\n```\n";
        let groups = groups(page, &[]);
        assert_eq!(groups.len(), 2, "{groups:#?}");
        assert_eq!(groups[0].element, "hfoptions");
        assert_eq!(groups[0].blocks.len(), 3);
        assert_eq!(groups[0].blocks[1].tab, Some(2));
        assert_eq!(groups[0].blocks[0].line, 6);
        assert_eq!(groups[1].element, "fences");
        assert_eq!(groups[1].blocks.len(), 2);
    }
}
