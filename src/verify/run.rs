//! One block run to its request: the script and the files it reads written to a
//! folder of its own, its runtime (with only its declared packages) pointed at a
//! session of the proxy, every variable it reads given a dummy value, then what the
//! session recorded read as one call, or a reason it was not.

use std::fs;
use std::path::{Path, PathBuf};

use super::Verifier;
use super::block::{self, Block, Kind};
use super::runtime::{self, Packages};
use super::sandbox::{self, Ended};
use crate::proxy::Recorded;
use crate::{Language, Task};

/// What a run came to.
#[derive(Clone, Debug)]
pub(crate) enum Outcome {
    /// One call (and the auxiliary requests before it).
    Sent {
        call: Box<Recorded>,
        auxiliary: Vec<Recorded>,
    },
    /// Why there is no one call to compare.
    NotVerified(String),
    /// It tried the network without the proxy.
    Bypasses(String),
}

/// What a block runs with beyond its code.
pub(crate) struct Job<'a> {
    pub block: &'a Block,
    /// Install lines of its tab or group (shell blocks with `pip install`...).
    pub installs: &'a [String],
    /// The variables of every block of the group: each gets the same dummy.
    pub variables: &'a [String],
    /// The files every block of the group reads.
    pub files: &'a [String],
    pub task: Option<Task>,
    /// A name for its folder, unique in the verifier's run.
    pub name: String,
}

impl Verifier {
    pub(crate) fn run(&self, job: &Job<'_>) -> Outcome {
        let language = match job.block.kind() {
            Kind::Runs(language) => language,
            Kind::Other(info) => {
                return Outcome::NotVerified(format!(
                    "unknown language: verify has no runtime for `{info}` blocks"
                ));
            }
            Kind::Shell | Kind::Data => {
                return Outcome::NotVerified("not a snippet: no request to verify".to_owned());
            }
        };
        let entry = match runtime::entry(language) {
            Ok(entry) => entry,
            Err(reason) => return Outcome::NotVerified(format!("missing runtime: {reason}")),
        };
        for program in std::iter::once(entry.program).chain(entry.needs.iter().copied()) {
            if !self.has(program) {
                return Outcome::NotVerified(format!(
                    "missing runtime: {program} is not installed"
                ));
            }
        }
        let inputs = match sandbox::folder(&self.options.work, &job.name) {
            Ok(dir) => dir,
            Err(err) => return Outcome::NotVerified(format!("cannot make its folder: {err}")),
        };
        let (program, mut args, build_env) =
            match self.prepare(language, job, &inputs, entry.packages) {
                Ok(prepared) => prepared,
                Err(reason) => return Outcome::NotVerified(reason),
            };
        let session = match self.proxy.session(job.task) {
            Ok(session) => session,
            Err(err) => {
                return Outcome::NotVerified(format!("cannot start a proxy session: {err}"));
            }
        };
        let environment = session.environment(language, &self.trust);
        args.splice(0..0, environment.args.iter().cloned());
        if !matches!(entry.packages, Packages::GoBuild | Packages::Cargo) {
            args.push(entry.script.to_owned());
        }
        let mut env: Vec<(String, String)> = vec![
            (
                "PATH".to_owned(),
                self.options.path.to_string_lossy().into_owned(),
            ),
            ("LANG".to_owned(), "C.UTF-8".to_owned()),
            ("HF_HUB_DISABLE_TELEMETRY".to_owned(), "1".to_owned()),
            ("PYTHONDONTWRITEBYTECODE".to_owned(), "1".to_owned()),
            ("PYTHONUNBUFFERED".to_owned(), "1".to_owned()),
        ];
        env.extend(
            job.variables
                .iter()
                .map(|name| (name.clone(), block::dummy(name))),
        );
        env.extend(build_env);
        env.extend(environment.vars);
        let ended = sandbox::run(
            &self.isolation,
            &self.options.bounds,
            &program,
            &args,
            &env,
            &inputs,
            session.port(),
        );
        let traffic = session.take();
        drop(session);
        if !self.options.keep {
            for dir in [
                inputs.clone(),
                sandbox::beside(&inputs, "out"),
                sandbox::beside(&inputs, "run"),
            ] {
                let _ = fs::remove_dir_all(dir);
            }
        }
        let (auxiliary, calls): (Vec<Recorded>, Vec<Recorded>) = traffic
            .requests
            .into_iter()
            .partition(|request| request.auxiliary);
        match calls.len() {
            1 => Outcome::Sent {
                call: Box::new(calls.into_iter().next().unwrap_or_else(|| unreachable!())),
                auxiliary,
            },
            0 => self.no_request(&ended, &traffic.problems),
            n => Outcome::NotVerified(format!(
                "more than one inference request: it sent {n} ({})",
                calls
                    .iter()
                    .map(|call| format!("{} {}", call.method, call.url))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }

    /// The program, its arguments (before the script) and the variables its runtime
    /// needs, with the script and the files written into `inputs`.
    fn prepare(
        &self,
        language: Language,
        job: &Job<'_>,
        inputs: &Path,
        packages: Packages,
    ) -> Result<Prepared, String> {
        let write = |name: &str, bytes: &[u8]| {
            let path = inputs.join(name);
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).map_err(|err| err.to_string())?;
            }
            fs::write(&path, bytes).map_err(|err| format!("cannot write {name}: {err}"))
        };
        for name in job.files {
            if let Some(bytes) = block::sample(name) {
                write(name, bytes)?;
            }
        }
        let code = &job.block.code;
        let entry = runtime::entry(language).map_err(str::to_owned)?;
        match packages {
            Packages::None if language == Language::Curl => {
                write(entry.script, without_prompts(code).as_bytes())?;
                Ok((PathBuf::from(entry.program), Vec::new(), Vec::new()))
            }
            Packages::None => {
                write(entry.script, code.as_bytes())?;
                Ok((PathBuf::from(entry.program), Vec::new(), Vec::new()))
            }
            Packages::GoBuild => {
                write(entry.script, code.as_bytes())?;
                runtime::go_build(
                    &self.options.cache,
                    &self.options.path,
                    inputs,
                    &self.options.bounds,
                    &self.isolation,
                )
                .map_err(|err| {
                    // Only the standard library is there: GOPROXY is off.
                    if err.contains("no required module provides package")
                        || err.contains("cannot find module providing package")
                    {
                        format!("a package verify does not install: {err}")
                    } else if err.starts_with("go build timed out") {
                        format!("timed out before any request: {err}")
                    } else {
                        format!("crash before any request: {err}")
                    }
                })?;
                Ok((PathBuf::from("./main"), Vec::new(), Vec::new()))
            }
            Packages::Cargo => {
                write(entry.script, code.as_bytes())?;
                let options = &self.options;
                runtime::cargo::build(
                    &options.cache,
                    &options.path,
                    &options.build_env,
                    inputs,
                    options.bounds.timeout,
                )
                .map_err(|failed| match failed {
                    runtime::cargo::Failed::Setup(err) => format!("missing runtime: {err}"),
                    // Only the pinned crates are there.
                    runtime::cargo::Failed::Block(err)
                        if err.contains("unlinked crate")
                            || err.contains("undeclared crate")
                            || err.contains("can't find crate") =>
                    {
                        format!(
                            "a package verify does not install: {err} (it builds with {})",
                            runtime::known(Packages::Cargo).join(", ")
                        )
                    }
                    runtime::cargo::Failed::Block(err) => {
                        format!("crash before any request: it does not compile: {err}")
                    }
                    runtime::cargo::Failed::TimedOut(timeout) => format!(
                        "timed out before any request: its build took more than {} s",
                        timeout.as_secs()
                    ),
                })?;
                Ok((PathBuf::from("./main"), Vec::new(), Vec::new()))
            }
            Packages::Guzzle => {
                if !Path::new(runtime::GUZZLE_AUTOLOAD).is_file() {
                    return Err(format!(
                        "missing runtime: Guzzle is not installed ({} is missing: Debian's php-guzzlehttp-guzzle)",
                        runtime::GUZZLE_AUTOLOAD
                    ));
                }
                write(
                    "vendor/autoload.php",
                    format!("<?php\nrequire_once '{}';\n", runtime::GUZZLE_AUTOLOAD).as_bytes(),
                )?;
                write(entry.script, code.as_bytes())?;
                Ok((PathBuf::from(entry.program), Vec::new(), Vec::new()))
            }
            Packages::Pip => {
                let wanted = runtime::python_packages(code, job.installs);
                let known = runtime::known(Packages::Pip);
                if let Some(unknown) = wanted.iter().find(|name| !known.contains(&name.as_str())) {
                    return Err(format!(
                        "a package verify does not install: {unknown} (it installs {})",
                        known.join(", ")
                    ));
                }
                let python = runtime::python(
                    &self.options.cache,
                    &self.options.path,
                    &wanted,
                    self.options.waiting,
                )
                .map_err(|err| format!("missing runtime: {err}"))?;
                write(entry.script, code.as_bytes())?;
                Ok((python, Vec::new(), Vec::new()))
            }
            Packages::Npm => {
                let wanted = runtime::npm_packages(code);
                let known = runtime::known(Packages::Npm);
                if let Some(unknown) = wanted.iter().find(|name| !known.contains(&name.as_str())) {
                    return Err(format!(
                        "a package verify does not install: {unknown} (it installs {})",
                        known.join(", ")
                    ));
                }
                let modules = runtime::node_modules(
                    &self.options.cache,
                    &self.options.path,
                    &wanted,
                    self.options.waiting,
                )
                .map_err(|err| format!("missing runtime: {err}"))?;
                std::os::unix::fs::symlink(&modules, inputs.join("node_modules"))
                    .map_err(|err| format!("cannot link node_modules: {err}"))?;
                write(entry.script, code.as_bytes())?;
                Ok((PathBuf::from(entry.program), Vec::new(), Vec::new()))
            }
        }
    }

    /// Why a run that sent nothing sent nothing.
    fn no_request(&self, ended: &Ended, problems: &[String]) -> Outcome {
        if let Some(problem) = problems.first() {
            return Outcome::NotVerified(format!(
                "crash before any request: its client broke off: {problem}"
            ));
        }
        if ended.capped {
            return Outcome::NotVerified(format!(
                "crash before any request: its output reached the cap of {} MiB",
                self.options.bounds.file_bytes >> 20
            ));
        }
        if ended.timed_out {
            return Outcome::NotVerified(format!(
                "timed out before any request: after {} s",
                self.options.bounds.timeout.as_secs()
            ));
        }
        let stderr = format!("{}\n{}", ended.stderr, ended.stdout);
        if NETWORK_ERRORS
            .iter()
            .any(|pattern| stderr.contains(pattern))
        {
            let how = if self.isolation.namespaces {
                "it reached for the network without the proxy, and the network namespace stopped it"
            } else {
                "it did not go through the proxy"
            };
            return Outcome::Bypasses(format!("{how}: {}", tail(&stderr)));
        }
        // Python names the package a block imports and verify has not installed.
        if let Some(at) = stderr.find("No module named '") {
            let rest = &stderr[at + "No module named '".len()..];
            let module = rest.split(['\'', '.']).next().unwrap_or_default();
            return Outcome::NotVerified(format!(
                "a package verify does not install: {module} (imported, not declared or not pinned)"
            ));
        }
        match ended.code {
            Some(0) => {
                Outcome::NotVerified("no request: it ran to the end without sending one".to_owned())
            }
            Some(code) => Outcome::NotVerified(format!(
                "crash before any request: exit status {code}: {}",
                tail(&stderr)
            )),
            None => Outcome::NotVerified(format!(
                "crash before any request: killed by a signal: {}",
                tail(&stderr)
            )),
        }
    }

    fn has(&self, program: &str) -> bool {
        self.found
            .iter()
            .any(|found| found.program == program && found.version.is_some())
    }
}

/// A prepared run: its program, the arguments before the script, and variables.
type Prepared = (PathBuf, Vec<String>, Vec<(String, String)>);

/// What a runtime prints when it cannot resolve or reach a host.
const NETWORK_ERRORS: &[&str] = &[
    "Could not resolve host",
    "Temporary failure in name resolution",
    "Name or service not known",
    "getaddrinfo",
    "ENOTFOUND",
    "EAI_AGAIN",
    "Network is unreachable",
    "ENETUNREACH",
    "NameResolutionError",
    "Failed to resolve",
    "Failed to connect to",
    "Couldn't connect to server",
    "Connection refused",
    "ECONNREFUSED",
    // Go, Java, Ruby (PHP's Guzzle reports curl's words).
    "no such host",
    "connection refused",
    "network is unreachable",
    "UnknownHostException",
    "java.net.ConnectException",
    "Failed to open TCP connection",
];

/// A shell block as bash runs it: prompts (`$ `) taken off.
fn without_prompts(code: &str) -> String {
    code.lines()
        .map(|line| line.strip_prefix("$ ").unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// The last non-empty lines of `text`, on one line, at most 300 characters.
pub(crate) fn tail(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let joined = lines[lines.len().saturating_sub(2)..].join(" | ");
    let mut out: String = joined.chars().take(300).collect();
    if out.len() < joined.len() {
        out.push_str("...");
    }
    if out.is_empty() {
        "(nothing on stderr)".to_owned()
    } else {
        out
    }
}
