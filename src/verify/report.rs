//! What verify found: a verdict per block, with its diagnostics, grouped per tab
//! group and page, and counted per language.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::diagnostic::Diagnostic;

/// What became of one block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    /// It sent the curl block's request.
    Verified,
    /// It sent another request (each difference an error), or bypassed the proxy.
    Different,
    /// It could not be run to its one request (a note says why).
    NotVerified,
}

impl Verdict {
    /// `verified`, `different`, `not-verified`.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Verified => "verified",
            Verdict::Different => "different",
            Verdict::NotVerified => "not-verified",
        }
    }
}

/// One block's verdict.
#[derive(Clone, Debug)]
pub struct BlockReport {
    /// The page line of its opening fence.
    pub line: usize,
    /// What it is counted as: `python`, `js`, `typescript`, `curl`, `go`...
    pub label: String,
    /// What became of it.
    pub verdict: Verdict,
    /// Its differences (errors) or the reason it was not verified (a note).
    pub diagnostics: Vec<Diagnostic>,
    /// What it sent: `POST https://...`, when it sent one request.
    pub sent: Option<String>,
}

/// One tab group (or region) and its blocks.
#[derive(Clone, Debug)]
pub struct GroupReport {
    /// `hfoptions`, `inferencesnippet`, `Tabs`, `fences`, `region`.
    pub element: &'static str,
    /// The page line it starts at.
    pub line: usize,
    /// The curl request the blocks were compared with: `POST https://...`.
    pub reference: Option<String>,
    /// The requests answered from the auxiliary table, shown and not compared.
    pub auxiliary: Vec<String>,
    /// Each block but the reference.
    pub blocks: Vec<BlockReport>,
}

/// A page's groups.
#[derive(Clone, Debug)]
pub struct PageReport {
    /// The page's name as given.
    pub origin: String,
    /// Its groups with a curl block, and its regions.
    pub groups: Vec<GroupReport>,
    /// Problems with the page itself (a region that cannot be read).
    pub problems: Vec<Diagnostic>,
}

impl PageReport {
    /// Every diagnostic of the page, in page order.
    pub fn diagnostics(&self) -> Vec<&Diagnostic> {
        let mut all: Vec<&Diagnostic> = self.problems.iter().collect();
        for group in &self.groups {
            for block in &group.blocks {
                all.extend(&block.diagnostics);
            }
        }
        all
    }
}

/// Counts per language: verified, different, not verified.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Tab groups and regions seen.
    pub groups: usize,
    /// Per label, the blocks of each verdict.
    pub languages: BTreeMap<String, [usize; 3]>,
    /// Per reason, the blocks not verified (the reason's first words).
    pub reasons: BTreeMap<String, usize>,
}

impl Summary {
    /// Adds a page's verdicts.
    pub fn add(&mut self, page: &PageReport) {
        for group in &page.groups {
            self.groups += 1;
            for block in &group.blocks {
                let row = self.languages.entry(block.label.clone()).or_default();
                row[block.verdict as usize] += 1;
                if block.verdict == Verdict::NotVerified
                    && let Some(note) = block.diagnostics.first()
                {
                    *self.reasons.entry(reason(&note.message)).or_default() += 1;
                }
            }
        }
    }

    /// The total of each verdict.
    pub fn totals(&self) -> [usize; 3] {
        self.languages.values().fold([0; 3], |mut total, row| {
            for (sum, count) in total.iter_mut().zip(row) {
                *sum += count;
            }
            total
        })
    }

    /// The summary as JSON: `{"groups": N, "verified": N, ..., "languages": {...}}`.
    pub fn to_json(&self) -> Value {
        let [verified, different, not_verified] = self.totals();
        let languages: serde_json::Map<String, Value> = self
            .languages
            .iter()
            .map(|(label, [v, d, n])| {
                (
                    label.clone(),
                    json!({"verified": v, "different": d, "not_verified": n}),
                )
            })
            .collect();
        json!({
            "groups": self.groups,
            "verified": verified,
            "different": different,
            "not_verified": not_verified,
            "languages": languages,
            "not_verified_reasons": self.reasons,
        })
    }

    /// The table people read: a line per language, then the totals.
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "{:<12} {:>9} {:>10} {:>13}\n",
            "language", "verified", "different", "not verified"
        );
        for (label, [v, d, n]) in &self.languages {
            out.push_str(&format!("{label:<12} {v:>9} {d:>10} {n:>13}\n"));
        }
        let [v, d, n] = self.totals();
        out.push_str(&format!("{:<12} {v:>9} {d:>10} {n:>13}\n", "total"));
        let plural = if self.groups == 1 { "" } else { "s" };
        out.push_str(&format!(
            "{} tab group{plural} with a curl block, and regions\n",
            self.groups
        ));
        out
    }

    /// Whether anything differs: what makes verify exit 1.
    pub fn failed(&self, strict: bool) -> bool {
        let [_, different, not_verified] = self.totals();
        different > 0 || (strict && not_verified > 0)
    }
}

/// The reason of a not-verified note, for counting: its words before the first colon.
fn reason(message: &str) -> String {
    message
        .split(':')
        .next()
        .unwrap_or(message)
        .trim()
        .to_owned()
}
