//! The verdict for each client of a case: the oracle's request first (real curl, or
//! the parsed request), then each snippet run and its capture compared with it.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use inference_snippets::verify::sandbox::Isolation;
use inference_snippets::{Client, Language, Request, Segment};

use super::SNIPPET_TIMEOUT;
use super::cases::{self, Case, Input, Origin};
use super::compare;
use super::go::GoRunner;
use super::java::JavaRunner;
use super::oracle::{self, Expected};
use super::plan::{Packages, Plan, Prepared, Program};
use super::realhost::{self, Sent};
use super::report::Cell;
use super::run;
use super::rust::RustRunner;
use super::server::{Captured, Server};

/// Where the snippets run, shared by every worker.
pub(super) struct Context<'a> {
    pub server: &'a Server,
    /// The snippets' whole environment.
    pub env: Vec<(String, String)>,
    /// The programs of `setup::RUNTIMES` that are not installed.
    pub missing: Vec<&'static str>,
    /// The python of each package set's venv.
    pub pythons: BTreeMap<Packages, Result<PathBuf, String>>,
    /// The folder of each npm package set.
    pub node_modules: BTreeMap<Packages, Result<PathBuf, String>>,
    pub rust: &'a RustRunner,
    pub rust_built: &'a Result<(), String>,
    pub go: &'a GoRunner,
    pub go_built: &'a Result<(), String>,
    pub java: &'a JavaRunner,
    pub java_built: &'a Result<(), String>,
    /// The installed curl's version, e.g. `7.88.1`.
    pub curl: Option<String>,
    /// Time spent running each client's snippets, and how many runs: the report
    /// shows where a cold run's minutes go.
    pub timings: Mutex<BTreeMap<&'static str, (Duration, u32)>>,
    /// For the report: what real-host runs sent besides their call (the Hub's
    /// lookups), shown, not compared.
    pub notes: Mutex<Vec<String>>,
    /// What the machine allows the sandbox real-host runs run in, probed once.
    pub isolation: Isolation,
}

impl Context<'_> {
    fn has(&self, program: &str) -> bool {
        !self.missing.contains(&program)
    }

    /// Runs `command` as one run of `client`'s snippets, timed.
    fn run(
        &self,
        client: Client,
        listener: &Listener,
        command: &mut Command,
        dir: &Path,
        name: &str,
    ) -> run::Outcome {
        let started = Instant::now();
        let outcome = listener.run(self, command, dir, name);
        let mut timings = self.timings.lock().expect("timings");
        let entry = timings.entry(client.id()).or_default();
        entry.0 += started.elapsed();
        entry.1 += 1;
        outcome
    }
}

/// Where a run's requests arrive: the capture server, which files them under their
/// case, or in the real-host mode a proxy session of the run's own.
enum Listener<'a> {
    Server(&'a Server, &'a str),
    Session(realhost::Run),
}

impl<'a> Listener<'a> {
    /// The listener for one run of `language` in `item`'s case, emptied.
    fn start(
        context: &'a Context,
        case: &'a Case,
        item: &Prepared,
        language: Language,
    ) -> Result<Listener<'a>, String> {
        let listener = if item.real_host {
            let task = case.request.as_ref().ok().and_then(|request| request.task);
            let run = realhost::Run::start(context.server, language, task)
                .map_err(|err| format!("cannot start a proxy session: {err}"))?;
            Listener::Session(run)
        } else {
            Listener::Server(context.server, &case.id)
        };
        listener.take();
        Ok(listener)
    }

    /// The runtime's arguments before the script (Node's preload, PHP's CA).
    fn args(&self) -> &[String] {
        match self {
            Listener::Server(..) => &[],
            Listener::Session(run) => &run.environment.args,
        }
    }

    /// Gives `command` the whole environment `env`, pointed at the listener.
    fn apply(&self, command: &mut Command, env: &[(String, String)]) {
        match self {
            Listener::Server(..) => {
                command.env_clear().envs(env.iter().cloned());
            }
            Listener::Session(run) => run.apply(command, env),
        }
    }

    /// Runs `command` in `dir`: as is for the capture server (its runs name
    /// loopback or `proxied.invalid` only), in the sandbox for a session (its runs
    /// name the real host).
    fn run(
        &self,
        context: &Context,
        command: &mut Command,
        dir: &Path,
        name: &str,
    ) -> run::Outcome {
        match self {
            Listener::Server(..) => run::run(command, dir, name, SNIPPET_TIMEOUT),
            Listener::Session(run) => {
                run.run(&context.isolation, command, dir, name, SNIPPET_TIMEOUT)
            }
        }
    }

    /// What arrived since the last call.
    fn take(&self) -> Sent {
        match self {
            Listener::Server(server, case) => Sent {
                calls: server.take(case),
                ..Sent::default()
            },
            Listener::Session(run) => run.take(),
        }
    }
}

/// Runs the oracle, then each client's snippet, one after another (the server files
/// requests by case: what arrives during a run is that run's).
pub(super) fn run_case(case: &Case, item: &Prepared, context: &Context) -> Vec<Cell> {
    let Ok(request) = &case.request else {
        return item.plans.iter().map(decided).collect();
    };
    let expected = match expected(case, request, item, context) {
        Ok(expected) => expected,
        Err(cell) => return Client::ALL.iter().map(|_| cell.clone()).collect(),
    };
    Client::ALL
        .iter()
        .zip(&item.plans)
        .map(|(&client, plan)| match plan {
            Plan::Decided(cell) => cell.clone(),
            Plan::Run(program) => run_snippet(case, item, client, program, &expected, context),
        })
        .collect()
}

fn decided(plan: &Plan) -> Cell {
    match plan {
        Plan::Decided(cell) => cell.clone(),
        Plan::Run(_) => Cell::Fail("no verdict".into()),
    }
}

/// The oracle's request: real curl's for a bash curl command, else the parsed one.
fn expected(
    case: &Case,
    request: &Request,
    item: &Prepared,
    context: &Context,
) -> Result<Expected, Cell> {
    let unusable = |reason: String| match case.origin {
        Origin::Corpus => Cell::NotApplicable(format!("oracle: {reason}")),
        _ => Cell::Fail(format!("oracle: {reason}")),
    };
    let text = match &case.input {
        Input::Curl { text, bash: true }
            if oracle::curl_differs(text, context.curl.as_deref()).is_none() =>
        {
            text
        }
        _ => {
            let request = item.oracle.as_ref().unwrap_or(request);
            return oracle::from_request(request, &env(context, item), &item.dir, item.real_host)
                .map_err(unusable);
        }
    };
    if !context.has("bash") || !context.has("curl") {
        return Err(Cell::RuntimeMissing("bash and curl run the oracle".into()));
    }
    let port = context.server.port();
    // A URL that starts with a variable reaches the server through the variable;
    // placeholders are replaced in the command as in the snippets.
    let command = match request.url.segments().first() {
        // The real host is sent to as written, through the proxy.
        _ if item.real_host => Some(text.clone()),
        Some(Segment::Literal(first)) if !first.ends_with("://") => {
            let origin = cases::origin(request, port);
            cases::rewrite_command(text, &request.url.shown(), &origin, &case.id)
        }
        _ => Some(text.clone()),
    }
    .map(|command| cases::replace(&command, &item.replacements));
    let Some(command) = command else {
        return Err(unusable(format!(
            "the URL {} is not in the command's text",
            request.url
        )));
    };
    fs::write(item.dir.join("oracle.sh"), command).map_err(|err| unusable(err.to_string()))?;
    let listener = Listener::start(context, case, item, Language::Curl).map_err(unusable)?;
    let mut command = Command::new("bash");
    command.arg("oracle.sh");
    listener.apply(&mut command, &env(context, item));
    let outcome = listener.run(context, &mut command, &item.dir, "oracle");
    let sent = listener.take();
    if let Some(injected) = injected(&item.dir) {
        return Err(Cell::Fail(format!("the oracle itself {injected}")));
    }
    match (sent.calls.as_slice(), sent.auxiliary.as_slice()) {
        ([one], []) => oracle::from_curl(one, request).map_err(unusable),
        (calls, auxiliary) => Err(unusable(format!(
            "bash ran the text as written and {} requests reached the server ({}){}",
            calls.len() + auxiliary.len(),
            outcome.failure(SNIPPET_TIMEOUT),
            problems(&sent.problems)
        ))),
    }
}

fn run_snippet(
    case: &Case,
    item: &Prepared,
    client: Client,
    program: &Program,
    expected: &Expected,
    context: &Context,
) -> Cell {
    let listener = match Listener::start(context, case, item, client.language()) {
        Ok(listener) => listener,
        Err(why) => return Cell::Fail(why),
    };
    // Before the script: what the runtime needs to go through the proxy.
    let before = listener.args();
    let mut command = match program {
        Program::Bash(script) => {
            if !context.has("bash") || !context.has("curl") {
                return Cell::RuntimeMissing("bash and curl".into());
            }
            let mut command = Command::new("bash");
            command.args(before).arg(script);
            command
        }
        Program::Python { script, packages } => match context.pythons.get(packages) {
            Some(Ok(python)) => {
                let mut command = Command::new(python);
                command.args(before).arg(script);
                command
            }
            Some(Err(err)) if !context.has("python3") => {
                return Cell::RuntimeMissing(err.clone());
            }
            Some(Err(err)) => return Cell::Fail(format!("Python runtime: {err}")),
            None => return Cell::Fail(format!("no venv for {}", packages.key())),
        },
        Program::Node { path, packages } => {
            if !context.has("node") {
                return Cell::RuntimeMissing("node".into());
            }
            // fetch needs node only; a package needs the npm install.
            if let Some(Err(err)) = context.node_modules.get(packages) {
                if !context.has("npm") {
                    return Cell::RuntimeMissing(err.clone());
                }
                return Cell::Fail(format!("Node runtime: {err}"));
            }
            let mut command = Command::new("node");
            command.args(before).arg(path);
            command
        }
        Program::Php(script) | Program::Ruby(script) => {
            let program = if matches!(program, Program::Php(_)) {
                "php"
            } else {
                "ruby"
            };
            if !context.has(program) {
                return Cell::RuntimeMissing(program.into());
            }
            let mut command = Command::new(program);
            command.args(before).arg(script);
            command
        }
        Program::Rust(module) => match context.rust.command(module) {
            Ok(command) => command,
            Err(why) => return Cell::Fail(with_log(why, context.rust_built)),
        },
        Program::Go(program) => {
            if !context.has("go") {
                return Cell::RuntimeMissing("go".into());
            }
            match context.go.command(program) {
                Ok(command) => command,
                Err(why) => return Cell::Fail(with_log(why, context.go_built)),
            }
        }
        Program::Java(program) => {
            if !context.has("java") || !context.has("javac") {
                return Cell::RuntimeMissing("java and javac".into());
            }
            let command = if item.real_host {
                context.java.command_through_proxy(program)
            } else {
                context.java.command(program)
            };
            match command {
                Ok(command) => command,
                Err(why) => return Cell::Fail(with_log(why, context.java_built)),
            }
        }
    };
    listener.apply(&mut command, &env(context, item));
    let name = format!("run-{}", client.id());
    let outcome = context.run(client, &listener, &mut command, &item.dir, &name);
    let sent = listener.take();
    if let Some(injected) = injected(&item.dir) {
        return Cell::Fail(format!("COMMAND INJECTION: the snippet {injected}"));
    }
    if !sent.auxiliary.is_empty() {
        let mut notes = context.notes.lock().expect("notes");
        for request in &sent.auxiliary {
            notes.push(format!(
                "{}: {client} asked the Hub first: {request}",
                case.id
            ));
        }
    }
    match difference(expected, &sent, client, &outcome) {
        Some(difference) => Cell::Fail(difference),
        None if !outcome.success() => Cell::Fail(outcome.failure(SNIPPET_TIMEOUT)),
        None => match &item.required {
            Some(name) => unset(item, client, command, name, &listener, context),
            None => Cell::Pass,
        },
    }
}

/// The first way what a run sent differs from `expected`: its one call compared
/// (the auxiliary requests are not), none or more than one a difference.
pub(super) fn difference(
    expected: &Expected,
    sent: &Sent,
    client: Client,
    outcome: &run::Outcome,
) -> Option<String> {
    match sent.calls.as_slice() {
        [] => Some(format!(
            "no request reached the server ({}){}",
            outcome.failure(SNIPPET_TIMEOUT),
            problems(&sent.problems)
        )),
        [one] => compare::first_difference(expected, one, client, &outcome.stdout),
        many => Some(format!(
            "{} requests sent: {}",
            many.len(),
            many.iter()
                .map(|r: &Captured| format!("{} {}", r.method, r.target))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// What the proxy saw go wrong, for a message: `; the proxy: ...`.
fn problems(problems: &[String]) -> String {
    if problems.is_empty() {
        String::new()
    } else {
        format!("; the proxy: {}", problems.join("; "))
    }
}

/// Why a compiled snippet cannot run, with the build's log when the build failed.
fn with_log(why: String, built: &Result<(), String>) -> String {
    match built {
        Err(log) if !log.is_empty() => format!("{why}\n{log}"),
        _ => why,
    }
}

/// The case's whole environment: the harness's, then the case's own variables.
fn env(context: &Context, item: &Prepared) -> Vec<(String, String)> {
    let mut env = context.env.clone();
    env.extend(item.env.iter().cloned());
    env
}

/// Runs `command` again with the variable `name` unset: it must stop, naming the
/// variable, before anything reaches the server.
fn unset(
    item: &Prepared,
    client: Client,
    mut command: Command,
    name: &str,
    listener: &Listener,
    context: &Context,
) -> Cell {
    command.env_remove(name);
    listener.take();
    let run = format!("unset-{}", client.id());
    let outcome = context.run(client, listener, &mut command, &item.dir, &run);
    let sent = listener.take().calls;
    let named = outcome.stderr.contains(name) || outcome.stdout.contains(name);
    if outcome.success() || !sent.is_empty() || !named {
        return Cell::Fail(format!(
            "with ${name} unset: {} request(s) sent, {}, the variable {}named",
            sent.len(),
            outcome.failure(SNIPPET_TIMEOUT),
            if named { "" } else { "not " }
        ));
    }
    Cell::Pass
}

/// `Some(what happened)` when a run created `pwned` in the case folder: the cases'
/// `$(touch pwned)` and backticks must stay text. The file is removed for the next run.
fn injected(dir: &Path) -> Option<String> {
    let pwned = dir.join("pwned");
    pwned.exists().then(|| {
        let _ = fs::remove_file(&pwned);
        "ran a command hidden in the case's text (pwned was created)".to_owned()
    })
}
