//! The Java snippets, compiled together: each case's `Main.java` in a package of
//! its own (`src/<case>/Main.java` under `target/conformance/java`), one `javac`
//! for all of them, and each run as `java -cp classes <case>.Main`: one compile
//! instead of one per JVM start (`java Main.java` compiles the file each time). A
//! snippet that does not compile is left out and fails its own cell only.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::run::run;
use super::setup::INSTALL_TIMEOUT;

/// How many times a compile is retried without the files that failed it.
const ROUNDS: usize = 4;

pub(crate) struct JavaRunner {
    /// The runner's folder: `src/` and `classes/`.
    dir: PathBuf,
    programs: BTreeMap<String, String>,
    /// The programs left out because they do not compile, with the first error.
    broken: BTreeMap<String, String>,
}

impl JavaRunner {
    /// The runner of the conformance run, in `target/conformance/java`.
    pub(crate) fn new(root: &Path) -> JavaRunner {
        JavaRunner::at(root.join("target/conformance/java"))
    }

    /// A runner in `dir`.
    pub(crate) fn at(dir: PathBuf) -> JavaRunner {
        JavaRunner {
            dir,
            programs: BTreeMap::new(),
            broken: BTreeMap::new(),
        }
    }

    /// Adds `code` (a `Main.java` without a package) as the package `name`.
    pub(crate) fn add(&mut self, name: &str, code: &str) {
        self.programs
            .insert(name.to_owned(), format!("package {name};\n\n{code}"));
    }

    /// The command that runs program `name`, or why it cannot run.
    pub(crate) fn command(&self, name: &str) -> Result<Command, String> {
        if let Some(error) = self.broken.get(name) {
            return Err(format!("does not compile: {error}"));
        }
        let classes = self.dir.join("classes");
        if !classes.join(name).join("Main.class").exists() || !self.programs.contains_key(name) {
            return Err("the snippets were not compiled".into());
        }
        let mut command = Command::new("java");
        command.arg("-cp").arg(classes).arg(format!("{name}.Main"));
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
        for (name, code) in &self.programs {
            let folder = src.join(name);
            fs::create_dir_all(&folder).map_err(|err| err.to_string())?;
            fs::write(folder.join("Main.java"), code).map_err(|err| err.to_string())?;
        }
        let mut last = String::new();
        for _ in 0..ROUNDS {
            let files: Vec<String> = self
                .programs
                .keys()
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
