//! A page verified group by group, a region as a group whose reference is its source;
//! and one snippet file against one curl file.

use std::path::Path;

use super::Verifier;
use super::block::{self, Block, Kind};
use super::compare::differences;
use super::groups::{self, Group};
use super::report::{BlockReport, GroupReport, PageReport, Verdict};
use super::run::{Job, Outcome};
use crate::diagnostic::{Code, Diagnostic, Place};
use crate::docs::{self, Source};
use crate::lines::Lines;
use crate::proxy::Recorded;
use crate::{Client, Language, Task};

/// What one group is verified as: its reference (the curl block, or the region's
/// source as curl) and the blocks compared with it.
struct Plan {
    element: &'static str,
    line: usize,
    reference: Block,
    /// Whether the reference is a block of the page, reported when it fails.
    reference_shown: bool,
    blocks: Vec<Block>,
    task: Option<Task>,
}

impl Verifier {
    /// Verifies every tab group with a curl block and every region of `text` (a page
    /// named `origin`, whose `request=` files are in `base_dir`).
    pub fn page(&self, text: &str, origin: &str, base_dir: &Path) -> PageReport {
        let mut report = PageReport {
            origin: origin.to_owned(),
            groups: Vec::new(),
            problems: Vec::new(),
        };
        let (plans, skip) = match self.regions(text, origin, base_dir) {
            Ok(found) => found,
            Err(problem) => {
                report.problems.push(problem.diagnostic().clone());
                (Vec::new(), Vec::new())
            }
        };
        let mut plans = plans;
        for group in groups::groups(text, &skip) {
            plans.push(hand_written(group));
        }
        plans.sort_by_key(|plan| plan.line);
        for plan in plans {
            report.groups.push(self.group(&plan, origin));
        }
        report
    }

    /// Verifies `snippet` (a file named `snippet_origin`, its language from its
    /// extension) against the curl command `curl`.
    pub fn pair(&self, curl: &str, snippet: &str, snippet_origin: &str) -> PageReport {
        let extension = snippet_origin.rsplit_once('.').map_or("", |(_, ext)| ext);
        let info = match extension {
            "sh" | "bash" => "sh",
            other => other,
        };
        let block = |info: &str, code: &str| Block {
            info: info.to_owned(),
            code: code.to_owned(),
            line: 1,
            column: 1,
            offset: 0,
            tab: None,
        };
        let snippet = block(info, snippet);
        let plan = Plan {
            element: "pair",
            line: 1,
            reference: block("sh", curl),
            reference_shown: false,
            task: task_of(std::slice::from_ref(&snippet)),
            blocks: vec![snippet],
        };
        PageReport {
            origin: snippet_origin.to_owned(),
            groups: vec![self.group(&plan, snippet_origin)],
            problems: Vec::new(),
        }
    }

    /// The plans of the page's regions, and the bytes they own.
    fn regions(
        &self,
        text: &str,
        origin: &str,
        base_dir: &Path,
    ) -> Result<(Vec<Plan>, Vec<std::ops::Range<usize>>), crate::Error> {
        let regions = docs::scan(text, origin)?;
        let lines = Lines::new(text);
        let mut plans = Vec::new();
        let mut skip = Vec::new();
        for region in regions {
            skip.push(region.content.clone());
            let request = docs::source_request(&region, origin, base_dir)?;
            let code = match (&region.marker.source, &region.source_code) {
                (Source::Curl, Some(code)) => code.clone(),
                _ => {
                    crate::render(&request, Client::Curl).map_err(|err| err.diagnostic().clone())?
                }
            };
            let at = region.source_at.unwrap_or(region.at);
            let reference = Block {
                info: "sh".to_owned(),
                code,
                line: at.line,
                column: at.column,
                offset: 0,
                tab: None,
            };
            let blocks = crate::docs::scan::fences_by_lines(text, region.content.clone())
                .iter()
                .map(|fence| groups::block(text, &lines, fence, None))
                .collect();
            plans.push(Plan {
                element: "region",
                line: region.at.line,
                reference,
                reference_shown: matches!(region.marker.source, Source::Curl),
                blocks,
                task: request.task,
            });
        }
        Ok((plans, skip))
    }

    fn group(&self, plan: &Plan, origin: &str) -> GroupReport {
        let all: Vec<&Block> = std::iter::once(&plan.reference)
            .chain(&plan.blocks)
            .collect();
        let mut variables: Vec<String> = Vec::new();
        let mut files: Vec<String> = Vec::new();
        for block in &all {
            for name in block::variables(&block.code) {
                if !variables.contains(&name) {
                    variables.push(name);
                }
            }
            for name in block::files(&block.code) {
                if !files.contains(&name) {
                    files.push(name);
                }
            }
        }
        let job = |block: &Block, installs: &[String]| -> Outcome {
            self.run(&Job {
                block,
                installs,
                variables: &variables,
                files: &files,
                task: plan.task,
                name: format!("run-{}", self.next_run()),
            })
        };
        let mut report = GroupReport {
            element: plan.element,
            line: plan.line,
            reference: None,
            auxiliary: Vec::new(),
            blocks: Vec::new(),
        };
        let place = |block: &Block| Place::at(block.line, block.column);
        let expected: Result<Recorded, Diagnostic> = match job(&plan.reference, &[]) {
            Outcome::Sent { call, .. } => Ok(*call),
            Outcome::NotVerified(reason) => Err(Diagnostic::note(
                Code::NotVerified,
                format!("the curl block is no reference: {reason}"),
            )),
            Outcome::Bypasses(reason) => Err(Diagnostic::error(
                Code::BypassesProxy,
                format!("the curl block bypasses the proxy: {reason}"),
            )),
        };
        let expected = match expected {
            Ok(expected) => expected,
            Err(problem) => {
                if plan.reference_shown {
                    report.blocks.push(BlockReport {
                        line: plan.reference.line,
                        label: "curl".to_owned(),
                        verdict: if problem.code == Code::BypassesProxy {
                            Verdict::Different
                        } else {
                            Verdict::NotVerified
                        },
                        diagnostics: vec![
                            problem.clone().in_source(origin).at(place(&plan.reference)),
                        ],
                        sent: None,
                    });
                }
                for block in runnable(&plan.blocks) {
                    let note = Diagnostic::note(
                        Code::NotVerified,
                        format!(
                            "no curl request: the curl block at line {} sent none to compare with ({})",
                            plan.reference.line, problem.message
                        ),
                    );
                    report.blocks.push(BlockReport {
                        line: block.line,
                        label: block.label(),
                        verdict: Verdict::NotVerified,
                        diagnostics: vec![note.in_source(origin).at(place(block))],
                        sent: None,
                    });
                }
                return report;
            }
        };
        report.reference = Some(format!("{} {}", expected.method, expected.url));
        for block in runnable(&plan.blocks) {
            // The curl block itself, in a hand-written group, is the reference.
            if block.offset == plan.reference.offset
                && plan.element != "region"
                && plan.element != "pair"
            {
                continue;
            }
            let installs: Vec<String> = plan
                .blocks
                .iter()
                .filter(|other| {
                    other.kind() == Kind::Shell && (block.tab.is_none() || other.tab == block.tab)
                })
                .map(|other| other.code.clone())
                .collect();
            let (verdict, diagnostics, sent) = match job(block, &installs) {
                Outcome::Sent { call, auxiliary } => {
                    for aux in &auxiliary {
                        let line = format!("{} {}", aux.method, aux.url);
                        if !report.auxiliary.contains(&line) {
                            report.auxiliary.push(line);
                        }
                    }
                    let found = differences(&expected, &call);
                    let sent = Some(format!("{} {}", call.method, call.url));
                    if found.is_empty() {
                        (Verdict::Verified, Vec::new(), sent)
                    } else {
                        let errors = found
                            .into_iter()
                            .map(|difference| Diagnostic::error(Code::RequestDiffers, difference))
                            .collect();
                        (Verdict::Different, errors, sent)
                    }
                }
                Outcome::NotVerified(reason) => (
                    Verdict::NotVerified,
                    vec![Diagnostic::note(Code::NotVerified, reason)],
                    None,
                ),
                Outcome::Bypasses(reason) => (
                    Verdict::Different,
                    vec![Diagnostic::error(
                        Code::BypassesProxy,
                        format!("bypasses the proxy: {reason}"),
                    )],
                    None,
                ),
            };
            report.blocks.push(BlockReport {
                line: block.line,
                label: block.label(),
                verdict,
                diagnostics: diagnostics
                    .into_iter()
                    .map(|d| d.in_source(origin).at(place(block)))
                    .collect(),
                sent,
            });
        }
        report
    }
}

/// The blocks of a group verify runs or accounts for: code in a language, known or
/// not; shell blocks without curl (install lines) and data are left out.
fn runnable(blocks: &[Block]) -> impl Iterator<Item = &Block> {
    blocks
        .iter()
        .filter(|block| matches!(block.kind(), Kind::Runs(_) | Kind::Other(_)))
}

fn hand_written(group: Group) -> Plan {
    let reference = group
        .curl()
        .cloned()
        .unwrap_or_else(|| group.blocks[0].clone());
    Plan {
        element: group.element,
        line: group.line,
        task: task_of(&group.blocks),
        reference,
        reference_shown: true,
        blocks: group.blocks,
    }
}

/// The inference task the blocks' typed calls name (`client.text_to_image(`,
/// `client.textToImage(`), so the proxy answers in its shape and the Hub's mapping
/// names it; `None` when no block calls a typed method.
pub fn task_of(blocks: &[Block]) -> Option<Task> {
    for block in blocks {
        if !matches!(
            block.kind(),
            Kind::Runs(Language::Python | Language::JavaScript)
        ) {
            continue;
        }
        for (at, _) in block.code.match_indices('.') {
            let name: String = block.code[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !block.code[at + 1 + name.len()..].starts_with('(') || name.len() < 4 {
                continue;
            }
            let mut tag = String::new();
            for c in name.chars() {
                if c == '_' {
                    tag.push('-');
                } else if c.is_ascii_uppercase() {
                    tag.push('-');
                    tag.push(c.to_ascii_lowercase());
                } else {
                    tag.push(c);
                }
            }
            if let Ok(task) = tag.parse::<Task>() {
                return Some(task);
            }
        }
    }
    None
}
