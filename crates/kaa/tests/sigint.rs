//! Ctrl-C: SIGINT sent to a running program raises KeyboardInterrupt at the next instruction
//! boundary; uncaught, it prints the traceback and exits with status 130, as CPython does.

mod common;

use common::kaa_bin;
use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs `source`, waits for its first stdout line ("ready"), sends SIGINT, and returns
/// (exit code, stdout after the first line, stderr).
fn interrupt(name: &str, source: &str) -> (Option<i32>, String, String) {
    let dir = std::env::temp_dir().join(format!("kaa-sigint-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, source).expect("write program");
    let mut child = Command::new(kaa_bin())
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn kaa");
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    out.read_line(&mut first).expect("read ready line");
    assert_eq!(first.trim(), "ready", "the program did not start");
    let status = Command::new("kill").args(["-INT", &child.id().to_string()]).status().expect("kill");
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(20);
    let code = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s.code();
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the program did not stop after SIGINT");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut rest = String::new();
    out.read_to_string(&mut rest).expect("read stdout");
    let mut err = String::new();
    child.stderr.take().expect("stderr").read_to_string(&mut err).expect("read stderr");
    (code, rest, err)
}

#[test]
fn uncaught_keyboard_interrupt_exits_130() {
    let (code, _, err) = interrupt(
        "spin.py",
        "import sys\nprint('ready')\nsys.stdout.flush()\ni = 0\nwhile True:\n    i += 1\n",
    );
    assert_eq!(code, Some(130), "stderr: {err}");
    assert!(err.starts_with("Traceback (most recent call last):\n"), "stderr: {err}");
    assert_eq!(err.lines().last(), Some("KeyboardInterrupt"), "stderr: {err}");
}

#[test]
fn keyboard_interrupt_can_be_caught() {
    let (code, out, err) = interrupt(
        "caught.py",
        "import sys\ndef spin():\n    while True:\n        pass\nprint('ready')\nsys.stdout.flush()\n\
         try:\n    spin()\nexcept KeyboardInterrupt as e:\n    print('caught', type(e).__name__, e.__traceback__ is not None)\n\
         finally:\n    print('finally')\n",
    );
    assert_eq!(code, Some(0), "stderr: {err}");
    assert_eq!(out, "caught KeyboardInterrupt True\nfinally\n");
}
