//! The benchmark suite (bench/suite/) in its quick sizes: `run.py --check --quick` runs every
//! program under CPython and Kaa and compares their output. Every benchmark must print CPython's
//! checksum on Kaa, except those waiting for standard-library modules still being written
//! (listed below, reported but not failed). A checksum that differs always fails.

mod common;

use common::{kaa_bin, python311, repo_root};
use std::process::Command;

/// Benchmarks whose modules (json, re, pprint and what they import, e.g. itertools) do not run on
/// Kaa yet.
const WAITING_FOR_STDLIB: &[&str] = &["pprint", "regex"];

#[test]
fn suite_checksums_match_cpython() {
    let python = python311();
    let root = repo_root();
    let out = Command::new(&python)
        .arg(root.join("bench/suite/run.py"))
        .args(["--check", "--quick", "--timeout", "60", "--python", &python, "--kaa"])
        .arg(kaa_bin())
        .output()
        .expect("python3 runs bench/suite/run.py");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut ok = 0;
    let mut failures = Vec::new();
    for line in stdout.lines() {
        let mut words = line.split_whitespace();
        let (Some(name), Some(verdict)) = (words.next(), words.next()) else { continue };
        match verdict {
            "ok" => ok += 1,
            "DIFFERS:" => failures.push(line.to_string()),
            "FAIL:" if WAITING_FOR_STDLIB.contains(&name) => eprintln!("not yet: {line}"),
            "FAIL:" => failures.push(line.to_string()),
            _ => {}
        }
    }
    assert!(failures.is_empty(), "benchmarks that do not match CPython on Kaa:\n{}", failures.join("\n"));
    // startup and the 16 programs that need no unfinished module, at least.
    assert!(
        ok >= 17,
        "only {ok} benchmarks ran (run.py output:\n{stdout}\n{})",
        String::from_utf8_lossy(&out.stderr)
    );
}
