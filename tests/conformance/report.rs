//! The result table: one row per case, one column per client, then every failure
//! with its first difference, every "not applicable" with its reason, and the counts.

use inference_snippets::Client;

/// The verdict for one case and one client.
#[derive(Clone, Debug)]
pub(super) enum Cell {
    Pass,
    /// The first difference, or why the snippet did not run to completion.
    Fail(String),
    /// Why the client has no snippet for the case (a refusal, an unusable corpus text).
    NotApplicable(String),
    /// The program the snippet needs is not installed (never in CI).
    RuntimeMissing(String),
}

pub(super) struct Row {
    pub case: String,
    pub cells: Vec<Cell>,
}

pub(super) struct Counts {
    pub passed: usize,
    pub failed: usize,
}

/// The Markdown report, ending with the line `N passed, M failed`.
pub(super) fn render(rows: &[Row], notes: &[String]) -> (String, Counts) {
    let mut out = String::from("| case |");
    for client in Client::ALL {
        out.push_str(&format!(" {client} |"));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(Client::ALL.len()));
    out.push('\n');
    let (mut passed, mut failed, mut not_applicable, mut missing) = (0, 0, 0, 0);
    let mut failures = Vec::new();
    let mut reasons = Vec::new();
    let mut missing_lines = Vec::new();
    for row in rows {
        out.push_str(&format!("| {} |", row.case));
        for (client, cell) in Client::ALL.iter().zip(&row.cells) {
            let word = match cell {
                Cell::Pass => {
                    passed += 1;
                    "pass"
                }
                Cell::Fail(difference) => {
                    failed += 1;
                    failures.push(format!("- {} / {client}: {difference}", row.case));
                    "**FAIL**"
                }
                Cell::NotApplicable(_) => {
                    not_applicable += 1;
                    "n/a"
                }
                Cell::RuntimeMissing(what) => {
                    missing += 1;
                    missing_lines.push(format!("- {} / {client}: {what}", row.case));
                    "runtime missing"
                }
            };
            out.push_str(&format!(" {word} |"));
        }
        out.push('\n');
        reasons.extend(not_applicable_reasons(row));
    }
    if !failures.is_empty() {
        out.push_str("\nFailures (first difference):\n");
        for line in &failures {
            out.push_str(line);
            out.push('\n');
        }
    }
    if !missing_lines.is_empty() {
        out.push_str("\nRuntime missing (not run, not passed):\n");
        for line in &missing_lines {
            out.push_str(line);
            out.push('\n');
        }
    }
    if !reasons.is_empty() {
        out.push_str("\nNot applicable:\n");
        for line in &reasons {
            out.push_str(line);
            out.push('\n');
        }
    }
    if !notes.is_empty() {
        out.push_str("\nNotes:\n");
        for note in notes {
            out.push_str(&format!("- {note}\n"));
        }
    }
    out.push_str(&format!(
        "\n{} cases; {not_applicable} not applicable, {missing} runtime missing\n",
        rows.len()
    ));
    out.push_str(&format!("{passed} passed, {failed} failed\n"));
    (out, Counts { passed, failed })
}

/// One line per reason: a reason shared by every client of a row is given once.
fn not_applicable_reasons(row: &Row) -> Vec<String> {
    let reasons: Vec<(Client, &String)> = Client::ALL
        .iter()
        .zip(&row.cells)
        .filter_map(|(client, cell)| match cell {
            Cell::NotApplicable(reason) => Some((*client, reason)),
            _ => None,
        })
        .collect();
    if reasons.len() == Client::ALL.len() && reasons.iter().all(|(_, r)| *r == reasons[0].1) {
        return vec![format!("- {}: {}", row.case, one_line(reasons[0].1))];
    }
    reasons
        .into_iter()
        .map(|(client, reason)| format!("- {} / {client}: {}", row.case, one_line(reason)))
        .collect()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
