//! `kaa --trace` and `kaa --explain`: the stage views that have no CPython counterpart, checked
//! for their promised content and order.

mod common;

use common::{kaa_bin, repo_root};
use std::process::Command;

fn run(args: &[&str]) -> (String, String, Option<i32>) {
    let out = Command::new(kaa_bin()).args(args).current_dir(repo_root()).output().expect("run kaa");
    (
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
        out.status.code(),
    )
}

fn program(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("kaa-stages-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write program");
    path.to_string_lossy().into_owned()
}

#[test]
fn trace_shows_each_instruction_with_line_and_stack() {
    let (out, err, status) = run(&["--trace", "examples/greet.py"]);
    assert_eq!(status, Some(0));
    assert_eq!(out, "Hello drani!\n", "the program's own output is unchanged");
    let lines: Vec<&str> = err.lines().collect();
    assert!(lines[0].starts_with("# kaa --trace"), "header first: {err}");
    assert!(
        lines.iter().any(|l| l.starts_with("greet.py:2")
            && l.contains("greet")
            && l.contains("LOAD_GLOBAL")
            && l.contains("(NULL + print)")),
        "a traced LOAD_GLOBAL in greet(): {err}"
    );
    assert!(lines
        .iter()
        .any(|l| l.contains("CALL 1")
            && l.contains("| stack: [NULL, <built-in function print>, 'Hello drani!']")));
    assert_eq!(lines.last().copied(), Some("# 26 instructions traced"));
}

#[test]
fn trace_interleaves_output_and_stops_at_the_limit() {
    let path = program("loop.py", "for i in range(3):\n    print('item', i)\nprint('done')\n");
    let out = Command::new(kaa_bin())
        .args(["--trace", &path])
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "item 0\nitem 1\nitem 2\ndone\n");
    let (out, err, status) = run(&["--trace-limit", "5", &path]);
    assert_eq!(status, Some(0));
    assert_eq!(out, "item 0\nitem 1\nitem 2\ndone\n", "the program finishes untraced");
    assert_eq!(err.lines().filter(|l| l.contains("| stack: [")).count(), 5);
    assert!(err.contains("# trace limit of 5 instructions reached"));
    // Program output and trace lines share one terminal in order: merge both into one pipe.
    let merged = Command::new("sh")
        .arg("-c")
        .arg(format!("'{}' --trace '{path}' 2>&1", kaa_bin().display()))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&merged.stdout);
    let first_item = text.find("item 0\n").expect("output present");
    let print_call = text.find("CALL 2").expect("the print call is traced");
    assert!(print_call < first_item, "the call is traced before its output appears");
}

#[test]
fn explain_walks_the_stages_in_order() {
    let (out, _, status) = run(&["--explain", "examples/greet.py"]);
    assert_eq!(status, Some(0));
    let mut at = 0;
    for part in [
        "=== 1. Load ===",
        "70 bytes",
        "encoding utf-8",
        "=== 2. Tokens ===",
        "NAME           'def'",
        "=== 3. Syntax tree (AST) ===",
        "FunctionDef(",
        "=== 4. Bytecode ===",
        "never cached",
        "LOAD_GLOBAL              1 (NULL + print)",
        "=== 5. Run ===",
        "Hello drani!",
        "=== Time per stage ===",
        "total",
    ] {
        match out[at..].find(part) {
            Some(i) => at += i + part.len(),
            None => panic!("--explain lacks {part:?} after position {at}:\n{out}"),
        }
    }
}

#[test]
fn explain_reports_a_syntax_error_at_its_stage() {
    let path = program("bad.py", "print('ok'\n");
    let (out, err, status) = run(&["--explain", &path]);
    assert_eq!(status, Some(1));
    assert!(out.contains("=== 3. Syntax tree (AST) ===") && !out.contains("=== 4."));
    assert!(err.contains("SyntaxError: '(' was never closed"), "{err}");
}
