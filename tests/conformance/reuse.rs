//! Verdicts of an earlier run, reused when nothing that decides them changed: a warm
//! `cargo test` runs no snippet whose inputs are the same as when it last passed.
//!
//! A case's key hashes what its verdicts depend on: the harness (every file under
//! `tests/conformance/` and `src/proxy/`, whose request reader and answers the capture
//! server uses, and the Rust runner's manifest and lock, so pins, answers and
//! comparisons are in it), the runtimes' versions, and the case itself (its text, its
//! request, its environment, and every client's snippet as it would run, or the
//! verdict decided without running). Only rows that passed whole (a pass or a
//! refusal in every cell) are kept; a failure always runs again. `CONFORMANCE_FRESH=1`
//! and CI run every case.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::report::Cell;

/// FNV-1a, 64 bits: stable across builds and Rust versions, unlike `DefaultHasher`,
/// and enough to tell a few hundred inputs apart.
#[derive(Clone, Copy)]
pub(crate) struct Key(u64);

impl Key {
    pub(crate) fn new() -> Key {
        Key(0xcbf2_9ce4_8422_2325)
    }

    /// Adds `bytes`, then their length, so that `("ab", "c")` and `("a", "bc")` differ.
    pub(crate) fn add(mut self, bytes: impl AsRef<[u8]>) -> Key {
        let bytes = bytes.as_ref();
        for byte in bytes.iter().chain(&bytes.len().to_le_bytes()) {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        self
    }

    pub(crate) fn hex(self) -> String {
        format!("{:016x}", self.0)
    }
}

/// The key every case's key starts from: the harness's files and the runtimes'
/// versions.
pub(super) fn harness(root: &Path, runtimes: &[&str]) -> Key {
    let mut files = Vec::new();
    walk(&root.join("tests/conformance"), &mut files);
    walk(&root.join("src/proxy"), &mut files);
    for file in ["Cargo.toml", "Cargo.lock"] {
        files.push(root.join("tests/rust-snippets").join(file));
    }
    files.sort();
    let mut key = Key::new();
    for file in files {
        key = key
            .add(file.to_string_lossy().as_bytes())
            .add(fs::read(&file).unwrap_or_default());
    }
    for program in runtimes.iter().copied().chain(["rustc"]) {
        let version = Command::new(program)
            .arg(super::setup::version_flag(program))
            .output()
            .map(|output| output.stdout)
            .unwrap_or_default();
        key = key.add(program).add(version);
    }
    key
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, found);
        } else {
            found.push(path);
        }
    }
}

/// The verdicts of earlier runs, by case key, in `target/conformance/verdicts.json`.
pub(super) struct Store {
    path: PathBuf,
    /// Whether earlier verdicts may be used (else they are only written).
    reuse: bool,
    rows: BTreeMap<String, Vec<Saved>>,
}

/// A cell that can be reused: one that passed, or a client that refused.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
enum Saved {
    Pass,
    NotApplicable(String),
}

impl Store {
    pub(super) fn open(base: &Path, reuse: bool) -> Store {
        let path = base.join("verdicts.json");
        let rows = fs::read_to_string(&path)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default();
        Store { path, reuse, rows }
    }

    /// The cells of the case whose key is `key`, when an earlier run decided them.
    pub(super) fn get(&self, key: Key) -> Option<Vec<Cell>> {
        if !self.reuse {
            return None;
        }
        let saved = self.rows.get(&key.hex())?;
        Some(
            saved
                .iter()
                .map(|cell| match cell {
                    Saved::Pass => Cell::Pass,
                    Saved::NotApplicable(reason) => Cell::NotApplicable(reason.clone()),
                })
                .collect(),
        )
    }

    /// Keeps `cells` for the case `key` when every one can be reused; forgets the
    /// case otherwise.
    pub(super) fn put(&mut self, key: Key, cells: &[Cell]) {
        let saved: Option<Vec<Saved>> = cells
            .iter()
            .map(|cell| match cell {
                Cell::Pass => Some(Saved::Pass),
                Cell::NotApplicable(reason) => Some(Saved::NotApplicable(reason.clone())),
                Cell::Fail(_) | Cell::RuntimeMissing(_) => None,
            })
            .collect();
        match saved {
            Some(saved) => self.rows.insert(key.hex(), saved),
            None => self.rows.remove(&key.hex()),
        };
    }

    /// Writes the store, keeping only the cases of `keys` (this run's).
    pub(super) fn save(mut self, keys: &[Key]) {
        let current: Vec<String> = keys.iter().map(|key| key.hex()).collect();
        self.rows.retain(|key, _| current.contains(key));
        if let Ok(text) = serde_json::to_string(&self.rows) {
            let _ = fs::write(&self.path, text);
        }
    }
}
