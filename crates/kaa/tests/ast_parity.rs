//! `ast.parse` under Kaa builds the same node objects as CPython 3.11: for a sample of ~50
//! modules of python3's own standard library, `tests/frontend/ast_hashes.py` prints digests of
//! `ast.dump(tree, include_attributes=True)` and `ast.unparse(tree)` and compiles the tree, under
//! both interpreters; every line must be identical.

mod common;

use common::{python311, repo_root, run_kaa, run_with_limit};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// The `.py` files of `dir` (not recursive), sorted.
fn python_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "py")).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// ~50 modules spread over the library, plus a few large or unusual ones.
fn sample(lib: &Path) -> Vec<PathBuf> {
    let mut all = python_files(lib);
    for package in ["json", "email", "asyncio", "importlib", "collections", "unittest", "concurrent/futures"]
    {
        all.extend(python_files(&lib.join(package)));
    }
    let step = (all.len() / 42).max(1);
    let mut picked: Vec<PathBuf> = all.iter().step_by(step).cloned().collect();
    for extra in
        ["typing.py", "_pydecimal.py", "inspect.py", "dataclasses.py", "ast.py", "enum.py", "argparse.py"]
    {
        let p = lib.join(extra);
        if p.exists() && !picked.contains(&p) {
            picked.push(p);
        }
    }
    picked
}

#[test]
fn ast_parse_matches_cpython_on_stdlib_sample() {
    let python = python311();
    let out = Command::new(&python)
        .args(["-c", "import os; print(os.path.dirname(os.__file__))"])
        .output()
        .expect("python3 runs");
    let lib = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let files = sample(&lib);
    assert!(
        files.len() >= 45,
        "expected ~50 standard library modules under {}, found {}",
        lib.display(),
        files.len()
    );
    let script = repo_root().join("tests/frontend/ast_hashes.py");
    let mut args: Vec<String> = vec![script.display().to_string()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    let limit = Duration::from_secs(300);
    let (want, _) = run_with_limit(Command::new(&python).args(&args), limit).expect("CPython timed out");
    let arg_refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let (got, _) = run_kaa(&arg_refs, limit).expect("Kaa timed out");
    assert!(want.status.success(), "CPython failed: {}", String::from_utf8_lossy(&want.stderr));
    assert!(got.status.success(), "Kaa failed: {}", String::from_utf8_lossy(&got.stderr));
    let want = String::from_utf8_lossy(&want.stdout).to_string();
    let got = String::from_utf8_lossy(&got.stdout).to_string();
    let want_lines: Vec<&str> = want.lines().collect();
    let got_lines: Vec<&str> = got.lines().collect();
    assert_eq!(want_lines.len(), files.len(), "CPython printed one line per module");
    let differing: Vec<String> = want_lines
        .iter()
        .zip(got_lines.iter().chain(std::iter::repeat(&"<missing>")))
        .filter(|(w, g)| w != g)
        .map(|(w, g)| format!("  CPython: {w}\n  Kaa:     {g}"))
        .collect();
    assert!(
        differing.is_empty(),
        "{} of {} modules differ (digests of ast.dump with attributes, of ast.unparse, and compile):\n{}",
        differing.len(),
        files.len(),
        differing.join("\n")
    );
}
