//! Running one program with a deadline, in its own process group so that a timeout
//! also ends what it started (bash's curl, node's workers).

use std::fs::{self, File};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How a program ended and what it printed.
pub(crate) struct Outcome {
    /// The exit code; `None` when killed by a signal or the deadline.
    pub code: Option<i32>,
    pub timed_out: bool,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    pub(crate) fn success(&self) -> bool {
        self.code == Some(0)
    }

    /// Why the program failed, with the end of its stderr.
    pub(crate) fn failure(&self, timeout: Duration) -> String {
        let status = if self.timed_out {
            format!("timed out after {} s", timeout.as_secs())
        } else {
            match self.code {
                Some(code) => format!("exit status {code}"),
                None => "killed by a signal".to_owned(),
            }
        };
        format!("{status}; stderr: {}", tail(&self.stderr))
    }
}

/// The last non-empty lines of `text`, on one line, bounded.
pub(super) fn tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let joined = lines[lines.len().saturating_sub(3)..].join(" | ");
    let mut out: String = joined.chars().take(400).collect();
    if out.len() < joined.len() {
        out.push_str("...");
    }
    if out.is_empty() {
        "(empty)".into()
    } else {
        out
    }
}

/// Runs `command` in `dir`, output to `<dir>/<name>.stdout` and `.stderr` (files, not
/// pipes: nothing to drain while waiting), killed with its group after `timeout`.
pub(crate) fn run(command: &mut Command, dir: &Path, name: &str, timeout: Duration) -> Outcome {
    let out_path = dir.join(format!("{name}.stdout"));
    let err_path = dir.join(format!("{name}.stderr"));
    let files = File::create(&out_path).and_then(|out| Ok((out, File::create(&err_path)?)));
    let (out, err) = match files {
        Ok(files) => files,
        Err(error) => return not_started(command, &error),
    };
    command
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .process_group(0);
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(error) => return not_started(command, &error),
    };
    let deadline = Instant::now() + timeout;
    let (code, timed_out) = loop {
        match child.try_wait() {
            Ok(Some(status)) => break (status.code(), false),
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(10)),
            _ => {
                // The group id is the child's pid (process_group(0)).
                let _ = Command::new("kill")
                    .args(["-KILL", "--", &format!("-{}", child.id())])
                    .status();
                let _ = child.kill();
                let _ = child.wait();
                break (None, true);
            }
        }
    };
    let read =
        |path: &Path| String::from_utf8_lossy(&fs::read(path).unwrap_or_default()).into_owned();
    Outcome {
        code,
        timed_out,
        stdout: read(&out_path),
        stderr: read(&err_path),
    }
}

fn not_started(command: &Command, error: &std::io::Error) -> Outcome {
    Outcome {
        code: None,
        timed_out: false,
        stdout: String::new(),
        stderr: format!("cannot run {:?}: {error}", command.get_program()),
    }
}

/// The whole environment of a snippet: no proxies, no ambient token or Hugging Face
/// cache (huggingface_hub would send a token it finds there), the cases' tokens.
///
/// `SSL_CERT_FILE` names one CA certificate that no server presents
/// (`tests/conformance/trusted-ca.pem`, its key thrown away): the requests are plain
/// http to 127.0.0.1, and clients that read their CA bundle when they start
/// (reqwest's OpenSSL, httpx) parsed the system's ~140 CAs on every run. Measured:
/// a reqwest run 0.10 s of CPU before, 0.003 s after.
pub(super) fn snippet_env(home: &Path, hf_home: &Path) -> Vec<(String, String)> {
    let mut env = vec![
        ("PATH".to_owned(), std::env::var("PATH").unwrap_or_default()),
        ("HOME".to_owned(), home.display().to_string()),
        ("HF_HOME".to_owned(), hf_home.display().to_string()),
        ("HF_HUB_DISABLE_TELEMETRY".to_owned(), "1".to_owned()),
        ("LANG".to_owned(), "C.UTF-8".to_owned()),
        ("PYTHONDONTWRITEBYTECODE".to_owned(), "1".to_owned()),
        ("NO_PROXY".to_owned(), "127.0.0.1,localhost".to_owned()),
        ("no_proxy".to_owned(), "127.0.0.1,localhost".to_owned()),
        (
            "SSL_CERT_FILE".to_owned(),
            crate::root()
                .join("tests/conformance/trusted-ca.pem")
                .display()
                .to_string(),
        ),
    ];
    for (name, value) in super::oracle::TOKENS {
        env.push(((*name).to_owned(), (*value).to_owned()));
    }
    env
}
