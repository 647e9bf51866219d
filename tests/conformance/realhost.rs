//! The real-host mode: the cases whose URL is the Hugging Face router run without
//! any URL rewriting. Each run (real curl for the oracle, each client's snippet) sends
//! to `https://router.huggingface.co` as written, through a session of the library's
//! recording proxy (`inference_snippets::proxy`), with the runtime's own proxy and CA
//! settings (`proxy::environment`, the same as `snippet verify` gives a block) in
//! place of the suite's `NO_PROXY` and dummy CA. A session per run keeps the traffic
//! of cases running in parallel apart; one `Proxy` (one CA, its trust files written
//! once under `target/conformance/`) serves the whole suite.
//!
//! Unlike the capture server's runs, which name `127.0.0.1` or `proxied.invalid`
//! only, a run here names a real host: it runs in the sandbox of `snippet verify`
//! (`inference_snippets::verify::sandbox::run`), where the machine allows it in a
//! network namespace with loopback only and a bridge to the run's session, so that a
//! snippet that ignores the proxy variables reaches nothing; where it does not (the
//! suite probes once, `Isolation::probe`, and says which in its notes), the proxy
//! variables and the dummy tokens are the guard.
//!
//! What is compared is the whole URL (scheme and host too, not only path and query);
//! the requests the proxy's auxiliary table answered (the Hub's model lookup before
//! the call) are listed in the report, not compared.

use std::fs;
use std::io;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use inference_snippets::proxy::{Environment, Recorded, Session, Traffic};
use inference_snippets::verify::sandbox::{self, Bounds, Isolation};
use inference_snippets::{Language, Request, Segment, Task};

use super::run::Outcome;
use super::server::{Captured, Server};

/// The router: the one host the typed Hugging Face clients compute a URL for
/// themselves (`InferenceClient(provider="hf-inference").text_classification(...,
/// model=...)` builds `https://router.huggingface.co/hf-inference/models/<model>`),
/// so a snippet written in that idiom names no URL the suite could rewrite: only
/// the real host name, sent through the proxy, tells what it sends.
const ROUTER: &str = "https://router.huggingface.co";

/// Whether `request` runs in the real-host mode: its URL starts with the router,
/// written out (a URL from a variable or a placeholder is the capture server's), and
/// it names no proxy of its own (that one is the capture server, which it reaches
/// as its proxy).
pub(super) fn applies(request: &Request) -> bool {
    let Some(Segment::Literal(first)) = request.url.segments().first() else {
        return false;
    };
    let rest = first.strip_prefix(ROUTER).unwrap_or("x");
    request.connection.proxy.is_none() && (rest.is_empty() || rest.starts_with(['/', '?']))
}

/// One run's session and what its runtime is given to go through it.
pub(super) struct Run {
    session: Session,
    pub environment: Environment,
}

/// What arrived during a run.
#[derive(Default)]
pub(super) struct Sent {
    /// The calls to compare, each with its absolute URL as its target.
    pub calls: Vec<Captured>,
    /// Requests the proxy's auxiliary table answered: `GET https://huggingface.co/...`.
    pub auxiliary: Vec<String>,
    /// What went wrong on the way (a TLS handshake the client refused...).
    pub problems: Vec<String>,
}

impl Run {
    /// A new session answering as an endpoint of `task` (and the Hub's lookups with
    /// it), and `language`'s environment for it.
    pub(super) fn start(
        server: &Server,
        language: Language,
        task: Option<Task>,
    ) -> io::Result<Run> {
        let session = server.proxy().session(task)?;
        let environment = session.environment(language, server.trust());
        Ok(Run {
            session,
            environment,
        })
    }

    /// Points `command` (built with [`Run::environment`]'s args before its script)
    /// at the session: the suite's proxy exemptions and dummy CA replaced by the
    /// runtime's proxy variables and the run's CA.
    pub(super) fn apply(&self, command: &mut Command, env: &[(String, String)]) {
        let set = &self.environment.vars;
        command.env_clear();
        command.envs(
            env.iter()
                .filter(|(name, _)| !replaced(name) && !set.iter().any(|(n, _)| n == name))
                .cloned(),
        );
        command.envs(set.iter().cloned());
    }

    /// What arrived since the last call.
    pub(super) fn take(&self) -> Sent {
        sent(self.session.take())
    }

    /// Runs `command` (its program, arguments and whole environment, as
    /// [`Run::apply`] left them) in `dir` with the sandbox of `snippet verify`:
    /// isolated as `isolation` allows, the session reached through the sandbox's
    /// bridge on the same loopback port inside. Its output is also written to
    /// `<dir>/<name>.stdout` and `.stderr`, as the suite's other runs'. Isolated, it
    /// runs in a copy of `dir` that ends with it: a `pwned` the run created there is
    /// made in `dir` too, where the suite's check for a command injection looks.
    pub(super) fn run(
        &self,
        isolation: &Isolation,
        command: &Command,
        dir: &Path,
        name: &str,
        timeout: Duration,
    ) -> Outcome {
        let mut args: Vec<String> = vec![
            "-c".to_owned(),
            "\"$@\"; code=$?; if [ -e pwned ]; then : > \"$0/pwned\"; fi; exit $code".to_owned(),
            dir.display().to_string(),
            command.get_program().to_string_lossy().into_owned(),
        ];
        args.extend(
            command
                .get_args()
                .map(|arg| arg.to_string_lossy().into_owned()),
        );
        // `env_clear` was called: these are the whole environment; a removed
        // variable (`unset`'s run) has no value.
        let env: Vec<(String, String)> = command
            .get_envs()
            .filter_map(|(name, value)| {
                Some((
                    name.to_string_lossy().into_owned(),
                    value?.to_string_lossy().into_owned(),
                ))
            })
            .collect();
        let bounds = Bounds {
            timeout,
            ..Bounds::default()
        };
        let ended = sandbox::run(
            isolation,
            &bounds,
            Path::new("sh"),
            &args,
            &env,
            dir,
            self.session.port(),
        );
        let _ = fs::write(dir.join(format!("{name}.stdout")), &ended.stdout);
        let _ = fs::write(dir.join(format!("{name}.stderr")), &ended.stderr);
        Outcome {
            code: ended.code,
            timed_out: ended.timed_out,
            stdout: ended.stdout,
            stderr: ended.stderr,
        }
    }
}

/// What the suite's notes say about where real-host runs run.
pub(super) fn describe(isolation: &Isolation) -> &'static str {
    if isolation.namespaces {
        "real-host runs: network namespace with loopback only (the sandbox of snippet verify)"
    } else {
        "real-host runs: no namespaces on this machine: the proxy variables and dummy tokens are the guard"
    }
}

/// The suite's settings for the capture server, which the proxy's environment
/// replaces.
fn replaced(name: &str) -> bool {
    matches!(name, "NO_PROXY" | "no_proxy" | "SSL_CERT_FILE")
}

/// `traffic` sorted into calls (compared, with their absolute URL) and the
/// auxiliary requests (listed).
pub(super) fn sent(traffic: Traffic) -> Sent {
    let mut sent = Sent {
        problems: traffic.problems,
        ..Sent::default()
    };
    for recorded in traffic.requests {
        if recorded.auxiliary {
            sent.auxiliary
                .push(format!("{} {}", recorded.method, recorded.url));
        } else {
            sent.calls.push(captured(recorded));
        }
    }
    sent
}

fn captured(recorded: Recorded) -> Captured {
    Captured {
        method: recorded.method,
        target: recorded.url,
        headers: recorded.headers,
        body: recorded.body,
    }
}

/// The path and query of a target: itself, or the rest of an absolute URL.
pub(super) fn path_of(target: &str) -> &str {
    match target.split_once("://") {
        Some((_, rest)) => rest.find(['/', '?']).map_or("/", |start| &rest[start..]),
        None => target,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conformance::oracle::{self, Expected};
    use crate::conformance::run;
    use crate::conformance::verdict::difference;
    use inference_snippets::{Client, Token};
    use serde_json::json;

    const CALL: &str = "https://router.huggingface.co/hf-inference/models/org/m";

    /// What a run of `script` (a bash script running curl) sent, with the proxy's
    /// environment or, when `proxied` is false, the suite's usual one; run as the
    /// suite runs a real-host case, in the sandbox `isolation` allows.
    fn sent_by(
        server: &Server,
        isolation: &Isolation,
        dir: &std::path::Path,
        script: &str,
        proxied: bool,
    ) -> (Sent, run::Outcome) {
        let run_ =
            Run::start(server, Language::Curl, Some(Task::TextClassification)).expect("a session");
        std::fs::write(dir.join("script.sh"), script).expect("script");
        let mut command = Command::new("bash");
        command.arg("script.sh");
        let env = vec![
            ("PATH".to_owned(), std::env::var("PATH").unwrap_or_default()),
            ("NO_PROXY".to_owned(), "127.0.0.1,localhost".to_owned()),
        ];
        if proxied {
            run_.apply(&mut command, &env);
        } else {
            command.env_clear().envs(env);
        }
        let outcome = run_.run(
            isolation,
            &command,
            dir,
            "script",
            std::time::Duration::from_secs(20),
        );
        (run_.take(), outcome)
    }

    fn expected(dir: &std::path::Path) -> Expected {
        let request = Request::new(CALL)
            .task(Task::TextClassification)
            .token(Token::None)
            .json(json!({"inputs": "hi"}));
        oracle::from_request(&request, &[], dir, true).expect("expected")
    }

    /// The mode's point: a snippet passes only when it sent its one call through the
    /// session, to the real host, with the scheme and host of the case; going
    /// around the proxy, or to another host, fails; the Hub's lookup is listed, not
    /// compared.
    #[test]
    fn a_run_passes_only_through_the_proxy_to_the_real_host() {
        if !(which("curl") && which("bash")) {
            eprintln!("curl or bash missing: skipped");
            return;
        }
        let scratch = crate::scratch("conformance-realhost");
        // The sandbox copies this folder: the server's files stay out of it.
        let dir = scratch.join("run");
        std::fs::create_dir_all(&dir).expect("the run's folder");
        let server = Server::start(None, &scratch).expect("a server");
        let isolation = Isolation::probe(&std::env::var_os("PATH").unwrap_or_default());
        eprintln!("{}", describe(&isolation));
        let expected = expected(&dir);
        let curl = |url: &str| {
            format!(
                "curl -sS --max-time 10 {url} -H 'Content-Type: application/json' -d '{{\"inputs\": \"hi\"}}'\n"
            )
        };
        let verdict = |sent: &Sent, outcome: &run::Outcome| {
            difference(&expected, sent, Client::Curl, outcome)
        };

        let (sent, outcome) = sent_by(&server, &isolation, &dir, &curl(CALL), true);
        assert_eq!(verdict(&sent, &outcome), None, "{}", outcome.stderr);
        assert!(sent.auxiliary.is_empty());

        // The Hub first, then the call: the lookup is listed, not compared.
        let lookup = "curl -sS --max-time 10 'https://huggingface.co/api/models/org/m?expand[]=inferenceProviderMapping' -g\n";
        let (sent, outcome) = sent_by(
            &server,
            &isolation,
            &dir,
            &format!("{lookup}{}", curl(CALL)),
            true,
        );
        assert_eq!(verdict(&sent, &outcome), None, "{}", outcome.stderr);
        assert_eq!(
            sent.auxiliary,
            ["GET https://huggingface.co/api/models/org/m?expand[]=inferenceProviderMapping"]
        );

        // Around the proxy, with its environment or without: nothing reaches the
        // session. (Sent to a closed loopback port: the test never leaves the machine.)
        let around = curl(&format!(
            "--noproxy '*' --connect-to router.huggingface.co:443:127.0.0.1:1 {CALL}"
        ));
        for proxied in [true, false] {
            let (sent, outcome) = sent_by(&server, &isolation, &dir, &around, proxied);
            let found = verdict(&sent, &outcome).expect("a bypass fails");
            assert!(found.starts_with("no request reached"), "{found}");
        }

        // In a network namespace, going around the proxy reaches nothing at all: not
        // the real host (only loopback is up, and no name resolves), and not even a
        // server listening on this machine's loopback, which the namespace's is not.
        // (Without namespaces, the first would go to the real router on a machine
        // with network: only the proxy variables and dummy tokens guard that.)
        if isolation.namespaces {
            let outside = std::net::TcpListener::bind("127.0.0.1:0").expect("a listener");
            outside.set_nonblocking(true).expect("non-blocking");
            let port = outside.local_addr().expect("its port").port();
            for script in [
                curl(&format!("--noproxy '*' {CALL}")),
                curl(&format!(
                    "--noproxy '*' --connect-to router.huggingface.co:443:127.0.0.1:{port} {CALL}"
                )),
            ] {
                for proxied in [true, false] {
                    let (sent, outcome) = sent_by(&server, &isolation, &dir, &script, proxied);
                    let found = verdict(&sent, &outcome).expect("a bypass fails");
                    assert!(found.starts_with("no request reached"), "{found}");
                    assert!(!outcome.success(), "{script}: {}", outcome.stderr);
                }
            }
            assert!(
                matches!(outside.accept(), Err(e) if e.kind() == std::io::ErrorKind::WouldBlock),
                "a run in the namespace connected to a listener outside it"
            );
        }

        // Another host, or another scheme, with the same path.
        for other in [
            "https://api-inference.huggingface.co/hf-inference/models/org/m",
            "http://router.huggingface.co/hf-inference/models/org/m",
        ] {
            let (sent, outcome) = sent_by(&server, &isolation, &dir, &curl(other), true);
            let found = verdict(&sent, &outcome).expect("another host fails");
            assert!(found.starts_with("URL: expected"), "{found}");
        }

        // A command the run's text hid still leaves its trace where the suite looks,
        // though an isolated run works in a copy of the folder.
        let _ = std::fs::remove_file(dir.join("pwned"));
        let (_, outcome) = sent_by(
            &server,
            &isolation,
            &dir,
            &format!("touch pwned\n{}", curl(CALL)),
            true,
        );
        assert!(outcome.success(), "{}", outcome.stderr);
        assert!(dir.join("pwned").exists(), "pwned not seen in the folder");
        std::fs::remove_file(dir.join("pwned")).expect("pwned removed");

        // Two calls are a failure, as with the capture server.
        let (sent, outcome) = sent_by(
            &server,
            &isolation,
            &dir,
            &format!("{}{}", curl(CALL), curl(CALL)),
            true,
        );
        let found = verdict(&sent, &outcome).expect("two calls fail");
        assert!(found.starts_with("2 requests sent"), "{found}");
    }

    fn which(program: &str) -> bool {
        Command::new("sh")
            .args(["-c", &format!("command -v {program}")])
            .output()
            .is_ok_and(|output| output.status.success())
    }

    fn request(url: &str) -> Request {
        Request::new(url)
    }

    #[test]
    fn only_the_router_written_out_is_a_real_host() {
        assert!(applies(&request(
            "https://router.huggingface.co/v1/chat/completions"
        )));
        assert!(applies(&request("https://router.huggingface.co")));
        assert!(!applies(&request(
            "https://router.huggingface.co.evil.example/v1"
        )));
        assert!(!applies(&request("http://router.huggingface.co/v1")));
        assert!(!applies(&request("https://x.endpoints.huggingface.cloud/")));
    }

    /// A router case keeps its URL in its snippets and in its oracle; any other
    /// literal host is rewritten to the capture server.
    #[test]
    fn the_router_is_not_rewritten() {
        let router = Request::new(CALL);
        let route = crate::conformance::cases::route(&router, 9, "c");
        assert_eq!(route.request.url.shown(), CALL);
        assert_eq!(route.oracle.url.shown(), CALL);
        assert!(route.replacements.is_empty());
        let endpoint = Request::new("https://x.endpoints.huggingface.cloud/m");
        let route = crate::conformance::cases::route(&endpoint, 9, "c");
        assert_eq!(route.request.url.shown(), "http://127.0.0.1:9/c/m");
    }

    #[test]
    fn paths_of_absolute_and_relative_targets() {
        assert_eq!(path_of("https://h.co/a/b?c=1"), "/a/b?c=1");
        assert_eq!(path_of("https://h.co"), "/");
        assert_eq!(path_of("/a?b"), "/a?b");
    }
}
