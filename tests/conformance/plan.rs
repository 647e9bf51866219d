//! What runs for each case and client: the snippet rendered for the case's URL on the
//! capture server and written where its runtime finds it, or the verdict already
//! known (a refusal, a case without a request).

use std::fs;
use std::path::{Path, PathBuf};

use inference_snippets::{Client, Language, Request, install, render};

use super::cases::{self, Case, Origin};
use super::go::GoRunner;
use super::java::JavaRunner;
use super::report::Cell;
use super::reuse::Key;
use super::rust::RustRunner;
use super::server::Server;

/// How one client's snippet of one case is started, or its verdict without running.
pub(super) enum Plan {
    Run(Program),
    Decided(Cell),
}

pub(super) enum Program {
    /// A script in the case's folder.
    Bash(String),
    /// A script in the case's folder (not `requests.py`: it would shadow the module),
    /// run in the venv holding exactly the packages its install line names.
    Python { script: String, packages: Packages },
    /// A module in the folder of its package set (`target/conformance/node-sets/`),
    /// where only the packages its install line names resolve.
    Node { path: PathBuf, packages: Packages },
    /// A module of the Rust runner crate.
    Rust(String),
    /// A program of the Go runner module.
    Go(String),
    /// A package of the Java runner's classes.
    Java(String),
    /// A script in the case's folder, beside the `vendor/autoload.php` that loads
    /// Debian's Guzzle (see [`PHP_AUTOLOAD`]).
    Php(String),
    /// A script in the case's folder.
    Ruby(String),
}

/// The runners that compile every snippet of a language together.
pub(super) struct Builds {
    pub rust: RustRunner,
    pub go: GoRunner,
    pub java: JavaRunner,
}

/// The case folder's `vendor/autoload.php`: what Composer would install, Debian's
/// php-guzzlehttp-guzzle (its autoloader finds its dependencies on PHP's
/// include path, /usr/share/php).
pub(super) const PHP_AUTOLOAD: &str =
    "<?php\nrequire_once '/usr/share/php/GuzzleHttp/autoload.php';\n";

/// The packages a snippet's install line names, sorted: the key of the runtime it
/// runs in, so that an import it does not declare fails.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Packages(pub Vec<String>);

impl Packages {
    fn of(request: &Request, client: Client) -> Packages {
        let mut names: Vec<String> = install(request, client)
            .map(|install| install.packages().to_vec())
            .unwrap_or_default();
        names.sort();
        Packages(names)
    }

    /// A folder name for the set: `none`, `requests`, `huggingface_hub+pillow`,
    /// `@huggingface/inference` as `huggingface-inference`.
    pub(super) fn key(&self) -> String {
        if self.0.is_empty() {
            return "none".to_owned();
        }
        self.0
            .iter()
            .map(|name| name.trim_start_matches('@').replace('/', "-"))
            .collect::<Vec<_>>()
            .join("+")
    }
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
    /// Whether its runs go to the real host through the proxy (`realhost`), not to
    /// the capture server.
    pub real_host: bool,
    /// What the case's verdicts depend on, to reuse them when it has not changed.
    pub key: Key,
}

/// Renders every client for `case` into its folder (and the Rust runner crate).
pub(super) fn prepare(
    index: usize,
    case: &Case,
    server: &Server,
    base: &Path,
    node_sets: &Path,
    builds: &mut Builds,
    harness: Key,
) -> Prepared {
    let key = harness
        .add(&case.id)
        .add(format!("{:?} {:?}", case.input, case.request));
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
                real_host: false,
                key,
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
    let mut codes = Vec::new();
    let plans: Vec<Plan> = Client::ALL
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
            codes.push(code.clone());
            let write = |path: PathBuf| fs::write(&path, &code).map(|()| path);
            // Each language's runtime; a script is named after its client's id, never
            // after a module it imports (`requests.py` would shadow requests).
            let script = format!("snippet-{}.{}", client.id(), client.language().extension());
            let program = match client.language() {
                Language::Curl => write(dir.join(&script)).map(|_| Program::Bash(script)),
                Language::Python => {
                    let packages = Packages::of(request, client);
                    write(dir.join(&script)).map(|_| Program::Python { script, packages })
                }
                Language::JavaScript => {
                    let packages = Packages::of(request, client);
                    let folder = node_sets.join(packages.key()).join("snippets");
                    let name = format!("{}--{}.mjs", case.id, client.id());
                    fs::create_dir_all(&folder)
                        .and_then(|()| write(folder.join(name)))
                        .map(|path| Program::Node { path, packages })
                }
                Language::Rust => {
                    let bin = bin_name(&case.id);
                    builds.rust.add(&bin, &code);
                    Ok(Program::Rust(bin))
                }
                Language::Go => {
                    let bin = bin_name(&case.id);
                    builds.go.add(&bin, &code);
                    Ok(Program::Go(bin))
                }
                Language::Java => {
                    let bin = bin_name(&case.id);
                    builds.java.add(&bin, &code);
                    Ok(Program::Java(bin))
                }
                Language::Php => {
                    let vendor = dir.join("vendor");
                    fs::create_dir_all(&vendor)
                        .and_then(|()| fs::write(vendor.join("autoload.php"), PHP_AUTOLOAD))
                        .and_then(|()| write(dir.join(&script)))
                        .map(|_| Program::Php(script))
                }
                Language::Ruby => write(dir.join(&script)).map(|_| Program::Ruby(script)),
            };
            match program {
                Ok(program) => Plan::Run(program),
                Err(err) => Plan::Decided(Cell::Fail(format!("cannot write the snippet: {err}"))),
            }
        })
        .collect();
    let real_host = super::realhost::applies(request);
    let mut key = key.add(format!(
        "{:?} {:?} {:?} {:?} {real_host}",
        route.env, route.replacements, route.oracle, required
    ));
    // A verdict decided without running (a refusal) is an input too.
    for plan in &plans {
        if let Plan::Decided(cell) = plan {
            key = key.add(format!("{cell:?}"));
        }
    }
    for code in &codes {
        key = key.add(code);
    }
    Prepared {
        case: index,
        dir,
        plans,
        env: route.env,
        replacements: route.replacements,
        oracle: Some(route.oracle),
        required,
        real_host,
        key,
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
