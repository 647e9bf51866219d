//! Every committed snippet is valid for its real tool: `bash -n`, Python's compiler,
//! `node --check`, rustc with reqwest (a scratch crate, built once and cached),
//! `gofmt -e`, `javac`, `php -l` and `ruby -c`.

use std::fs;

use crate::conformance::java::JavaRunner;
use crate::conformance::rust::RustRunner;
use std::path::PathBuf;
use std::process::Command;

/// Snapshot files whose names end with `suffix`, as (case name, path).
fn snippets(suffix: &str) -> Vec<(String, PathBuf)> {
    let mut found = Vec::new();
    for case in super::cases() {
        let name = case
            .file_name()
            .expect("case name")
            .to_string_lossy()
            .into_owned();
        for entry in fs::read_dir(&case).expect("case dir") {
            let path = entry.expect("entry").path();
            let file = path
                .file_name()
                .expect("file name")
                .to_string_lossy()
                .into_owned();
            if file.ends_with(suffix) && file != "request.json" && file != "command.sh" {
                found.push((format!("{name}/{file}"), path));
            }
        }
    }
    assert!(!found.is_empty(), "no *{suffix} snapshots");
    found
}

/// Runs `command`, failing the test with its output unless it succeeds.
fn check(what: &str, command: &mut Command) {
    let output = command.output().unwrap_or_else(|err| {
        panic!(
            "{what}: cannot run {:?} ({err}); install it",
            command.get_program()
        )
    });
    assert!(
        output.status.success(),
        "{what} failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn curl_snippets_pass_bash_n() {
    for (name, path) in snippets(".sh") {
        check(&name, Command::new("bash").arg("-n").arg(path));
    }
}

#[test]
fn python_snippets_compile() {
    // One interpreter for all files, and no __pycache__ written into snapshots/.
    let paths: Vec<PathBuf> = snippets(".py").into_iter().map(|(_, path)| path).collect();
    check(
        "python3 compile",
        Command::new("python3")
            .arg("-c")
            .arg("import sys\nfor p in sys.argv[1:]:\n    compile(open(p, encoding='utf-8').read(), p, 'exec')")
            .args(paths),
    );
}

#[test]
fn javascript_snippets_pass_node_check() {
    // Snippets are ES modules (top-level await, import): node needs the .mjs name.
    let dir = super::scratch("node-check");
    for (name, path) in snippets(".js") {
        let module = dir.join(format!("{}.mjs", name.replace('/', "--")));
        fs::copy(&path, &module).expect("copy snippet");
        check(&name, Command::new("node").arg("--check").arg(&module));
    }
}

#[test]
fn rust_snippets_compile() {
    // One crate, every snippet a module, built where the conformance run builds its
    // own: reqwest and its dependencies are compiled once for both.
    let root = super::root();
    let mut crate_ = RustRunner::at(root, root.join("target/rust-snippets"));
    let mut names = Vec::new();
    for (name, path) in snippets(".rs") {
        let module = format!(
            "s_{}",
            name.trim_end_matches("/reqwest.rs").replace('-', "_")
        );
        crate_.add(&module, &fs::read_to_string(&path).expect("read snippet"));
        names.push(module);
    }
    // Warnings would be the snippets' own style, not errors; compile them as a user would.
    if let Err(err) = crate_.build(root) {
        panic!("cargo build of the Rust snippets failed:\n{err}");
    }
    for name in names {
        if let Err(why) = crate_.command(&name) {
            panic!("{name}: {why}");
        }
    }
}

#[test]
fn go_snippets_pass_gofmt() {
    // One gofmt for all files: -e reports every syntax error, -l names a file gofmt
    // would lay out otherwise (none: the snippets are gofmt's own layout).
    let paths: Vec<PathBuf> = snippets(".go").into_iter().map(|(_, path)| path).collect();
    let output = Command::new("gofmt")
        .arg("-l")
        .arg("-e")
        .args(&paths)
        .output()
        .unwrap_or_else(|err| panic!("cannot run gofmt ({err}); install golang-go"));
    assert!(
        output.status.success() && output.stdout.is_empty(),
        "gofmt -l -e:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn java_snippets_compile() {
    // One javac for every snippet, each in a package of its own.
    let root = super::root();
    let mut runner = JavaRunner::at(root.join("target/java-snippets"));
    let mut names = Vec::new();
    for (name, path) in snippets(".java") {
        let package = format!(
            "s_{}",
            name.trim_end_matches("/Main.java").replace('-', "_")
        );
        runner.add(&package, &fs::read_to_string(&path).expect("read snippet"));
        names.push(package);
    }
    if let Err(err) = runner.build() {
        panic!("javac of the Java snippets failed:\n{err}");
    }
    for name in names {
        if let Err(why) = runner.command(&name) {
            panic!("{name}: {why}");
        }
    }
}

#[test]
fn php_snippets_pass_php_l() {
    for (name, path) in snippets(".php") {
        check(&name, Command::new("php").arg("-l").arg(path));
    }
}

#[test]
fn ruby_snippets_pass_ruby_c() {
    for (name, path) in snippets(".rb") {
        check(&name, Command::new("ruby").arg("-c").arg(path));
    }
}
