//! Differential tests on small hand-written programs (tests/frontend/snippets/*.py), against the
//! live CPython 3.11: `kaa --tokens` vs `python3 -m tokenize -e`, `kaa --ast` vs `python3 -m ast`
//! and `kaa --ast -a` vs `python3 -m ast -a` — stdout byte for byte and exit status. Each snippet
//! exercises one corner of the language, so a failure names what to fix.

mod common;

use common::{looks_like_crash, python311, repo_root, run_kaa, run_with_limit};
use std::process::Command;
use std::time::Duration;

fn first_difference(a: &[u8], b: &[u8]) -> String {
    let a = String::from_utf8_lossy(a);
    let b = String::from_utf8_lossy(b);
    for (i, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        if x != y {
            return format!("line {}:\n      CPython: {x}\n      kaa:     {y}", i + 1);
        }
    }
    format!("CPython has {} lines, kaa {}", a.lines().count(), b.lines().count())
}

#[test]
fn snippets_match_cpython() {
    let python = python311();
    let dir = repo_root().join("tests/frontend/snippets");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/frontend/snippets")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "expected the snippet programs in {}", dir.display());
    let limit = Duration::from_secs(60);
    let views: [(&str, &[&str], &[&str]); 3] = [
        ("tokens", &["--tokens"], &["-m", "tokenize", "-e"]),
        ("ast", &["--ast"], &["-m", "ast"]),
        ("ast-a", &["--ast", "-a"], &["-m", "ast", "-a"]),
    ];
    let mut failures = Vec::new();
    let mut same = [0usize; 3];
    for f in &files {
        let p = f.to_str().unwrap();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        for (vi, (view, kaa_args, py_args)) in views.iter().enumerate() {
            let mut args = kaa_args.to_vec();
            args.push(p);
            let (kaa, _) = run_kaa(&args, limit).expect("kaa timed out");
            let (py, _) =
                run_with_limit(Command::new(&python).args(*py_args).arg(p), limit).expect("python3");
            if looks_like_crash(&kaa) {
                failures
                    .push(format!("{name} [{view}]: kaa crashed: {}", String::from_utf8_lossy(&kaa.stderr)));
            } else if py.status.success() != kaa.status.success() {
                failures.push(format!(
                    "{name} [{view}]: CPython exit {:?}, kaa exit {:?}: {}",
                    py.status.code(),
                    kaa.status.code(),
                    String::from_utf8_lossy(&kaa.stderr).lines().last().unwrap_or("")
                ));
            } else if py.stdout != kaa.stdout {
                failures.push(format!(
                    "{name} [{view}]: output differs at {}",
                    first_difference(&py.stdout, &kaa.stdout)
                ));
            } else {
                same[vi] += 1;
            }
        }
    }
    println!(
        "snippets: {} files; identical tokens {}, ast {}, ast -a {}",
        files.len(),
        same[0],
        same[1],
        same[2]
    );
    assert!(failures.is_empty(), "{} differences:\n  {}", failures.len(), failures.join("\n  "));
}
