//! ARCHITECTURE.md stays the map: it names every file under `src/`, and every source
//! file of the bindings; and the modules it maps import each other without cycles.

mod imports;
mod lex;
mod modules;

use std::path::Path;

use crate::root;

fn sources(dir: &Path, found: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("readable src/")
        .map(|entry| entry.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|extension| {
            ["rs", "py", "pyi", "js", "mjs", "cjs", "ts"].contains(&&*extension.to_string_lossy())
        }) {
            let relative = path.strip_prefix(root()).expect("under the root");
            found.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
}

#[test]
fn the_map_names_every_module() {
    let map = std::fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let mut files = Vec::new();
    sources(&root().join("src"), &mut files);
    let bindings = [
        "bindings/python/src",
        "bindings/python/python",
        "bindings/node/src",
    ];
    for dir in bindings {
        sources(&root().join(dir), &mut files);
    }
    for file in ["index.js", "index.mjs", "index.d.ts"] {
        files.push(format!("bindings/node/{file}"));
    }
    assert!(files.len() > 40, "{files:?}");
    let missing: Vec<&String> = files
        .iter()
        .filter(|file| !map.contains(&format!("`{file}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md does not name {missing:?}: add a line on what each owns"
    );
}
