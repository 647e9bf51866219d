//! In-process half of `bench/compare.sh`: parse + render curl → Python `requests`
//! over a list of commands, `ROUNDS` times, and print nanoseconds per conversion.
//!
//! `cargo bench --bench compare -- [--list=FILE] [--rounds=N]`: FILE names one
//! command file a line (default: every convertible command of the curlconverter
//! corpus); N rounds over them (default 200).

mod common;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    // cargo passes `--bench`, which is not ours.
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| {
        args.iter()
            .find_map(|arg| arg.strip_prefix(name)?.strip_prefix('='))
    };
    let commands: Vec<String> = match value("--list") {
        Some(list) => std::fs::read_to_string(list)
            .expect("readable command list")
            .lines()
            .map(|path| std::fs::read_to_string(PathBuf::from(path)).expect("readable command"))
            .collect(),
        None => match common::corpus_dir() {
            Some(dir) => common::convertible(&dir),
            None => {
                eprintln!("../shared/corpus is absent: nothing to convert, bench skipped");
                return;
            }
        },
    };
    let rounds: usize = value("--rounds").map_or(200, |n| n.parse().expect("N is a number"));
    // Warm up as the node side does (its JIT needs it more).
    for command in &commands {
        black_box(common::curl_to_python(command));
    }
    let mut failed = 0;
    let start = Instant::now();
    for _ in 0..rounds {
        for command in &commands {
            failed += usize::from(common::curl_to_python(black_box(command)).is_none());
        }
    }
    let elapsed = start.elapsed();
    let conversions = rounds * commands.len();
    println!(
        "snippet in process: {} commands x {rounds} rounds, {failed} failed, {:.0} ns per conversion",
        commands.len(),
        elapsed.as_nanos() as f64 / conversions as f64
    );
}
