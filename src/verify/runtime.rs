//! The runtimes verify runs blocks with, one entry per [`Language`] (a new language
//! is a new arm of [`entry`]): which program, which script file, which packages the
//! block may use. Python blocks run in a venv per install line, holding only the
//! packages it names (pinned by `runtimes/requirements.txt`); JavaScript blocks with
//! a `node_modules` linking only the packages they import, from one `npm ci` of
//! `runtimes/package-lock.json`. Both live in a cache folder that [`setup`] prepares.
//! Go blocks are built outside the sandbox (no network, no cgo, the build cache in the
//! cache folder) and their program runs in it; Java blocks run as a source file
//! (`java Main.java`), PHP blocks with Debian's Guzzle behind `vendor/autoload.php`,
//! Ruby blocks as they are: none of the three installs anything. Rust blocks are built
//! with cargo against the conformance suite's pinned reqwest ([`cargo`]), then run.
//! Each part of the cache is checked and built under its own file lock
//! ([`lock`](super::lock)), so that two processes preparing it at once both get it
//! whole (cargo locks its own target folder).

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::lock::{self, Waiting};
use super::sandbox::{self, Bounds, Isolation};
use crate::Language;

pub mod cargo;

const REQUIREMENTS: &str = include_str!("runtimes/requirements.txt");
const PACKAGE_JSON: &str = include_str!("runtimes/package.json");
const PACKAGE_LOCK: &str = include_str!("runtimes/package-lock.json");

/// How a language's blocks run.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// The program on `PATH` (for Python, the one that makes the venvs).
    pub program: &'static str,
    /// The file the block is written to.
    pub script: &'static str,
    /// What else must be on `PATH`, and what the block needs it for.
    pub needs: &'static [&'static str],
    /// How its packages are installed.
    pub packages: Packages,
}

/// Where a language's packages come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Packages {
    /// None: the program alone (curl).
    None,
    /// pip, into a venv per set.
    Pip,
    /// npm, linked per set.
    Npm,
    /// Go's standard library alone: the block is built into a program first.
    GoBuild,
    /// The crates of `tests/rust-snippets` (reqwest, serde_json): the block is built
    /// with cargo into a program first.
    Cargo,
    /// Debian's Guzzle (php-guzzlehttp-guzzle), behind the `vendor/autoload.php` the
    /// block requires, as Composer would write it.
    Guzzle,
}

/// What Composer's `vendor/autoload.php` does for a Guzzle block: Debian's
/// autoloader, which finds Guzzle's dependencies on PHP's include path.
pub const GUZZLE_AUTOLOAD: &str = "/usr/share/php/GuzzleHttp/autoload.php";

/// The runtime entry of `language`, or why verify cannot run its blocks.
pub fn entry(language: Language) -> Result<Entry, &'static str> {
    match language {
        Language::Curl => Ok(Entry {
            program: "bash",
            script: "snippet.sh",
            needs: &["curl"],
            packages: Packages::None,
        }),
        Language::Python => Ok(Entry {
            program: "python3",
            script: "snippet.py",
            needs: &[],
            packages: Packages::Pip,
        }),
        Language::JavaScript => Ok(Entry {
            program: "node",
            script: "snippet.mjs",
            needs: &[],
            packages: Packages::Npm,
        }),
        Language::Rust => Ok(Entry {
            program: "cargo",
            script: "src/main.rs",
            needs: &[],
            packages: Packages::Cargo,
        }),
        Language::Go => Ok(Entry {
            program: "go",
            script: "main.go",
            needs: &[],
            packages: Packages::GoBuild,
        }),
        // The source launcher (Java 11+) compiles the file in memory and runs its
        // first class: no javac, no class files.
        Language::Java => Ok(Entry {
            program: "java",
            script: "Main.java",
            needs: &[],
            packages: Packages::None,
        }),
        Language::Php => Ok(Entry {
            program: "php",
            script: "snippet.php",
            needs: &[],
            packages: Packages::Guzzle,
        }),
        Language::Ruby => Ok(Entry {
            program: "ruby",
            script: "snippet.rb",
            needs: &[],
            packages: Packages::None,
        }),
    }
}

/// A program found on `PATH`, and the first line of its `--version`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// As named: `python3`.
    pub program: String,
    /// `Python 3.11.7`; `None` when it does not run.
    pub version: Option<String>,
}

/// Each program the runtime table names, with its version when it runs.
pub fn find(path: &OsString) -> Vec<Found> {
    let mut programs: Vec<&str> = Vec::new();
    for language in Language::ALL {
        if let Ok(entry) = entry(language) {
            for program in std::iter::once(entry.program).chain(entry.needs.iter().copied()) {
                if !programs.contains(&program) {
                    programs.push(program);
                }
            }
            if entry.packages == Packages::Npm && !programs.contains(&"npm") {
                programs.push("npm");
            }
        }
    }
    programs
        .into_iter()
        .map(|program| Found {
            program: program.to_owned(),
            version: Command::new(program)
                .arg(if program == "go" {
                    "version"
                } else {
                    "--version"
                })
                .env("PATH", path)
                // Not the page's folder: a version manager reads its `.python-version`.
                .current_dir("/")
                .stdin(Stdio::null())
                .output()
                .ok()
                .filter(|output| output.status.success())
                .and_then(|output| {
                    let text = String::from_utf8_lossy(&output.stdout).into_owned();
                    text.lines().next().map(|line| line.trim().to_owned())
                }),
        })
        .collect()
}

/// The packages verify can install for `packages`' ecosystem.
pub fn known(packages: Packages) -> Vec<&'static str> {
    match packages {
        Packages::None | Packages::GoBuild => Vec::new(),
        Packages::Guzzle => vec!["guzzlehttp/guzzle"],
        Packages::Cargo => vec!["reqwest", "serde_json"],
        Packages::Pip => REQUIREMENTS
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .filter_map(|line| line.split("==").next())
            .collect(),
        Packages::Npm => vec!["@huggingface/inference", "openai"],
    }
}

/// The packages a Python block needs: its install lines' names, else its imports of
/// packages verify knows.
pub fn python_packages(code: &str, install_lines: &[String]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let add = |names: &mut Vec<String>, name: &str| {
        let name = name.trim().to_ascii_lowercase().replace('-', "_");
        let name = match name.split(['[', '=', '<', '>', '~']).next() {
            Some(base) => base.to_owned(),
            None => name,
        };
        if !name.is_empty() && !name.starts_with('_') && !names.contains(&name) {
            names.push(name);
        }
    };
    let lines = code
        .lines()
        .chain(install_lines.iter().flat_map(|text| text.lines()));
    for line in lines {
        let line = line
            .trim()
            .trim_start_matches('#')
            .trim()
            .trim_start_matches("!");
        let rest = line
            .strip_prefix("pip install ")
            .or_else(|| line.strip_prefix("pip3 install "))
            .or_else(|| line.strip_prefix("python -m pip install "))
            .or_else(|| line.strip_prefix("uv pip install "));
        if let Some(rest) = rest {
            for word in rest.split_whitespace() {
                if !word.starts_with('-') {
                    add(&mut names, word.trim_matches(['"', '\'']));
                }
            }
        }
    }
    if names.is_empty() {
        for line in code.lines() {
            let line = line.trim();
            // `import a, b as c` names several modules; `from a.b import c` one.
            let modules: Vec<&str> = if let Some(rest) = line.strip_prefix("import ") {
                rest.split(',')
                    .filter_map(|part| part.split_whitespace().next())
                    .collect()
            } else if let Some(rest) = line.strip_prefix("from ") {
                rest.split_whitespace().next().into_iter().collect()
            } else {
                Vec::new()
            };
            for module in modules {
                match module.split('.').next() {
                    Some("huggingface_hub") => add(&mut names, "huggingface_hub"),
                    Some("openai") => add(&mut names, "openai"),
                    Some("requests") => add(&mut names, "requests"),
                    Some("httpx") => add(&mut names, "httpx"),
                    Some("PIL") => add(&mut names, "pillow"),
                    Some("numpy") => add(&mut names, "numpy"),
                    _ => {}
                }
            }
        }
    }
    names.sort();
    names
}

/// The npm packages a JavaScript block imports (`from "x"`, `require("x")`,
/// `import("x")`), Node's own modules left out.
pub fn npm_packages(code: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (at, _) in code.match_indices(['"', '\'']) {
        let before = code[..at].trim_end();
        let imports = before.ends_with("from")
            || before.ends_with("require(")
            || before.ends_with("import(")
            || before.ends_with("import");
        if !imports {
            continue;
        }
        let quote = &code[at..at + 1];
        let Some(end) = code[at + 1..].find(quote) else {
            continue;
        };
        let specifier = &code[at + 1..at + 1 + end];
        let mut parts = specifier.split('/');
        let name = match (parts.next(), parts.next()) {
            (Some(scope), Some(name)) if scope.starts_with('@') => format!("{scope}/{name}"),
            (Some(name), _) => name.to_owned(),
            _ => continue,
        };
        let builtin = name.starts_with("node:")
            || name.starts_with('.')
            || NODE_BUILTINS.contains(&name.as_str());
        if !builtin && !names.contains(&name) {
            names.push(name);
        }
    }
    names.sort();
    names
}

const NODE_BUILTINS: &[&str] = &[
    "fs",
    "path",
    "os",
    "url",
    "http",
    "https",
    "stream",
    "buffer",
    "util",
    "crypto",
    "child_process",
    "process",
    "events",
    "readline",
    "zlib",
    "assert",
    "fs/promises",
];

/// The python of the venv holding exactly `packages` under `cache`, made when missing
/// (pip reads its own configuration: an index, a wheel folder). `waiting` is told when
/// another process is making the same venv.
pub fn python(
    cache: &Path,
    path: &OsString,
    packages: &[String],
    waiting: Waiting,
) -> Result<PathBuf, String> {
    let key = if packages.is_empty() {
        "none".to_owned()
    } else {
        packages.join("+")
    };
    let venv = cache.join("python").join(&key);
    let what = if packages.is_empty() {
        "the Python venv without packages".to_owned()
    } else {
        format!("the Python venv with {}", packages.join(", "))
    };
    let _held = lock::exclusive(
        &cache.join("python").join(format!("{key}.lock")),
        &what,
        waiting,
    )?;
    let python = venv.join("bin/python");
    let wanted = format!("{REQUIREMENTS}\n{}", packages.join(" "));
    if stamped(&venv, &wanted) && python.exists() {
        return Ok(python);
    }
    let _ = fs::remove_dir_all(&venv);
    let parent = cache.join("python");
    fs::create_dir_all(&parent).map_err(|err| format!("{}: {err}", parent.display()))?;
    // Isolated (`-I`) and in the cache: `-m` would put the working folder, the page's,
    // first on `sys.path`, and a `token.py` beside a page shadows the module the
    // standard library's `tokenize` imports — its code would run here, outside the
    // sandbox.
    install(
        Command::new("python3")
            .args(["-I", "-m", "venv"])
            .arg(&venv)
            .current_dir(&parent),
        path,
        "python3 -m venv",
    )?;
    if !packages.is_empty() {
        // In the venv: another venv being made at the same time has its own.
        let constraints = venv.join("constraints.txt");
        fs::write(&constraints, REQUIREMENTS).map_err(|err| err.to_string())?;
        install(
            Command::new(&python)
                .current_dir(&venv)
                .args([
                    "-I",
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                    "-c",
                ])
                .arg(&constraints)
                .args(packages),
            path,
            &format!("pip install {}", packages.join(" ")),
        )?;
    }
    stamp(&venv, &wanted)?;
    Ok(python)
}

/// A folder under `cache` whose `node_modules` links exactly `packages` of the one
/// `npm ci`, made when missing. `waiting` is told when another process is running
/// that `npm ci` or linking.
pub fn node_modules(
    cache: &Path,
    path: &OsString,
    packages: &[String],
    waiting: Waiting,
) -> Result<PathBuf, String> {
    let node = cache.join("node");
    let _held = lock::exclusive(&cache.join("node.lock"), "the npm packages", waiting)?;
    let wanted = format!("{PACKAGE_JSON}{PACKAGE_LOCK}");
    // A block that imports nothing needs no install (and no network).
    if !packages.is_empty() && !stamped(&node, &wanted) {
        fs::create_dir_all(&node).map_err(|err| format!("{}: {err}", node.display()))?;
        for (name, text) in [
            ("package.json", PACKAGE_JSON),
            ("package-lock.json", PACKAGE_LOCK),
        ] {
            fs::write(node.join(name), text).map_err(|err| err.to_string())?;
        }
        install(
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
                .current_dir(&node),
            path,
            "npm ci",
        )?;
        stamp(&node, &wanted)?;
    }
    let set = cache
        .join("node-sets")
        .join(if packages.is_empty() {
            "none".to_owned()
        } else {
            packages.join("+").replace('/', "__")
        })
        .join("node_modules");
    for name in packages {
        let target = node.join("node_modules").join(name);
        let link = set.join(name);
        if link.exists() {
            continue;
        }
        if let Some(parent) = link.parent() {
            fs::create_dir_all(parent).map_err(|err| format!("{}: {err}", parent.display()))?;
        }
        std::os::unix::fs::symlink(&target, &link)
            .map_err(|err| format!("{}: {err}", link.display()))?;
    }
    fs::create_dir_all(&set).map_err(|err| format!("{}: {err}", set.display()))?;
    Ok(set)
}

/// Builds the Go program `main.go` of `dir` into `dir/main`, with the build cache in
/// `cache`: the standard library is compiled once, then each block in a second or
/// two. Nothing is downloaded (`GOPROXY=off`) and no C is compiled (`CGO_ENABLED=0`):
/// building runs none of the block's code. It is bounded as a run is (`sandbox::run`:
/// its process group ended at the deadline `bounds.build`, its files capped, a pids
/// cgroup) as far as `isolation` allows, without the network namespace: its folder
/// must keep the program. `Err` holds the compiler's last lines.
pub fn go_build(
    cache: &Path,
    path: &OsString,
    dir: &Path,
    bounds: &Bounds,
    isolation: &Isolation,
) -> Result<(), String> {
    let go = cache.join("go");
    fs::create_dir_all(&go).map_err(|err| format!("{}: {err}", go.display()))?;
    // Go wants an absolute GOCACHE, and the build runs in `dir`.
    let go = fs::canonicalize(&go).map_err(|err| format!("{}: {err}", go.display()))?;
    let dir = fs::canonicalize(dir).map_err(|err| format!("{}: {err}", dir.display()))?;
    let env: Vec<(String, String)> = [
        ("PATH", path.to_string_lossy().into_owned()),
        ("GOCACHE", go.join("cache").display().to_string()),
        ("GOPATH", go.join("path").display().to_string()),
        ("GOFLAGS", "-mod=mod".to_owned()),
        ("GOPROXY", "off".to_owned()),
        ("GOTOOLCHAIN", "local".to_owned()),
        ("GO111MODULE", "on".to_owned()),
        ("CGO_ENABLED", "0".to_owned()),
    ]
    .into_iter()
    .map(|(name, value)| (name.to_owned(), value))
    .collect();
    let args: Vec<String> = ["build", "-trimpath", "-o", "main", "main.go"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    let isolation = Isolation {
        namespaces: false,
        ..isolation.clone()
    };
    let bounds = Bounds {
        timeout: bounds.build,
        ..*bounds
    };
    let ended = sandbox::run(&isolation, &bounds, Path::new("go"), &args, &env, &dir, 0);
    let _ = fs::remove_dir_all(sandbox::beside(&dir, "out"));
    if ended.timed_out {
        Err(format!(
            "go build timed out after {} s",
            bounds.timeout.as_secs()
        ))
    } else if ended.capped {
        Err(format!(
            "go build's output reached the cap of {} MiB",
            bounds.file_bytes >> 20
        ))
    } else if ended.code == Some(0) {
        Ok(())
    } else {
        Err(format!("go build failed: {}", last_lines(&ended.stderr)))
    }
}

/// Prepares every runtime in `cache`: a venv per package verify knows, the npm
/// packages, Go's standard library and the Rust crates compiled (cargo keeps `build_env`
/// of the caller's environment: see [`Options::build_env`](super::Options::build_env)).
/// Returns what it prepared, a line each. `waiting` is told when another process is
/// preparing the same part.
pub fn setup(
    cache: &Path,
    path: &OsString,
    build_env: &[(OsString, OsString)],
    waiting: Waiting,
) -> Result<Vec<String>, String> {
    let mut done = Vec::new();
    if find_one("cargo", path) {
        cargo::dependencies(cache, path, build_env).map_err(|failed| match failed {
            cargo::Failed::Setup(err) | cargo::Failed::Block(err) => err,
            cargo::Failed::TimedOut(timeout) => {
                format!("cargo build timed out after {} s", timeout.as_secs())
            }
        })?;
        done.push(format!(
            "rust crates (reqwest, serde_json) compiled: {}",
            cache.join("rust").join("target").display()
        ));
    }
    for package in known(Packages::Pip) {
        let python = python(cache, path, &[package.to_owned()], waiting)?;
        done.push(format!("python venv with {package}: {}", python.display()));
    }
    let all: Vec<String> = known(Packages::Npm)
        .into_iter()
        .map(str::to_owned)
        .collect();
    if find_one("go", path) {
        // Go's build cache takes concurrent builds; the warm-up's folder does not.
        let _held = lock::exclusive(&cache.join("go.lock"), "the Go build cache", waiting)?;
        let warm = cache.join("go").join("warm");
        fs::create_dir_all(&warm).map_err(|err| format!("{}: {err}", warm.display()))?;
        fs::write(warm.join("main.go"), GO_WARM).map_err(|err| err.to_string())?;
        // The standard library compiled from nothing, on a slow machine.
        let bounds = Bounds {
            build: lock::WAIT,
            ..Bounds::default()
        };
        go_build(cache, path, &warm, &bounds, &Isolation::none())?;
        done.push(format!(
            "go build cache (net/http, crypto/tls): {}",
            cache.join("go").join("cache").display()
        ));
    }
    let set = node_modules(cache, path, &all, waiting)?;
    done.push(format!(
        "node packages {}: {}",
        known(Packages::Npm).join(", "),
        set.parent()
            .and_then(Path::parent)
            .unwrap_or(cache)
            .join("node")
            .display()
    ));
    Ok(done)
}

/// A Go program importing what snippets do, built by [`setup`] to fill the cache.
const GO_WARM: &str = "package main\n\nimport (\n\t\"encoding/json\"\n\t\"fmt\"\n\t\"mime/multipart\"\n\t\"net/http\"\n)\n\nfunc main() {\n\tfmt.Println(http.DefaultClient, json.Valid(nil), multipart.ErrMessageTooLarge)\n}\n";

/// Whether `program` is on `path`.
fn find_one(program: &str, path: &OsString) -> bool {
    std::env::split_paths(path).any(|dir| dir.join(program).is_file())
}

fn install(command: &mut Command, path: &OsString, what: &str) -> Result<(), String> {
    let output = command
        .env("PATH", path)
        .stdin(Stdio::null())
        .output()
        .map_err(|err| format!("{what}: {err}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{what} failed: {}",
            last_lines(&String::from_utf8_lossy(&output.stderr))
        ))
    }
}

/// The last three lines of a tool's `stderr`, joined with ` | `.
fn last_lines(stderr: &str) -> String {
    let tail: Vec<&str> = stderr.lines().rev().take(3).collect();
    tail.into_iter().rev().collect::<Vec<_>>().join(" | ")
}

fn stamped(dir: &Path, wanted: &str) -> bool {
    fs::read_to_string(dir.join(".installed-from")).is_ok_and(|text| text == wanted)
}

fn stamp(dir: &Path, wanted: &str) -> Result<(), String> {
    fs::write(dir.join(".installed-from"), wanted).map_err(|err| format!("stamp: {err}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    /// A folder of its own under the system's temporary folder, with a `go` on `PATH`
    /// that runs `script`.
    fn fake_go(name: &str, script: &str) -> (PathBuf, OsString) {
        use std::os::unix::fs::PermissionsExt;
        let dir =
            std::env::temp_dir().join(format!("snippet-verify-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let bin = dir.join("bin");
        fs::create_dir_all(&bin).expect("bin");
        fs::create_dir_all(dir.join("block")).expect("block");
        let go = bin.join("go");
        fs::write(&go, format!("#!/bin/sh\n{script}\n")).expect("go");
        fs::set_permissions(&go, fs::Permissions::from_mode(0o755)).expect("chmod");
        let path = std::env::join_paths([bin, "/usr/bin".into(), "/bin".into()]).expect("PATH");
        (dir, path)
    }

    #[test]
    fn a_go_build_ends_at_its_deadline_with_its_whole_process_group() {
        // A build that never ends, in a child process of its own.
        let (dir, path) = fake_go("go-slow", "sleep 60 &\necho $! > child.pid\nwait");
        let bounds = Bounds {
            build: Duration::from_secs(1),
            ..Bounds::default()
        };
        let started = Instant::now();
        let built = go_build(
            &dir.join("cache"),
            &path,
            &dir.join("block"),
            &bounds,
            &Isolation::none(),
        );
        assert_eq!(built, Err("go build timed out after 1 s".to_owned()));
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{:?}",
            started.elapsed()
        );
        let child = fs::read_to_string(dir.join("block/child.pid")).expect("its child started");
        let proc = PathBuf::from(format!("/proc/{}", child.trim()));
        let ended = (0..100).any(|_| {
            std::thread::sleep(Duration::from_millis(20));
            !proc.exists()
        });
        assert!(ended, "its child {} outlived the deadline", child.trim());
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_go_build_that_fails_says_the_compilers_last_lines_of_its_bounded_output() {
        let (dir, path) = fake_go(
            "go-fails",
            "echo '# command-line-arguments' >&2\necho './main.go:4:2: undefined: send' >&2\nexit 1",
        );
        let built = |dir: &Path, path: &OsString| {
            go_build(
                &dir.join("cache"),
                path,
                &dir.join("block"),
                &Bounds::default(),
                &Isolation::none(),
            )
        };
        assert_eq!(
            built(&dir, &path),
            Err(
                "go build failed: # command-line-arguments | ./main.go:4:2: undefined: send"
                    .to_owned()
            )
        );
        let _ = fs::remove_dir_all(&dir);
        // 3.4 MB of errors: what is read of them is capped (1 MiB), as a run's output.
        let (dir, path) = fake_go(
            "go-floods",
            "i=0; while [ $i -lt 100000 ]; do echo \"./main.go:$i:1: undefined: x\" >&2; i=$((i+1)); done\nexit 1",
        );
        let err = built(&dir, &path).expect_err("it failed");
        assert!(
            err.starts_with("go build failed: ./main.go:") && err.len() < 200,
            "{err}"
        );
        assert!(!err.contains(":99999:"), "{err}");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn packages_a_block_declares() {
        assert_eq!(
            python_packages("import os\nfrom huggingface_hub import X\n", &[]),
            ["huggingface_hub"]
        );
        assert_eq!(
            python_packages("import os, requests as r\nimport PIL.Image", &[]),
            ["pillow", "requests"]
        );
        assert_eq!(
            python_packages(
                "import requests",
                &["pip install --upgrade huggingface-hub".to_owned()]
            ),
            ["huggingface_hub"]
        );
        assert_eq!(
            npm_packages(
                "import { InferenceClient } from \"@huggingface/inference\";\nimport fs from 'node:fs';\nconst x = require('openai');"
            ),
            ["@huggingface/inference", "openai"]
        );
    }
}
