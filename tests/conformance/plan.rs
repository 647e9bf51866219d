//! What runs for each case and client: the snippet rendered for the case's URL on the
//! capture server and written where its runtime finds it, or the verdict already
//! known (a refusal, a case without a request).

use std::fs;
use std::path::{Path, PathBuf};

use inference_snippets::{Client, Request, render};

use super::cases::{self, Case, Origin};
use super::report::Cell;
use super::server::Server;
use super::setup::RustRunner;

/// How one client's snippet of one case is started, or its verdict without running.
pub(super) enum Plan {
    Run(Program),
    Decided(Cell),
}

pub(super) enum Program {
    /// A script in the case's folder.
    Bash(&'static str),
    /// A script in the case's folder (not `requests.py`: it would shadow the module).
    Python(&'static str),
    /// A module under `target/conformance/node`, where `@huggingface/inference` resolves.
    Node(PathBuf),
    /// A bin of the Rust runner crate.
    Rust(String),
}

/// A case ready to run: its folder (files, scripts, outputs), one plan per client,
/// and how it reaches the capture server.
pub(super) struct Prepared {
    pub case: usize,
    pub dir: PathBuf,
    pub plans: Vec<Plan>,
    /// The variables the case's snippets and oracle run with.
    pub env: Vec<(String, String)>,
    /// What puts the server's address in for the URL's placeholders.
    pub replacements: Vec<(String, String)>,
    /// The request the oracle describes when it does not run curl.
    pub oracle: Option<Request>,
    /// A variable every snippet must stop on, naming it, when it is unset.
    pub required: Option<String>,
}

/// Renders every client for `case` into its folder (and the Rust runner crate).
pub(super) fn prepare(
    index: usize,
    case: &Case,
    server: &Server,
    base: &Path,
    js_dir: &Path,
    rust: &mut RustRunner,
) -> Prepared {
    let dir = base.join("runs").join(&case.id);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("case folder");
    let request = match &case.request {
        Ok(request) => request,
        Err(reason) => {
            let cell = match case.origin {
                Origin::Corpus => Cell::NotApplicable(reason.clone()),
                _ => Cell::Fail(format!("the case has no request: {reason}")),
            };
            let plans = Client::ALL
                .iter()
                .map(|_| Plan::Decided(cell.clone()))
                .collect();
            return Prepared {
                case: index,
                dir,
                plans,
                env: Vec::new(),
                replacements: Vec::new(),
                oracle: None,
                required: None,
            };
        }
    };
    server.register(&case.id, request.task);
    let route = cases::route(request, server.port(), &case.id);
    let request = &route.request;
    let required = request
        .vars()
        .into_iter()
        .find(|var| var.default.is_none())
        .map(|var| var.name);
    let written = cases::write_files(request, &dir);
    let plans = Client::ALL
        .iter()
        .map(|&client| {
            if let Err(err) = &written {
                return Plan::Decided(Cell::Fail(format!("cannot write the case's files: {err}")));
            }
            let code = match render(request, client) {
                Ok(code) => cases::replace(&code, &route.replacements),
                Err(err) if err.is_refusal() => {
                    return Plan::Decided(Cell::NotApplicable(err.to_string()));
                }
                Err(err) => return Plan::Decided(Cell::Fail(format!("render: {err}"))),
            };
            let write = |path: PathBuf| fs::write(&path, &code).map(|()| path);
            let program = match client {
                Client::Curl => {
                    write(dir.join("snippet-curl.sh")).map(|_| Program::Bash("snippet-curl.sh"))
                }
                Client::Requests => write(dir.join("snippet-requests.py"))
                    .map(|_| Program::Python("snippet-requests.py")),
                Client::HuggingfaceHub => write(dir.join("snippet-huggingface_hub.py"))
                    .map(|_| Program::Python("snippet-huggingface_hub.py")),
                Client::Fetch | Client::HuggingfaceJs => {
                    let name = format!("{}--{}.mjs", case.id, client.name());
                    write(js_dir.join(name)).map(Program::Node)
                }
                Client::Reqwest => {
                    let bin = bin_name(&case.id);
                    rust.add(&bin, &code);
                    Ok(Program::Rust(bin))
                }
                other => {
                    return Plan::Decided(Cell::Fail(format!(
                        "the harness does not know how to run {other}"
                    )));
                }
            };
            match program {
                Ok(program) => Plan::Run(program),
                Err(err) => Plan::Decided(Cell::Fail(format!("cannot write the snippet: {err}"))),
            }
        })
        .collect();
    Prepared {
        case: index,
        dir,
        plans,
        env: route.env,
        replacements: route.replacements,
        oracle: Some(route.oracle),
        required,
    }
}

/// The runner crate's bin for a case: a valid crate target name.
fn bin_name(id: &str) -> String {
    let name: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("c_{name}")
}
