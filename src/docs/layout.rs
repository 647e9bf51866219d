//! The Markdown of a region's snippets in each layout. Blank lines surround every
//! tag and fence, so doc-builder (which matches tags before parsing) and CommonMark
//! read them alike.

use super::marker::{Layout, Marker};
use crate::diagnostic::Code;
use crate::error::Error;
use crate::{Language, Snippet};

pub(crate) fn render(snippets: &[Snippet], marker: &Marker) -> Result<String, Error> {
    let mut out = String::new();
    match marker.layout {
        Layout::HfOptions => {
            out.push_str(&format!("<hfoptions id=\"{}\">\n\n", marker.id));
            for snippet in snippets {
                out.push_str(&format!("<hfoption id=\"{}\">\n\n", snippet.client));
                out.push_str(&fence(snippet));
                out.push_str("\n</hfoption>\n\n");
            }
            out.push_str("</hfoptions>\n");
        }
        Layout::Fences => out.push_str(&fences(snippets)),
        Layout::InferenceSnippet => {
            out.push_str("<inferencesnippet>\n\n");
            // One child per language, in the order the clients first name it.
            let mut languages: Vec<Language> = Vec::new();
            for snippet in snippets {
                if !languages.contains(&snippet.language) {
                    languages.push(snippet.language);
                }
            }
            for language in languages {
                let tag = match language {
                    Language::Curl => "curl",
                    Language::Python => "python",
                    Language::JavaScript => "js",
                    Language::Rust => {
                        return Err(Error::new(
                            Code::LayoutCannotShow,
                            "layout=inferencesnippet has no child for Rust",
                        )
                        .advice("drop reqwest from clients= or use layout=hfoptions"));
                    }
                };
                out.push_str(&format!("<{tag}>\n\n"));
                let blocks: Vec<String> = snippets
                    .iter()
                    .filter(|snippet| snippet.language == language)
                    .map(fence)
                    .collect();
                out.push_str(&blocks.join("\n"));
                out.push_str(&format!("\n</{tag}>\n\n"));
            }
            out.push_str("</inferencesnippet>\n");
        }
    }
    Ok(out)
}

/// Each snippet as a fenced block after a bold label line naming its client, blocks
/// separated by a blank line: the `fences` layout, and `snippet --format markdown`.
///
/// # Example
/// ```
/// use inference_snippets::{Client, Language, Snippet, docs};
///
/// let snippet = Snippet {
///     language: Language::Curl,
///     client: Client::Curl,
///     content: "curl https://x.cloud --data-raw '\n```\n'\n".into(),
/// };
/// // The fence is longer than any run of backticks inside, so none closes it.
/// assert_eq!(
///     docs::fences(&[snippet]),
///     "**curl**\n\n````sh\ncurl https://x.cloud --data-raw '\n```\n'\n````\n"
/// );
/// ```
pub fn fences(snippets: &[Snippet]) -> String {
    let blocks: Vec<String> = snippets
        .iter()
        .map(|snippet| format!("**{}**\n\n{}", snippet.client, fence(snippet)))
        .collect();
    blocks.join("\n")
}

/// A fenced block longer than any run of backticks in the code, so none closes it.
fn fence(snippet: &Snippet) -> String {
    let (mut longest, mut run) = (0, 0);
    for byte in snippet.content.bytes() {
        run = if byte == b'`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let ticks = "`".repeat(longest.max(2) + 1);
    format!(
        "{ticks}{}\n{}{ticks}\n",
        snippet.language.fence(),
        snippet.content
    )
}
