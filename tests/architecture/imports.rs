//! No import cycles: the modules of the library (`src/`) and of the binary
//! (`src/bin/snippet/`) form a graph without cycles, so each can be read, tested and
//! moved knowing only what it uses.
//!
//! The graph is read from the source: an edge goes from a file to the file that
//! defines what one of its `use crate::...` / `use super::...` declarations or
//! inline `crate::a::b` / `super::a` paths names. Re-exports (`pub use`, and any
//! `use` a module makes) are followed to the defining file; a path that names a
//! module goes to that module's file. A parent's `mod child;` and its relative
//! paths into its children (`use child::X`) are not edges: a module owns its
//! children.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::PathBuf;

use super::modules::Crate;
use crate::root;

/// Every cycle of the graph, one per strongly connected component of more than
/// one file, as `a.rs:LINE path → b.rs:LINE path → a.rs`.
fn cycles(edges: &BTreeMap<(PathBuf, PathBuf), String>) -> Vec<String> {
    let mut next: BTreeMap<&PathBuf, Vec<&PathBuf>> = BTreeMap::new();
    for (from, to) in edges.keys() {
        next.entry(from).or_default().push(to);
    }
    let reaches = |from: &PathBuf| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from];
        while let Some(file) = stack.pop() {
            for &to in next.get(file).map(Vec::as_slice).unwrap_or_default() {
                if seen.insert(to) {
                    stack.push(to);
                }
            }
        }
        seen
    };
    let reach: BTreeMap<&PathBuf, BTreeSet<&PathBuf>> =
        next.keys().map(|&file| (file, reaches(file))).collect();
    let mut done = BTreeSet::new();
    let mut found = Vec::new();
    for (&file, reached) in &reach {
        if done.contains(file) || !reached.contains(file) {
            continue;
        }
        let component: BTreeSet<&PathBuf> = reached
            .iter()
            .copied()
            .filter(|other| reach.get(other).is_some_and(|back| back.contains(file)))
            .collect();
        done.extend(component.iter().copied());
        // The shortest way back to `file`, breadth first inside the component.
        let mut parent: BTreeMap<&PathBuf, &PathBuf> = BTreeMap::new();
        let mut queue = VecDeque::from([file]);
        'search: while let Some(at) = queue.pop_front() {
            for &to in &next[at] {
                if !component.contains(to) || parent.contains_key(to) {
                    continue;
                }
                parent.insert(to, at);
                if to == file {
                    break 'search;
                }
                queue.push_back(to);
            }
        }
        let mut way = vec![file];
        let mut at = parent[file];
        while at != file {
            way.push(at);
            at = parent[at];
        }
        way.push(file);
        way.reverse();
        let mut shown = String::new();
        for pair in way.windows(2) {
            let why = &edges[&(pair[0].clone(), pair[1].clone())];
            shown.push_str(&format!("{}:{why} → ", pair[0].display()));
        }
        shown.push_str(&file.display().to_string());
        if component.len() > way.len() - 1 {
            let all: Vec<String> = component
                .iter()
                .map(|file| file.display().to_string())
                .collect();
            shown.push_str(&format!("; the cycle joins {}", all.join(", ")));
        }
        found.push(shown);
    }
    found
}

fn edges_of(root_file: &str) -> BTreeMap<(PathBuf, PathBuf), String> {
    Crate::read(&root().join(root_file)).edges()
}

fn has_edge(edges: &BTreeMap<(PathBuf, PathBuf), String>, from: &str, to: &str) -> bool {
    edges.contains_key(&(PathBuf::from(from), PathBuf::from(to)))
}

#[test]
fn the_graph_is_read_from_every_kind_of_path() {
    let library = edges_of("src/lib.rs");
    // `use crate::diagnostic::{Code, ...}`, through the re-export in diagnostic/mod.rs.
    assert!(has_edge(
        &library,
        "src/docs/lint/severity.rs",
        "src/diagnostic/code.rs"
    ));
    // `use super::command::Prompt`.
    assert!(has_edge(
        &library,
        "src/docs/lint/severity.rs",
        "src/docs/lint/command.rs"
    ));
    // `use crate::CurlOptions`, re-exported at the root.
    assert!(has_edge(
        &library,
        "src/docs/lint/mod.rs",
        "src/curl/mod.rs"
    ));
    // An inline path, `crate::suggest::closest(...)`.
    assert!(has_edge(&library, "src/docs/lint/mod.rs", "src/suggest.rs"));
    // A test module's `use super::*` is its own file; `mod lint;` is no edge.
    assert!(!library.keys().any(|(from, to)| from == to));
    assert!(!has_edge(
        &library,
        "src/docs/mod.rs",
        "src/docs/lint/mod.rs"
    ));
    let binary = edges_of("src/bin/snippet/main.rs");
    assert!(has_edge(
        &binary,
        "src/bin/snippet/docs.rs",
        "src/bin/snippet/report.rs"
    ));
    assert!(has_edge(
        &binary,
        "src/bin/snippet/cli.rs",
        "src/bin/snippet/mdbook.rs"
    ));
}

#[test]
fn a_cycle_is_shown_with_the_lines_that_make_it() {
    let edge = |from: &str, to: &str| {
        (
            (PathBuf::from(from), PathBuf::from(to)),
            format!("1 crate::{to}"),
        )
    };
    let edges = BTreeMap::from([
        edge("a", "b"),
        edge("b", "c"),
        edge("c", "a"),
        edge("b", "a"),
        edge("d", "a"),
    ]);
    assert_eq!(
        cycles(&edges),
        ["a:1 crate::b → b:1 crate::a → a; the cycle joins a, b, c"]
    );
    assert!(cycles(&BTreeMap::from([edge("a", "b"), edge("b", "c")])).is_empty());
}

#[test]
fn the_library_has_no_import_cycle() {
    let found = cycles(&edges_of("src/lib.rs"));
    assert!(
        found.is_empty(),
        "import cycles among the modules of src/ (move what both sides need to the \
         module that owns it):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_binary_has_no_import_cycle() {
    let found = cycles(&edges_of("src/bin/snippet/main.rs"));
    assert!(
        found.is_empty(),
        "import cycles among the modules of src/bin/snippet/ (move what both sides \
         need to the module that owns it):\n{}",
        found.join("\n")
    );
}
