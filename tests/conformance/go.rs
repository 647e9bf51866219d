//! The Go snippets, compiled together: one module under `target/conformance/go`
//! whose `cmd/<case>/main.go` is each case's snippet, a main package of its own,
//! and one `go build` that writes every binary (the build cache, GOCACHE, and
//! GOPATH beside them). A snippet that does not compile is left out and fails its
//! own cell only.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::run::run;
use super::setup::{INSTALL_TIMEOUT, write_if_changed};

/// How many times a build is retried without the packages that failed it.
const ROUNDS: usize = 4;

pub(crate) struct GoRunner {
    /// The module's folder.
    dir: PathBuf,
    programs: BTreeMap<String, String>,
    /// The programs left out because they do not compile, with the first error.
    broken: BTreeMap<String, String>,
}

impl GoRunner {
    /// The runner of the conformance run, in `target/conformance/go`.
    pub(crate) fn new(root: &Path) -> GoRunner {
        GoRunner::at(root.join("target/conformance/go"))
    }

    /// A runner in `dir`.
    pub(crate) fn at(dir: PathBuf) -> GoRunner {
        GoRunner {
            dir,
            programs: BTreeMap::new(),
            broken: BTreeMap::new(),
        }
    }

    /// Adds `code` (a `package main` file) as the program `name`.
    pub(crate) fn add(&mut self, name: &str, code: &str) {
        self.programs.insert(name.to_owned(), code.to_owned());
    }

    /// The command that runs program `name`, or why it cannot run.
    pub(crate) fn command(&self, name: &str) -> Result<Command, String> {
        if let Some(error) = self.broken.get(name) {
            return Err(format!("does not compile: {error}"));
        }
        let executable = self.dir.join("bin").join(name);
        if !executable.exists() || !self.programs.contains_key(name) {
            return Err("the snippets were not built".into());
        }
        Ok(Command::new(executable))
    }

    /// Writes the module and builds every program with one `go build`; a program
    /// that does not compile is left out and the others built again without it.
    pub(crate) fn build(&mut self) -> Result<(), String> {
        if self.programs.is_empty() {
            return Ok(());
        }
        let cmd = self.dir.join("cmd");
        fs::create_dir_all(&cmd).map_err(|err| format!("{}: {err}", cmd.display()))?;
        write_if_changed(&self.dir.join("go.mod"), "module snippets\n\ngo 1.19\n")?;
        let _ = fs::remove_dir_all(self.dir.join("bin"));
        let mut last = String::new();
        for _ in 0..ROUNDS {
            // Folders of programs no longer there, or left out, would be built too.
            for entry in fs::read_dir(&cmd).map_err(|err| err.to_string())? {
                let path = entry.map_err(|err| err.to_string())?.path();
                let name = path.file_name().map(|s| s.to_string_lossy().into_owned());
                if name.is_none_or(|name| {
                    !self.programs.contains_key(&name) || self.broken.contains_key(&name)
                }) {
                    let _ = fs::remove_dir_all(&path);
                }
            }
            for (name, code) in &self.programs {
                if self.broken.contains_key(name) {
                    continue;
                }
                let folder = cmd.join(name);
                fs::create_dir_all(&folder).map_err(|err| err.to_string())?;
                write_if_changed(&folder.join("main.go"), code)?;
            }
            let outcome = run(
                Command::new("go")
                    // No symbol table or DWARF (-s -w): the programs are run, not
                    // debugged, and each is a third smaller.
                    .args([
                        "build",
                        "-trimpath",
                        "-ldflags=-s -w",
                        "-o",
                        "bin/",
                        "./cmd/...",
                    ])
                    .env("GOCACHE", self.dir.join("cache"))
                    .env("GOPATH", self.dir.join("path"))
                    .env("GOFLAGS", "-mod=mod")
                    .env("GOPROXY", "off")
                    .env("GO111MODULE", "on"),
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
        Err(format!("still failing after {ROUNDS} builds:\n{last}"))
    }
}

impl GoRunner {
    /// Removes the built programs once they have run: a statically linked binary per
    /// case (about 4 MB each, 0.8 GB for the suite) would stay under target/ for
    /// nothing; the next build links them again from the build cache.
    pub(crate) fn remove_programs(&self) {
        let _ = fs::remove_dir_all(self.dir.join("bin"));
    }
}

/// The programs go's errors are in (`cmd/NAME/main.go:LINE:COLUMN: ...`), each
/// with its first error.
fn failing_programs(stderr: &str) -> BTreeMap<String, String> {
    let mut failing = BTreeMap::new();
    for line in stderr.lines() {
        let line = line.trim_start_matches("./");
        if let Some(rest) = line.strip_prefix("cmd/")
            && let Some((name, _)) = rest.split_once("/main.go:")
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
        let stderr = "# snippets/cmd/c_a\ncmd/c_a/main.go:3:5: undefined: x\n";
        let failing = failing_programs(stderr);
        assert_eq!(failing.keys().collect::<Vec<_>>(), ["c_a"]);
        assert!(failing["c_a"].contains("undefined"));
    }
}
