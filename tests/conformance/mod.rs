//! Conformance by execution: every case is rendered for every client, each snippet is
//! run with its real runtime against a loopback capture server, and the request it
//! sent is compared with the oracle's (real curl for a curl command, the parsed
//! request for a JSON spec or an operation of a published OpenAPI document).
//! `cargo test conformance -- --nocapture` prints the table; it is also written to
//! `target/conformance/report.md`.
//!
//! Two modes, chosen per case by one rule (`realhost::applies`):
//! - the capture server: the case's URL is rewritten to `http://127.0.0.1:PORT/<case
//!   id>/...` in its snippets and its curl command, the server files requests by that
//!   first segment, and path and query are compared;
//! - the real host: a case whose URL is `https://router.huggingface.co/...` written
//!   out (the host the typed Hugging Face clients compute a URL for themselves) runs
//!   with its URL as written; the oracle's curl and each snippet (the compiled ones
//!   too) go through a session of their own of the suite's recording proxy, with
//!   their runtime's proxy variables and the run's CA (`proxy::environment`); the
//!   whole URL is compared, and the Hub's lookups the proxy's auxiliary table answers
//!   are listed in the notes, not compared. These runs, which name a real host, run
//!   in `snippet verify`'s sandbox (`verify::sandbox::run`): in a network namespace
//!   with loopback only where the machine allows it (probed once per run; the notes
//!   say which), so that a snippet ignoring the proxy variables reaches nothing.

mod cases;
mod compare;
pub(crate) mod go;
pub(crate) mod java;
mod multipart;
mod oracle;
mod plan;
mod realhost;
mod report;
pub(crate) mod reuse;
pub(crate) mod run;
pub(crate) mod rust;
mod server;
pub(crate) mod setup;
mod verdict;

use std::collections::BTreeMap;
use std::fs;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use cases::Input;
use inference_snippets::verify::sandbox::Isolation;
use plan::{Plan, Prepared, Program};
use report::{Cell, Row};
use server::Server;
use verdict::Context;

/// Snippets run in parallel; each has a deadline.
const WORKERS: usize = 4;
pub(super) const SNIPPET_TIMEOUT: Duration = Duration::from_secs(30);

#[test]
fn every_snippet_sends_the_request_it_describes() {
    let root = super::root();
    let base = setup::base(root);
    let ci = std::env::var("CI").is_ok_and(|value| value == "true" || value == "1");
    let missing = setup::missing_runtimes();
    for program in &missing {
        let (_, what) = setup::RUNTIMES
            .iter()
            .find(|(p, _)| p == program)
            .expect("known");
        let message = format!("conformance: {program} is not installed; it is needed for {what}");
        assert!(!ci, "{message} (CI must install it)");
        eprintln!("RUNTIME MISSING: {message}");
    }
    let has = |program: &str| !missing.contains(&program);

    let (mut cases, mut notes) = cases::collect(root);
    // A developer's shortcut: CONFORMANCE_ONLY=adv-vars runs the cases whose id holds it.
    if let Ok(only) = std::env::var("CONFORMANCE_ONLY") {
        assert!(
            !ci,
            "CONFORMANCE_ONLY is for local runs: CI runs every case"
        );
        cases.retain(|case| case.id.contains(&only));
        notes.push(format!("only the cases whose id holds {only:?} were run"));
    }
    let preferred = fs::read_to_string(base.join("port"))
        .ok()
        .and_then(|text| text.trim().parse().ok());
    fs::create_dir_all(&base).expect("target/conformance");
    let mut server = Server::start(preferred, &base).expect("capture server on 127.0.0.1");
    fs::write(base.join("port"), server.port().to_string()).expect("write the port");

    // One folder per set of npm packages a snippet declares; rewritten each run.
    let node_sets = base.join("node-sets");
    let _ = fs::remove_dir_all(&node_sets);
    fs::create_dir_all(&node_sets).expect("node-sets");
    let mut builds = plan::Builds {
        rust: rust::RustRunner::new(root),
        go: go::GoRunner::new(root),
        java: java::JavaRunner::new(root),
    };

    let runtimes: Vec<&str> = setup::RUNTIMES
        .iter()
        .map(|(program, _)| *program)
        .collect();
    let harness = reuse::harness(root, &runtimes);
    let prepared: Vec<Prepared> = cases
        .iter()
        .enumerate()
        .map(|(index, case)| {
            plan::prepare(
                index,
                case,
                &server,
                &base,
                &node_sets,
                &mut builds,
                harness,
            )
        })
        .collect();
    // CI checks every case afresh; a developer's second run reuses what did not change.
    let fresh = ci || std::env::var("CONFORMANCE_FRESH").is_ok_and(|value| value == "1");
    let mut store = reuse::Store::open(&base, !fresh);
    let reused: Vec<Option<Vec<Cell>>> = prepared.iter().map(|item| store.get(item.key)).collect();
    // The compiled snippets build while the interpreters' packages install: the
    // compiles keep both cores busy, the installs mostly wait on the registry.
    let (built, installed) = std::thread::scope(|scope| {
        let compiles = scope.spawn(|| compile(&mut builds, &has));
        let installed = install(root, &prepared, &node_sets, &has, ci);
        (compiles.join().expect("the compiles finish"), installed)
    });
    let Built {
        rust: rust_built,
        go: go_built,
        java: java_built,
    } = built;
    let Installed {
        pythons,
        node_modules,
    } = installed;

    let home = base.join("home");
    let hf_home = base.join("hf-home");
    for dir in [&home, &hf_home] {
        let _ = fs::remove_dir_all(dir);
        fs::create_dir_all(dir).expect("empty HOME and HF_HOME for the snippets");
    }
    let curl = oracle::curl_version();
    let context = Context {
        server: &server,
        env: run::snippet_env(&home, &hf_home),
        missing: missing.clone(),
        pythons,
        node_modules,
        rust: &builds.rust,
        rust_built: &rust_built,
        go: &builds.go,
        go_built: &go_built,
        java: &builds.java,
        java_built: &java_built,
        curl: curl.clone(),
        timings: Mutex::new(BTreeMap::new()),
        notes: Mutex::new(Vec::new()),
        isolation: Isolation::probe(&std::env::var_os("PATH").unwrap_or_default()),
    };
    if prepared.iter().any(|item| item.real_host) {
        notes.push(realhost::describe(&context.isolation).to_owned());
    }
    let next = AtomicUsize::new(0);
    let rows: Mutex<Vec<(usize, Vec<Cell>)>> = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..WORKERS {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::SeqCst);
                    let Some(item) = prepared.get(index) else {
                        break;
                    };
                    let cells = match &reused[index] {
                        Some(cells) => cells.clone(),
                        None => verdict::run_case(&cases[item.case], item, &context),
                    };
                    rows.lock().expect("rows").push((item.case, cells));
                }
            });
        }
    });
    builds.go.remove_programs();
    notes.extend(context.notes.into_inner().expect("notes"));
    let timings = context.timings.into_inner().expect("timings");
    if !timings.is_empty() {
        let mut spent: Vec<_> = timings.into_iter().collect();
        spent.sort_by_key(|(_, (time, _))| std::cmp::Reverse(*time));
        let spent: Vec<String> = spent
            .iter()
            .map(|(client, (time, runs))| format!("{client} {:.0} s ({runs})", time.as_secs_f64()))
            .collect();
        notes.push(format!(
            "time running each client's snippets (runs), with {WORKERS} at once: {}",
            spent.join(", ")
        ));
    }
    for stray in server.strays() {
        notes.push(format!("request outside any case: {stray}"));
    }
    for problem in server.problems() {
        notes.push(format!(
            "a client's request the server could not take: {problem}"
        ));
    }
    server.stop();

    let mut rows = rows.into_inner().expect("rows");
    rows.sort_by_key(|(index, _)| *index);
    for ((_, cells), item) in rows.iter().zip(&prepared) {
        store.put(item.key, cells);
    }
    let keys: Vec<reuse::Key> = prepared.iter().map(|item| item.key).collect();
    store.save(&keys);
    let real_host = prepared
        .iter()
        .zip(&reused)
        .filter(|(item, cells)| item.real_host && cells.is_some())
        .count();
    if real_host > 0 {
        notes.push(format!(
            "{real_host} real-host cases reused their verdicts: the Hub lookups of their runs are listed only when they run"
        ));
    }
    let reused = reused.iter().filter(|cells| cells.is_some()).count();
    if reused > 0 {
        notes.push(format!(
            "{reused} of {} cases reused the verdicts of an earlier run (nothing they depend on changed; CONFORMANCE_FRESH=1 runs them all)",
            prepared.len()
        ));
    }
    let rows: Vec<Row> = rows
        .into_iter()
        .map(|(index, cells)| Row {
            case: cases[index].id.clone(),
            cells,
        })
        .collect();
    for case in &cases {
        let reason = match &case.input {
            Input::Curl { bash: false, .. } => {
                Some("not bash syntax, so bash cannot run it".into())
            }
            Input::Curl { text, bash: true } => oracle::curl_differs(text, curl.as_deref()),
            Input::Spec => None,
        };
        if let (Some(reason), Ok(_)) = (reason, &case.request) {
            notes.push(format!(
                "{}: {reason}: its oracle is the parsed request",
                case.id
            ));
        }
    }
    notes.push(format!(
        "curl {}, the oracle of curl commands",
        curl.as_deref().unwrap_or("(missing)")
    ));
    let (table, counts) = report::render(&rows, &notes);
    fs::write(base.join("report.md"), &table).expect("write target/conformance/report.md");
    println!("{table}");
    assert_eq!(
        counts.failed, 0,
        "{} snippet(s) do not send their request; see the table above or target/conformance/report.md",
        counts.failed
    );
    assert!(counts.passed > 0, "no snippet ran");
}

/// What compiling each language's snippets gave.
struct Built {
    rust: Result<(), String>,
    go: Result<(), String>,
    java: Result<(), String>,
}

/// Compiles the Rust, Go and Java snippets (one build each).
fn compile(builds: &mut plan::Builds, has: &dyn Fn(&str) -> bool) -> Built {
    let rust = reported("Rust", builds.rust.build(super::root()));
    let go = reported(
        "Go",
        if has("go") {
            builds.go.build()
        } else {
            Err("go is not installed".to_owned())
        },
    );
    let java = reported(
        "Java",
        if has("javac") {
            builds.java.build()
        } else {
            Err("javac is not installed".to_owned())
        },
    );
    Built { rust, go, java }
}

/// A build's outcome, its failure said on stderr as it happens.
fn reported(language: &str, built: Result<(), String>) -> Result<(), String> {
    if let Err(err) = &built {
        eprintln!("conformance: some {language} snippets do not compile:\n{err}");
    }
    built
}

/// The interpreters' runtimes: the python of each package set's venv, the folder of
/// each npm package set.
struct Installed {
    pythons: BTreeMap<plan::Packages, Result<std::path::PathBuf, String>>,
    node_modules: BTreeMap<plan::Packages, Result<std::path::PathBuf, String>>,
}

/// Installs the runtime of each package set the snippets declare, one at a time
/// (CI must have them all).
fn install(
    root: &std::path::Path,
    prepared: &[Prepared],
    node_sets: &std::path::Path,
    has: &dyn Fn(&str) -> bool,
    ci: bool,
) -> Installed {
    let node = if !has("node") {
        Err("node".to_owned())
    } else if has("npm") {
        setup::node(root)
    } else {
        Err("npm".to_owned())
    };
    if let (true, Err(err)) = (ci, &node) {
        panic!("conformance: the Node runtime could not be installed: {err}");
    }
    let mut pythons = BTreeMap::new();
    let mut node_modules = BTreeMap::new();
    for program in prepared
        .iter()
        .flat_map(|item| &item.plans)
        .filter_map(|plan| match plan {
            Plan::Run(program) => Some(program),
            Plan::Decided(_) => None,
        })
    {
        match program {
            Program::Python { packages, .. } if !pythons.contains_key(packages) => {
                let python = if has("python3") {
                    setup::python(root, packages)
                } else {
                    Err("python3".to_owned())
                };
                if let (true, Err(err)) = (ci, &python) {
                    panic!("conformance: the Python runtime could not be installed: {err}");
                }
                pythons.insert(packages.clone(), python);
            }
            Program::Node { packages, .. } if !node_modules.contains_key(packages) => {
                // fetch declares nothing: its folder needs no install.
                let set = match &node {
                    Ok(installed) => setup::node_set(installed, node_sets, packages),
                    Err(_) if packages.0.is_empty() => Ok(node_sets.join(packages.key())),
                    Err(err) => Err(err.clone()),
                };
                node_modules.insert(packages.clone(), set);
            }
            _ => {}
        }
    }
    Installed {
        pythons,
        node_modules,
    }
}
