//! Multi-file differential tests for the import system: each directory under tests/imports/ is
//! a program (`main.py` plus its modules and packages). It is copied to a temporary directory
//! and run there by CPython 3.11 and by Kaa — twice by Kaa, the second time over the bytecode
//! cache the first run wrote — and stdout, the last line of stderr and the exit status must
//! match. The temporary directory's path is replaced by `<DIR>` before comparing.

mod common;

use common::{copy_tree, python311, repo_root, run_with_limit, scratch_dir};
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};

fn last_line(text: &str) -> String {
    text.lines().last().unwrap_or("").to_string()
}

fn normalized(out: &Output, dir: &Path) -> (String, String, Option<i32>) {
    let d = dir.to_string_lossy();
    let fix = |b: &[u8]| String::from_utf8_lossy(b).replace(&*d, "<DIR>");
    (fix(&out.stdout), last_line(&fix(&out.stderr)), out.status.code())
}

fn run_in(cmd: &str, dir: &Path, write_cache: bool) -> Option<Output> {
    let mut c = Command::new(cmd);
    c.arg("main.py").current_dir(dir).env_remove("PYTHONPYCACHEPREFIX").env_remove("PYTHONPATH");
    if write_cache {
        c.env_remove("PYTHONDONTWRITEBYTECODE");
    } else {
        c.env("PYTHONDONTWRITEBYTECODE", "1");
    }
    run_with_limit(&mut c, Duration::from_secs(20)).map(|(o, _)| o)
}

#[test]
fn import_scenarios_behave_like_cpython() {
    let python = python311();
    let kaa = common::kaa_bin().to_string_lossy().into_owned();
    let root = repo_root().join("tests/imports");
    let mut scenarios: Vec<_> = std::fs::read_dir(&root)
        .expect("tests/imports")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    scenarios.sort();
    assert!(scenarios.len() >= 30, "expected at least 30 scenarios under {}", root.display());
    let scratch = scratch_dir("imports");
    // One fixed source mtime for every copy, so Kaa's second run finds its cache valid.
    let stamp = SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000);
    let mut failures = Vec::new();
    let mut with_cache = 0;
    for scenario in &scenarios {
        let name = scenario.file_name().unwrap().to_string_lossy().into_owned();
        let py_dir = scratch.join(format!("{name}-cpython"));
        let kaa_dir = scratch.join(format!("{name}-kaa"));
        copy_tree(scenario, &py_dir, stamp);
        copy_tree(scenario, &kaa_dir, stamp);
        let Some(want) = run_in(&python, &py_dir, false) else {
            failures.push(format!("{name}: CPython timed out"));
            continue;
        };
        let want = normalized(&want, &py_dir);
        for round in ["first run", "cached run"] {
            if round == "cached run" {
                // Restore sources the first run may have changed; __pycache__ stays.
                copy_tree(scenario, &kaa_dir, stamp);
            }
            let Some(got) = run_in(&kaa, &kaa_dir, true) else {
                failures.push(format!("{name} ({round}): Kaa timed out"));
                break;
            };
            if String::from_utf8_lossy(&got.stderr).contains("panicked") {
                failures.push(format!("{name} ({round}): Kaa panicked"));
            }
            let got = normalized(&got, &kaa_dir);
            if got != want {
                failures.push(format!(
                    "{name} ({round}):\n--- CPython stdout\n{}--- Kaa stdout\n{}  CPython stderr: {}\n  Kaa stderr:     {}\n  exit: CPython {:?}, Kaa {:?}",
                    want.0, got.0, want.1, got.1, want.2, got.2
                ));
                break;
            }
        }
        if wrote_cache(&kaa_dir) {
            with_cache += 1;
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    println!("{} scenarios, {} failed", scenarios.len(), failures.len());
    // Nearly every scenario imports a file; a few only fail to.
    assert!(with_cache * 10 >= scenarios.len() * 8, "only {with_cache} scenarios left a bytecode cache");
    assert!(
        failures.is_empty(),
        "{} of {} import scenarios differ:\n\n{}",
        failures.len(),
        scenarios.len(),
        failures.join("\n\n")
    );
}

/// Did Kaa leave a `__pycache__/*.kaa-311.pyc` anywhere under `dir`?
fn wrote_cache(dir: &Path) -> bool {
    std::fs::read_dir(dir).into_iter().flatten().flatten().any(|e| {
        let p = e.path();
        if p.is_dir() {
            wrote_cache(&p)
        } else {
            p.to_string_lossy().ends_with(".kaa-311.pyc")
        }
    })
}

fn kaa_c(code: &str, env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(common::kaa_bin());
    c.args(["-c", code]).env_remove("PYTHONPATH");
    for (k, v) in env {
        c.env(k, v);
    }
    run_with_limit(&mut c, Duration::from_secs(20)).expect("kaa timed out").0
}

#[test]
fn without_a_standard_library_the_error_says_how_to_provide_one() {
    let out = kaa_c("import json", &[("KAA_STDLIB", "/nonexistent/kaa-test")]);
    assert_eq!(out.status.code(), Some(1));
    let err = last_line(&String::from_utf8_lossy(&out.stderr));
    assert!(err.starts_with("ModuleNotFoundError: No module named 'json' ("), "{err}");
    assert!(err.contains("set KAA_STDLIB"), "{err}");
    // Native modules need no standard library.
    let out = kaa_c("import sys, math; print(math.floor(2.5))", &[("KAA_STDLIB", "/nonexistent/kaa-test")]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "2\n");
}

#[test]
fn the_standard_library_is_found_and_pure_python_modules_import() {
    // KAA_STDLIB pointing at python3's own Lib/ (found the same way the benchmark does).
    let python = python311();
    let lib = Command::new(&python)
        .args(["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
        .output()
        .expect("python3");
    let lib = String::from_utf8_lossy(&lib.stdout).trim().to_string();
    let code = "import sys, bisect, heapq, colorsys, this\n\
                print(sys.path[-1] == STDLIB, bisect.__file__ == STDLIB + '/bisect.py')\n\
                print(bisect.bisect([1, 2, 3], 2), heapq.nsmallest(2, [5, 1, 4]))\n";
    let out = kaa_c(&format!("STDLIB = {lib:?}\n{code}"), &[("KAA_STDLIB", &lib)]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.ends_with("True True\n2 [1, 4]\n"), "{text}\n{}", String::from_utf8_lossy(&out.stderr));
    // A native module wins over the file of the same name (math is built in).
    let out = kaa_c("import math; print(repr(math))", &[("KAA_STDLIB", &lib)]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "<module 'math' (built-in)>\n");
}
