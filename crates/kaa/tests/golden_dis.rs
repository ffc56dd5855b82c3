//! Golden disassembly tests: `kaa --dis tests/dis/NAME.py` must print exactly `tests/dis/NAME.dis`.
//!
//! The goldens are produced by Kaa itself, not by CPython (Kaa's bytecode is CPython-like but not
//! CPython's): they do not say the bytecode is right, they make every change to the compiler's
//! output visible in review. When a change to the compiler is intended, rewrite them with
//!
//! ```sh
//! KAA_BLESS=1 cargo test --release -p kaa --test golden_dis
//! ```
//!
//! and read the diff of `tests/dis/*.dis` before committing it. The programs are run from the
//! repository root with a relative path, and the repository root is cut from the file names
//! inside code-object reprs, so the goldens do not depend on where the checkout lives.

mod common;

use common::{kaa_bin, repo_root, run_with_limit};
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

/// A line diff (longest common subsequence; the goldens are small), printed like `diff -u` without
/// hunk headers: unchanged lines within 3 lines of a change are shown for context.
fn diff(want: &str, got: &str) -> String {
    let a: Vec<&str> = want.lines().collect();
    let b: Vec<&str> = got.lines().collect();
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    // (tag, text): ' ' same, '-' only in the golden, '+' only in Kaa's output.
    let mut ops: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            ops.push(('-', a[i]));
            i += 1;
        } else {
            ops.push(('+', b[j]));
            j += 1;
        }
    }
    const CONTEXT: usize = 3;
    let changed: Vec<usize> = ops.iter().enumerate().filter(|(_, o)| o.0 != ' ').map(|(k, _)| k).collect();
    let mut out = String::new();
    let mut last_shown: Option<usize> = None;
    for (k, (tag, text)) in ops.iter().enumerate() {
        let near = changed.iter().any(|&c| c.abs_diff(k) <= CONTEXT);
        if !near {
            continue;
        }
        if last_shown.is_some_and(|l| l + 1 != k) || (last_shown.is_none() && k > 0) {
            out.push_str("   ...\n");
        }
        out.push_str(&format!("{tag}  {text}\n"));
        last_shown = Some(k);
    }
    out
}

#[test]
fn disassembly_matches_goldens() {
    let root = repo_root();
    let dir = root.join("tests/dis");
    let bless = std::env::var_os("KAA_BLESS").is_some_and(|v| v == "1");
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/dis")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    programs.sort();
    assert!(programs.len() >= 10, "expected the golden programs under {}", dir.display());

    let root_prefix = format!("{}/", root.display());
    let mut failures = Vec::new();
    let mut blessed = 0;
    for py in &programs {
        let rel = py.strip_prefix(&root).unwrap().to_str().unwrap().to_string();
        let golden = py.with_extension("dis");
        let rel_golden = golden.strip_prefix(&root).unwrap().display().to_string();
        let run = run_with_limit(
            Command::new(kaa_bin()).args(["--dis", &rel]).current_dir(&root),
            Duration::from_secs(20),
        );
        let Some((out, _)) = run else {
            failures.push(format!("{rel}: kaa --dis timed out"));
            continue;
        };
        if !out.status.success() {
            failures.push(format!(
                "{rel}: kaa --dis failed ({:?})\n{}",
                out.status.code(),
                String::from_utf8_lossy(&out.stderr)
            ));
            continue;
        }
        // Kaa names the script by its absolute path; the goldens must not depend on the checkout's
        // location, so the repository root is cut from file names.
        let got = String::from_utf8(out.stdout).expect("--dis prints UTF-8").replace(&root_prefix, "");
        let want = std::fs::read_to_string(&golden).unwrap_or_default();
        if got == want {
            continue;
        }
        if bless {
            std::fs::write(&golden, &got).expect("write golden");
            blessed += 1;
        } else if want.is_empty() {
            failures.push(format!("{rel}: no golden {rel_golden} (run with KAA_BLESS=1 to create it)"));
        } else {
            failures.push(format!("{rel}: disassembly differs from {rel_golden}\n{}", diff(&want, &got)));
        }
    }
    // A golden whose program is gone is stale.
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let p = entry.path();
        if p.extension().is_some_and(|e| e == "dis") && !p.with_extension("py").exists() {
            failures.push(format!("{}: golden without a program", p.display()));
        }
    }
    if bless {
        println!("blessed {blessed} golden(s)");
    }
    assert!(
        failures.is_empty(),
        "{} of {} disassemblies differ (- golden, + kaa; if the change is intended: KAA_BLESS=1 cargo test --release -p kaa --test golden_dis)\n\n{}",
        failures.len(),
        programs.len(),
        failures.join("\n\n")
    );
}

#[test]
fn diff_shows_changes_with_context() {
    let d = diff("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nd\nX\nf\ng\nh\n");
    assert!(d.contains("-  e\n+  X\n"), "{d}");
    assert!(d.starts_with("   ...\n"), "{d}");
}
