//! "Did you mean": the known name closest to a misspelt one.

use crate::diagnostic::Hint;

/// The name of `known` nearest to `name`, when at most `max` edits away; the first
/// of equally near ones. Front ends use it for their own names (options, values),
/// so that every "did you mean" measures alike.
///
/// # Example
/// ```
/// use inference_snippets::closest;
///
/// assert_eq!(closest("jsn", ["code", "markdown", "json"], 2), Some("json"));
/// assert_eq!(closest("yaml", ["code", "markdown", "json"], 2), None);
/// ```
pub fn closest<'a>(
    name: &str,
    known: impl IntoIterator<Item = &'a str>,
    max: usize,
) -> Option<&'a str> {
    known
        .into_iter()
        .map(|candidate| (distance(name, candidate), candidate))
        .filter(|(distance, _)| *distance <= max)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// The hint for the unknown `name`: "did you mean" the name of `known` closest to
/// it (case aside; one edit away, two for a name of six letters or more: `go` is
/// not `js`), else `otherwise` (what to choose from).
pub(crate) fn hint<'a>(
    name: &str,
    known: impl IntoIterator<Item = &'a str>,
    otherwise: String,
) -> Hint {
    let max = (name.chars().count() / 3).clamp(1, 2);
    match closest(&name.to_ascii_lowercase(), known, max) {
        Some(known) => Hint::DidYouMean(known.to_owned()),
        None => Hint::Advice(otherwise),
    }
}

/// Optimal string alignment distance: Levenshtein plus a swap of two neighbours as
/// one edit (`hedaer` is one edit from `header`). Small inputs only: names.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows: two back (for transpositions), previous, current.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            cur[j] = d;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("header", "header"), 0);
        assert_eq!(distance("hedaer", "header"), 1);
        assert_eq!(distance("jsn", "json"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn closest_within_the_limit() {
        let known = ["json", "data", "file"];
        assert_eq!(closest("jsno", known, 2), Some("json"));
        assert_eq!(closest("xyzzy", known, 2), None);
        // Equally near: the first.
        assert_eq!(closest("dat", ["data", "date"], 1), Some("data"));
    }
}
