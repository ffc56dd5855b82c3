//! Differential tests: every program under tests/programs/<feature>/ and examples/ is run by CPython 3.11 and by
//! Kaa; stdout, the last line of stderr (the exception) and the exit status must be identical.

mod common;

use common::{python311, repo_root, run_with_limit};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

fn programs(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> =
        std::fs::read_dir(dir).expect("a program directory").flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            programs(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

fn last_line(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).lines().last().unwrap_or("").to_string()
}

#[test]
fn programs_behave_like_cpython() {
    let python = python311();
    let root = repo_root().join("tests/programs");
    let mut files = Vec::new();
    programs(&root, &mut files);
    assert!(files.len() >= 40, "expected the differential programs under {}", root.display());
    // The examples the README shows must behave like CPython too (library_tour.py among them).
    let examples = repo_root().join("examples");
    let before = files.len();
    programs(&examples, &mut files);
    assert!(files.len() >= before + 2, "expected the example programs under {}", examples.display());
    let limit = Duration::from_secs(20);
    let mut failures = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(repo_root()).unwrap_or(file).display().to_string();
        let run = |cmd: &mut Command| {
            run_with_limit(cmd.arg(&rel).current_dir(repo_root()).env("PYTHONDONTWRITEBYTECODE", "1"), limit)
        };
        let Some((want, _)) = run(&mut Command::new(&python)) else {
            failures.push(format!("{rel}: CPython timed out"));
            continue;
        };
        let Some((got, _)) = run(&mut Command::new(common::kaa_bin())) else {
            failures.push(format!("{rel}: Kaa timed out"));
            continue;
        };
        let mut problems = Vec::new();
        if want.stdout != got.stdout {
            problems.push(format!(
                "stdout differs\n--- CPython\n{}--- Kaa\n{}",
                String::from_utf8_lossy(&want.stdout),
                String::from_utf8_lossy(&got.stdout)
            ));
        }
        if last_line(&want.stderr) != last_line(&got.stderr) {
            problems.push(format!(
                "last stderr line differs\n  CPython: {}\n  Kaa:     {}",
                last_line(&want.stderr),
                last_line(&got.stderr)
            ));
        }
        if want.status.code() != got.status.code() {
            problems.push(format!(
                "exit status: CPython {:?}, Kaa {:?}",
                want.status.code(),
                got.status.code()
            ));
        }
        if String::from_utf8_lossy(&got.stderr).contains("panicked") {
            problems.push("Kaa panicked".into());
        }
        if !problems.is_empty() {
            failures.push(format!("{rel}:\n{}", problems.join("\n")));
        }
    }
    println!("{} passed, {} failed", files.len() - failures.len(), failures.len());
    assert!(
        failures.is_empty(),
        "{} of {} programs differ from CPython:\n\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}
