//! The Rust snippets, compiled together: one crate (`tests/rust-snippets`' manifest
//! and lock) whose binary holds every snippet as a module and runs the one its
//! first argument names. One link instead of one per snippet: the build takes a
//! fraction of the time and of the disk. A snippet that does not compile is left
//! out and fails its own cell only.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::run::run;
use super::setup::{INSTALL_TIMEOUT, read, write_if_changed};

/// How many times a build is retried without the modules that failed it.
const ROUNDS: usize = 4;

pub(crate) struct RustRunner {
    /// The crate's folder.
    pub dir: PathBuf,
    /// Where cargo builds: shared by every runner of the same manifest, so that
    /// reqwest and its dependencies are built once.
    target: PathBuf,
    /// The binary's name, the runner folder's: runners sharing `target` must not
    /// overwrite each other's binary.
    bin: String,
    modules: BTreeMap<String, String>,
    /// The modules left out because they do not compile, with cargo's first error.
    broken: BTreeMap<String, String>,
}

impl RustRunner {
    /// The runner of the conformance run, in `target/conformance/rust`.
    pub(crate) fn new(root: &Path) -> RustRunner {
        RustRunner::at(root, root.join("target/conformance/rust"))
    }

    /// A runner in `dir`, building in the conformance runner's target folder.
    pub(crate) fn at(root: &Path, dir: PathBuf) -> RustRunner {
        let bin = dir.file_name().map_or_else(
            || "snippets".to_owned(),
            |name| name.to_string_lossy().replace(['.', ' '], "-"),
        );
        RustRunner {
            dir,
            bin,
            target: root.join("target/conformance/rust/target"),
            modules: BTreeMap::new(),
            broken: BTreeMap::new(),
        }
    }

    /// Adds `code` (a snippet with `fn main`) as the module `name`.
    pub(crate) fn add(&mut self, name: &str, code: &str) {
        // The dispatcher calls the module's `main`, which must be visible to it.
        let code = format!("\n{code}").replacen("\nfn main() ->", "\npub fn main() ->", 1);
        self.modules.insert(name.to_owned(), code);
    }

    /// The command that runs module `name`, or why it cannot run.
    pub(crate) fn command(&self, name: &str) -> Result<Command, String> {
        if let Some(error) = self.broken.get(name) {
            return Err(format!("does not compile: {error}"));
        }
        let executable = self.target.join("debug").join(&self.bin);
        if !executable.exists() || !self.modules.contains_key(name) {
            return Err("the snippets were not built".into());
        }
        let mut command = Command::new(executable);
        command.arg(name);
        Ok(command)
    }

    /// Writes the crate and builds it; a module that does not compile is left out
    /// (see [`command`](Self::command)) and the crate built again without it. The
    /// error holds cargo's output when the build fails for another reason.
    pub(crate) fn build(&mut self, root: &Path) -> Result<(), String> {
        let src = self.dir.join("src");
        fs::create_dir_all(&src).map_err(|err| format!("{}: {err}", src.display()))?;
        let template = root.join("tests/rust-snippets");
        write_if_changed(
            &self.dir.join("Cargo.lock"),
            &read(&template.join("Cargo.lock"))?,
        )?;
        // A binary named after the runner; the lock does not name binaries.
        let manifest = format!(
            "{}\n[[bin]]\nname = \"{}\"\npath = \"src/main.rs\"\n",
            read(&template.join("Cargo.toml"))?,
            self.bin
        );
        write_if_changed(&self.dir.join("Cargo.toml"), &manifest)?;
        // Files of modules no longer there would be dead weight.
        for entry in fs::read_dir(&src).map_err(|err| err.to_string())? {
            let path = entry.map_err(|err| err.to_string())?.path();
            let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
            if stem.is_none_or(|stem| stem != "main" && !self.modules.contains_key(&stem)) {
                let _ = fs::remove_file(&path);
            }
        }
        for (name, code) in &self.modules {
            write_if_changed(&src.join(format!("{name}.rs")), code)?;
        }
        let mut last = String::new();
        for _ in 0..ROUNDS {
            let included: BTreeSet<&String> = self
                .modules
                .keys()
                .filter(|name| !self.broken.contains_key(*name))
                .collect();
            write_if_changed(&src.join("main.rs"), &dispatcher(&included))?;
            let outcome = run(
                Command::new(env!("CARGO"))
                    .args(["build", "--quiet", "--locked"])
                    .env("CARGO_TARGET_DIR", &self.target)
                    .env_remove("RUSTFLAGS"),
                &self.dir,
                "build",
                INSTALL_TIMEOUT,
            );
            if outcome.success() {
                return Ok(());
            }
            let failing = failing_modules(&outcome.stderr);
            if failing.is_empty() {
                return Err(format!(
                    "{}\n{}",
                    outcome.failure(INSTALL_TIMEOUT),
                    outcome.stderr
                ));
            }
            for (name, error) in failing {
                self.broken.insert(name, error);
            }
            last = outcome.stderr;
        }
        Err(format!("still failing after {ROUNDS} builds:\n{last}"))
    }
}

/// `main.rs`: every module, and a `main` that runs the one named by the first
/// argument, reporting an error as a `main` returning `Result` does.
fn dispatcher(modules: &BTreeSet<&String>) -> String {
    let mut text = String::from(
        "// Generated by the conformance test: every snippet a module.\n#![allow(warnings)]\n\n",
    );
    for name in modules {
        text.push_str(&format!("mod {name};\n"));
    }
    text.push_str(
        "\nfn main() -> std::process::ExitCode {\n    let name = std::env::args().nth(1).unwrap_or_default();\n    let result = match name.as_str() {\n",
    );
    for name in modules {
        text.push_str(&format!("        {name:?} => {name}::main(),\n"));
    }
    text.push_str(
        "        _ => {\n            eprintln!(\"no snippet {name}\");\n            return std::process::ExitCode::from(2);\n        }\n    };\n    match result {\n        Ok(()) => std::process::ExitCode::SUCCESS,\n        Err(err) => {\n            eprintln!(\"Error: {err:?}\");\n            std::process::ExitCode::FAILURE\n        }\n    }\n}\n",
    );
    text
}

/// The modules cargo's errors are in (`--> src/NAME.rs:LINE:COLUMN`), each with the
/// first error's line.
fn failing_modules(stderr: &str) -> BTreeMap<String, String> {
    let mut failing = BTreeMap::new();
    // The error being read; a warning's places do not count.
    let mut error: Option<&str> = None;
    for line in stderr.lines() {
        if line.starts_with("error") {
            error = Some(line);
        } else if line.starts_with("warning") {
            error = None;
        }
        if let Some(error) = error
            && let Some(rest) = line.trim_start().strip_prefix("--> src/")
            && let Some((name, _)) = rest.split_once(".rs:")
            && name != "main"
        {
            failing
                .entry(name.to_owned())
                .or_insert_with(|| format!("src/{name}.rs: {error}"));
        }
    }
    failing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_modules_an_error_is_in() {
        let stderr = "error[E0425]: cannot find value `x` in this scope\n --> src/c_a.rs:3:5\n  |\nwarning: unused\n --> src/c_b.rs:1:1\nerror: aborting\n --> src/main.rs:2:1\n";
        let failing = failing_modules(stderr);
        assert_eq!(failing.keys().collect::<Vec<_>>(), ["c_a"]);
        assert!(failing["c_a"].contains("E0425"));
    }

    /// One snippet that does not compile fails alone; the others still run.
    #[test]
    fn a_module_that_does_not_compile_fails_alone() {
        let root = crate::root();
        let mut runner = RustRunner::at(root, crate::scratch("rust-runner"));
        let good = "fn main() -> Result<(), Box<dyn std::error::Error>> {\n    println!(\"ok\");\n    Ok(())\n}\n";
        runner.add("c_good", good);
        runner.add("c_bad", &good.replace("println!", "undefined_macro!"));
        runner.build(root).expect("built without the broken module");
        let output = runner
            .command("c_good")
            .expect("runs")
            .output()
            .expect("spawns");
        assert_eq!(String::from_utf8_lossy(&output.stdout), "ok\n");
        let why = runner.command("c_bad").expect_err("left out");
        assert!(
            why.starts_with("does not compile: src/c_bad.rs: error"),
            "{why}"
        );
    }
}
