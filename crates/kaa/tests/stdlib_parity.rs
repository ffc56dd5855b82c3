//! Stdlib parity: `kaa --tokens`, `kaa --ast` and `kaa --ast -a` against `python3 -m tokenize -e`,
//! `python3 -m ast` and `python3 -m ast -a` on every module of the installed CPython 3.11 standard
//! library, by tests/frontend/stdlib_parity.py (which prints the summary table). Needs CPython 3.11
//! as python3: without it the test fails, it never passes silently.
//!
//! Knobs: KAA_PARITY_ARGS adds arguments to the script (e.g. `--views ast --limit 300`).

mod common;

use common::{kaa_bin, python311, repo_root};
use std::process::Command;

#[test]
fn stdlib_parity() {
    let python = python311();
    let script = repo_root().join("tests/frontend/stdlib_parity.py");
    let cache = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("stdlib_parity_cpython.json");
    let report = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("stdlib_parity_differences.txt");
    let mut cmd = Command::new(&python);
    cmd.arg(&script)
        .arg("--kaa")
        .arg(kaa_bin())
        .arg("--cache")
        .arg(&cache)
        .arg("--report")
        .arg(&report)
        .arg("--show")
        .arg("8");
    if let Ok(extra) = std::env::var("KAA_PARITY_ARGS") {
        cmd.args(extra.split_whitespace());
    }
    let out = cmd.output().expect("cannot run tests/frontend/stdlib_parity.py");
    print!("{}", String::from_utf8_lossy(&out.stdout));
    eprint!("{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        out.status.success(),
        "Kaa's front end differs from CPython 3.11 on the standard library (table above; every \
         difference in {}; one file's diff: python3 tests/frontend/stdlib_parity.py --kaa {} --diff VIEW FILE)",
        report.display(),
        kaa_bin().display()
    );
}
