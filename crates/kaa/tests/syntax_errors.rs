//! The syntax-error corpus (tests/syntax_errors/): Kaa must report every program's error as
//! CPython 3.11 does when running it (`python3 FILE`), recorded in expected.json by regen.py.
//!
//! * exception type and line number must match for every program (a failure otherwise);
//! * the message must match for at least 80% of them (the share is printed);
//! * the whole stderr (File line, source line, carets, message) is compared and counted, for
//!   `kaa --ast FILE` and for running the file, `kaa FILE`.
//!
//! A second test checks the display alone: rendering CPython's own exception attributes with
//! `SyntaxError::render` must give CPython's stderr exactly, for every program.

mod common;

use common::{parse_json, repo_root, run_kaa};
use kaa_syntax::{SyntaxError, SyntaxErrorKind};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

struct Case {
    name: String,
    path: PathBuf,
    kind: String,
    msg: String,
    lineno: Option<i64>,
    offset: Option<i64>,
    end_lineno: Option<i64>,
    end_offset: Option<i64>,
    text: Option<String>,
    stderr: String,
}

fn load_cases() -> Vec<Case> {
    let dir = repo_root().join("tests/syntax_errors");
    let text = std::fs::read_to_string(dir.join("expected.json"))
        .expect("tests/syntax_errors/expected.json missing: run tests/syntax_errors/regen.py");
    let data = parse_json(&text);
    let cases = data.get("cases").as_obj().expect("cases");
    let mut out = Vec::new();
    for (name, c) in cases {
        let path = dir.join(name);
        let abs = path.to_str().unwrap().to_string();
        out.push(Case {
            name: name.clone(),
            path,
            kind: c.get("type").as_str().unwrap().to_string(),
            msg: c.get("msg").as_str().unwrap().replace("{FILE}", &abs),
            lineno: c.get("lineno").as_i64(),
            offset: c.get("offset").as_i64(),
            end_lineno: c.get("end_lineno").as_i64(),
            end_offset: c.get("end_offset").as_i64(),
            text: c.get("text").as_str().map(str::to_string),
            stderr: c.get("stderr").as_str().unwrap().replace("{FILE}", &abs),
        });
    }
    // Every program in the directory must have an expectation (regen.py was run after adding it).
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".py") && n != "regen.py")
        .collect();
    on_disk.sort();
    let recorded: Vec<String> = out.iter().map(|c| c.name.clone()).collect();
    assert_eq!(on_disk, recorded, "tests/syntax_errors changed: run tests/syntax_errors/regen.py");
    assert!(out.len() >= 180, "the corpus should hold at least 180 programs");
    out
}

/// CPython's attribute value as our struct holds it: `None` and negatives become 0 ("none").
fn field(v: Option<i64>) -> u32 {
    v.filter(|&v| v > 0).map(|v| v as u32).unwrap_or(0)
}

#[test]
fn render_reproduces_cpython_display() {
    let mut bad = Vec::new();
    let cases = load_cases();
    for c in &cases {
        let kind = match c.kind.as_str() {
            "SyntaxError" => SyntaxErrorKind::SyntaxError,
            "IndentationError" => SyntaxErrorKind::IndentationError,
            "TabError" => SyntaxErrorKind::TabError,
            other => panic!("{}: unexpected type {other}", c.name),
        };
        let err = SyntaxError {
            kind,
            msg: c.msg.clone(),
            lineno: field(c.lineno),
            offset: field(c.offset),
            end_lineno: field(c.end_lineno),
            end_offset: field(c.end_offset),
            text: c.text.clone(),
        };
        let shown = err.render(c.path.to_str().unwrap());
        if shown != c.stderr {
            bad.push(format!("{}:\n--- CPython\n{}--- render\n{}", c.name, c.stderr, shown));
        }
    }
    assert!(bad.is_empty(), "{} of {} renders differ:\n{}", bad.len(), cases.len(), bad.join("\n"));
}

/// Splits Kaa's stderr into (type, message, line).
fn parse_stderr(stderr: &str) -> (String, String, Option<i64>) {
    let last = stderr.lines().last().unwrap_or("");
    let (kind, msg) = match last.split_once(": ") {
        Some((k, m)) if !k.contains(' ') => (k.to_string(), m.to_string()),
        _ => (last.trim().to_string(), String::new()),
    };
    let line = stderr.lines().next().and_then(|l| {
        let l = l.strip_prefix("  File \"")?;
        let (_, rest) = l.rsplit_once("\", line ")?;
        rest.trim().parse().ok()
    });
    (kind, msg, line)
}

#[test]
fn corpus_matches_cpython() {
    let cases = load_cases();
    let mut hard = Vec::new(); // type or line differs: failures
    let mut msg_diffs = Vec::new();
    let mut stderr_same = 0;
    let mut msg_same = 0;
    let mut run_same = 0;
    // Per group (the file-name prefix): [total, type+line, message, stderr].
    let mut groups: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    for c in &cases {
        let group = c.name.split('_').next().unwrap().to_string();
        let g = groups.entry(group).or_default();
        g[0] += 1;
        let path = c.path.to_str().unwrap();
        let Some((out, _)) = run_kaa(&["--ast", path], Duration::from_secs(30)) else {
            hard.push(format!("{}: kaa did not finish in 30 s", c.name));
            continue;
        };
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let (kind, msg, line) = parse_stderr(&stderr);
        let want_line = c.lineno.filter(|&l| l > 0);
        if out.status.code() != Some(1) || kind != c.kind || line != want_line {
            hard.push(format!(
                "{}: expected {} at line {:?}, got {} at line {:?} (exit {:?}): {}",
                c.name,
                c.kind,
                want_line,
                kind,
                line,
                out.status.code(),
                stderr.lines().last().unwrap_or("").chars().take(160).collect::<String>()
            ));
        } else {
            g[1] += 1;
        }
        if msg == c.msg {
            msg_same += 1;
            g[2] += 1;
        } else {
            msg_diffs.push(format!("{}: expected {:?}, got {:?}", c.name, c.msg, msg));
        }
        if stderr == c.stderr {
            stderr_same += 1;
            g[3] += 1;
        }
        // Running the file (`kaa FILE`) must fail the same way; counted, for information.
        if let Some((run, _)) = run_kaa(&[path], Duration::from_secs(30)) {
            if run.status.code() == Some(1) && run.stderr == c.stderr.as_bytes() {
                run_same += 1;
            }
        }
    }
    let n = cases.len();
    let pct = |k: usize| 100.0 * k as f64 / n as f64;
    println!("syntax-error corpus: {n} programs");
    println!("{:<8} {:>6} {:>10} {:>8} {:>8}", "group", "files", "type+line", "message", "stderr");
    for (g, v) in &groups {
        println!("{:<8} {:>6} {:>10} {:>8} {:>8}", g, v[0], v[1], v[2], v[3]);
    }
    println!("type+line match: {}/{n} ({:.1}%)", n - hard.len(), pct(n - hard.len()));
    println!("message match:   {msg_same}/{n} ({:.1}%)", pct(msg_same));
    println!("stderr match:    {stderr_same}/{n} ({:.1}%)", pct(stderr_same));
    println!("`kaa FILE` stderr match: {run_same}/{n} ({:.1}%)", pct(run_same));
    for d in msg_diffs.iter().take(40) {
        println!("  message differs: {d}");
    }
    let mut problems = Vec::new();
    if !hard.is_empty() {
        problems.push(format!(
            "{} programs differ in exception type or line (first 60):\n  {}",
            hard.len(),
            hard.iter().take(60).cloned().collect::<Vec<_>>().join("\n  ")
        ));
    }
    if pct(msg_same) < 80.0 {
        problems.push(format!("only {:.1}% of messages match CPython's (80% required)", pct(msg_same)));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
