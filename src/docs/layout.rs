//! The Markdown of a region's snippets in each layout. Blank lines surround every
//! tag and fence, so doc-builder (which matches tags before parsing) and CommonMark
//! read them alike.

use super::marker::{Layout, Marker};
use crate::diagnostic::Code;
use crate::error::Error;
use crate::{Language, Snippet};

pub(crate) fn render(snippets: &[Snippet], marker: &Marker) -> Result<String, Error> {
    let labels = &marker.labels;
    let mut out = String::new();
    match marker.layout {
        Layout::HfOptions => {
            let ids: Vec<String> = snippets.iter().map(|s| labels.client(s.client)).collect();
            distinct(&ids)?;
            out.push_str(&format!("<hfoptions id=\"{}\">\n\n", marker.id));
            for (snippet, id) in snippets.iter().zip(&ids) {
                out.push_str(&format!("<hfoption id=\"{id}\">\n\n"));
                out.push_str(&fence(snippet));
                out.push_str("\n</hfoption>\n\n");
            }
            out.push_str("</hfoptions>\n");
        }
        Layout::Languages => {
            let languages = languages(snippets);
            let ids: Vec<String> = languages.iter().map(|&l| labels.language(l)).collect();
            distinct(&ids)?;
            out.push_str(&format!("<hfoptions id=\"{}\">\n\n", marker.id));
            for (&language, id) in languages.iter().zip(&ids) {
                out.push_str(&format!("<hfoption id=\"{id}\">\n\n"));
                out.push_str(&labelled(snippets, language, marker));
                out.push_str("\n</hfoption>\n\n");
            }
            out.push_str("</hfoptions>\n");
        }
        Layout::Fences => out.push_str(&labelled_fences(snippets, marker)),
        Layout::InferenceSnippet => {
            out.push_str("<inferencesnippet>\n\n");
            for language in languages(snippets) {
                let Some(tag) = language.inferencesnippet_tag() else {
                    return Err(Error::new(
                        Code::LayoutCannotShow,
                        format!(
                            "layout=inferencesnippet has no child for {}",
                            language.label()
                        ),
                    )
                    .advice(format!(
                        "drop {} from clients= or use layout=hfoptions",
                        language
                            .clients()
                            .map(|c| c.id())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )));
                };
                out.push_str(&format!("<{tag}>\n\n"));
                out.push_str(&labelled(snippets, language, marker));
                out.push_str(&format!("\n</{tag}>\n\n"));
            }
            out.push_str("</inferencesnippet>\n");
        }
    }
    Ok(out)
}

/// The languages of `snippets`, in the order their clients first name them.
fn languages(snippets: &[Snippet]) -> Vec<Language> {
    let mut languages: Vec<Language> = Vec::new();
    for snippet in snippets {
        if !languages.contains(&snippet.language) {
            languages.push(snippet.language);
        }
    }
    languages
}

/// The blocks of `language`'s clients, each under its label.
fn labelled(snippets: &[Snippet], language: Language, marker: &Marker) -> String {
    let of_language: Vec<Snippet> = snippets
        .iter()
        .filter(|snippet| snippet.language == language)
        .cloned()
        .collect();
    labelled_fences(&of_language, marker)
}

/// Tab ids of one group must differ: doc-builder shows one tab per id.
fn distinct(ids: &[String]) -> Result<(), Error> {
    for (at, id) in ids.iter().enumerate() {
        if ids[..at].contains(id) {
            return Err(Error::new(
                Code::InvalidMarker,
                format!("two tabs of the region would have the id {id:?}"),
            )
            .advice("give each client or language its own label in labels="));
        }
    }
    Ok(())
}

fn labelled_fences(snippets: &[Snippet], marker: &Marker) -> String {
    let blocks: Vec<String> = snippets
        .iter()
        .map(|snippet| {
            format!(
                "**{}**\n\n{}",
                marker.labels.client(snippet.client),
                fence(snippet)
            )
        })
        .collect();
    blocks.join("\n")
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
