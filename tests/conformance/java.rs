//! The Java snippets, compiled together: each case's `Main.java` in a package of
//! its own (`src/<case>/Main.java` under `target/conformance/java`), one `javac`
//! for all of them, and each run as `java -cp classes <case>.Main`: one compile
//! instead of one per JVM start (`java Main.java` compiles the file each time). A
//! snippet that does not compile is left out and fails its own cell only.
//!
//! A JVM spends most of a snippet's second starting `java.net.http` (its classes,
//! lambdas and TLS setup load on every `HttpClient`). The classes go into one jar,
//! and a warm-up program that builds a client and sends a request records the
//! loaded classes in a class-data-sharing archive (`-XX:ArchiveClassesAtExit`,
//! which takes jars, not folders); every run maps it, stops at the first JIT tier
//! (short programs never reach the second) and trusts an empty store instead of
//! reading the system's CAs. None of these changes what is sent.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::run::run;
use super::setup::INSTALL_TIMEOUT;

/// How many times a compile is retried without the files that failed it.
const ROUNDS: usize = 4;

/// The warm-up: the classes a snippet loads, without a server (the refused
/// connection is expected).
const WARM_UP: &str = r#"package warm_up;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

public class Main {
    public static void main(String[] args) {
        HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/warm-up"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
        try {
            System.out.println(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (Exception refused) {
            System.out.println("warmed up");
        }
    }
}
"#;

/// The JVM option of every run: stop at the first JIT tier (see above).
const FIRST_TIER: &str = "-XX:TieredStopAtLevel=1";

/// [`EMPTY_TRUST_STORE`]'s file in the runner's folder.
const TRUST_STORE: &str = "trusts-nothing.jks";

/// An empty JKS trust store (no entries; read without a password, so no digest is
/// checked): `HttpClient` makes the default TLS context when it is built, which read
/// the system's ~140 CAs on every run, a quarter of its CPU time, for requests that
/// are plain http to 127.0.0.1.
const EMPTY_TRUST_STORE: [u8; 32] = [
    0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0,
];

pub(crate) struct JavaRunner {
    /// The runner's folder: `src/` and `classes/`.
    dir: PathBuf,
    programs: BTreeMap<String, String>,
    /// The programs left out because they do not compile, with the first error.
    broken: BTreeMap<String, String>,
    /// The class path of the runs: `programs.jar`, or `classes/` when `jar` failed.
    class_path: PathBuf,
    /// The class-data-sharing archive, when the warm-up could write one.
    archive: Option<PathBuf>,
}

impl JavaRunner {
    /// The runner of the conformance run, in `target/conformance/java`.
    pub(crate) fn new(root: &Path) -> JavaRunner {
        JavaRunner::at(root.join("target/conformance/java"))
    }

    /// A runner in `dir`.
    pub(crate) fn at(dir: PathBuf) -> JavaRunner {
        JavaRunner {
            class_path: dir.join("classes"),
            dir,
            programs: BTreeMap::new(),
            broken: BTreeMap::new(),
            archive: None,
        }
    }

    /// Adds `code` (a `Main.java` without a package) as the package `name`.
    pub(crate) fn add(&mut self, name: &str, code: &str) {
        self.programs
            .insert(name.to_owned(), format!("package {name};\n\n{code}"));
    }

    /// The command that runs program `name`, or why it cannot run.
    pub(crate) fn command(&self, name: &str) -> Result<Command, String> {
        self.command_trusting(name, true)
    }

    /// [`command`](Self::command) for a run through the recording proxy: the
    /// runner's empty trust store left out, since an option on the command line
    /// overrides the proxy's `JAVA_TOOL_OPTIONS` (its CA's store).
    pub(crate) fn command_through_proxy(&self, name: &str) -> Result<Command, String> {
        self.command_trusting(name, false)
    }

    fn command_trusting(&self, name: &str, own_store: bool) -> Result<Command, String> {
        if let Some(error) = self.broken.get(name) {
            return Err(format!("does not compile: {error}"));
        }
        let classes = self.dir.join("classes");
        if !classes.join(name).join("Main.class").exists() || !self.programs.contains_key(name) {
            return Err("the snippets were not compiled".into());
        }
        let mut command = Command::new("java");
        if let Some(archive) = &self.archive {
            command.arg(format!("-XX:SharedArchiveFile={}", archive.display()));
        }
        let options = self.options();
        let options = if own_store {
            &options[..]
        } else {
            &options[..1]
        };
        command
            .args(options)
            .arg("-cp")
            .arg(&self.class_path)
            .arg(format!("{name}.Main"));
        Ok(command)
    }

    /// Writes every program and compiles them with one `javac`; a file that does
    /// not compile is left out and the others compiled again without it.
    pub(crate) fn build(&mut self) -> Result<(), String> {
        if self.programs.is_empty() {
            return Ok(());
        }
        let src = self.dir.join("src");
        let classes = self.dir.join("classes");
        for dir in [&src, &classes] {
            let _ = fs::remove_dir_all(dir);
            fs::create_dir_all(dir).map_err(|err| format!("{}: {err}", dir.display()))?;
        }
        let trust_store = self.dir.join(TRUST_STORE);
        fs::write(&trust_store, EMPTY_TRUST_STORE)
            .map_err(|err| format!("{}: {err}", trust_store.display()))?;
        let warm_up = [("warm_up", WARM_UP)];
        for (name, code) in self
            .programs
            .iter()
            .map(|(name, code)| (name.as_str(), code.as_str()))
            .chain(warm_up)
        {
            let folder = src.join(name);
            fs::create_dir_all(&folder).map_err(|err| err.to_string())?;
            fs::write(folder.join("Main.java"), code).map_err(|err| err.to_string())?;
        }
        let mut last = String::new();
        for _ in 0..ROUNDS {
            let files: Vec<String> = self
                .programs
                .keys()
                .map(String::as_str)
                .chain(["warm_up"])
                .filter(|name| !self.broken.contains_key(*name))
                .map(|name| format!("src/{name}/Main.java"))
                .collect();
            let outcome = run(
                Command::new("javac")
                    .args(["-encoding", "UTF-8", "-nowarn", "-d", "classes"])
                    .args(&files),
                &self.dir,
                "build",
                INSTALL_TIMEOUT,
            );
            if outcome.success() {
                self.share_classes();
                return Ok(());
            }
            let failing = failing_programs(&outcome.stderr);
            if failing.is_empty() {
                return Err(format!(
                    "{}\n{}",
                    outcome.failure(INSTALL_TIMEOUT),
                    outcome.stderr
                ));
            }
            self.broken.extend(failing);
            last = outcome.stderr;
        }
        Err(format!("still failing after {ROUNDS} compiles:\n{last}"))
    }
}

impl JavaRunner {
    /// The options of the runs and of the warm-up (the archive is valid for the
    /// options it was recorded with).
    fn options(&self) -> [String; 2] {
        [
            FIRST_TIER.to_owned(),
            format!(
                "-Djavax.net.ssl.trustStore={}",
                self.dir.join(TRUST_STORE).display()
            ),
        ]
    }

    /// Packs the classes into `programs.jar` and records the warm-up's classes in
    /// `startup.jsa`; without either, the runs are only slower.
    fn share_classes(&mut self) {
        let jar = self.dir.join("programs.jar");
        let archive = self.dir.join("startup.jsa");
        for file in [&jar, &archive] {
            let _ = fs::remove_file(file);
        }
        let packed = run(
            Command::new("jar").args(["--create", "--file", "programs.jar", "-C", "classes", "."]),
            &self.dir,
            "jar",
            INSTALL_TIMEOUT,
        );
        if !packed.success() {
            return;
        }
        self.class_path = jar;
        let recorded = run(
            Command::new("java")
                .arg("-XX:ArchiveClassesAtExit=startup.jsa")
                .args(self.options())
                .args(["-cp", "programs.jar", "warm_up.Main"]),
            &self.dir,
            "warm-up",
            INSTALL_TIMEOUT,
        );
        if recorded.success() && archive.exists() {
            self.archive = Some(archive);
        }
    }
}

/// The programs javac's errors are in (`src/NAME/Main.java:LINE: error: ...`),
/// each with its first error.
fn failing_programs(stderr: &str) -> BTreeMap<String, String> {
    let mut failing = BTreeMap::new();
    for line in stderr.lines() {
        if let Some(rest) = line.strip_prefix("src/")
            && let Some((name, after)) = rest.split_once("/Main.java:")
            && after.contains("error:")
        {
            failing
                .entry(name.to_owned())
                .or_insert_with(|| line.to_owned());
        }
    }
    failing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_programs_an_error_is_in() {
        let stderr = "src/c_a/Main.java:3: error: cannot find symbol\n  x\n1 error\n";
        let failing = failing_programs(stderr);
        assert_eq!(failing.keys().collect::<Vec<_>>(), ["c_a"]);
    }
}
