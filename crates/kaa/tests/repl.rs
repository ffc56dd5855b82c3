//! The interactive prompt in a real terminal: each test starts `kaa` inside a detached tmux
//! session, types with `tmux send-keys` and reads the screen with `tmux capture-pane`.
//! tmux is required (`.ci/run` installs it); without it these tests fail and say so.

mod common;

use common::kaa_bin;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

struct Terminal {
    session: String,
    home: PathBuf,
}

fn tmux(args: &[&str]) -> std::process::Output {
    match Command::new("tmux").args(args).output() {
        Ok(o) => o,
        Err(e) => panic!("these tests need tmux to drive a real terminal, and it cannot be run ({e}); install it (apt-get install tmux) — .ci/run does"),
    }
}

impl Terminal {
    /// Starts `kaa ARGS` in a new 100x40 terminal; its exit status is printed as `EXIT=n`.
    fn start(name: &str, args: &str) -> Terminal {
        let session = format!("kaa-repl-{}-{name}", std::process::id());
        let home = std::env::temp_dir().join(&session);
        std::fs::create_dir_all(&home).expect("home dir");
        Terminal::start_in(session, home, args)
    }

    fn start_in(session: String, home: PathBuf, args: &str) -> Terminal {
        let command = format!(
            "env -u PYTHONSTARTUP HOME='{}' '{}' {args}; echo EXIT=$?; sleep 30",
            home.display(),
            kaa_bin().display()
        );
        let out = tmux(&["new-session", "-d", "-s", &session, "-x", "100", "-y", "40", &command]);
        assert!(out.status.success(), "tmux new-session failed: {}", String::from_utf8_lossy(&out.stderr));
        let t = Terminal { session, home };
        t.wait_for(">>>");
        t
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", &self.session]).stdout).into_owned()
    }

    /// How many prompts the screen shows.
    fn prompts(&self) -> usize {
        self.screen().lines().filter(|l| l.starts_with(">>>") || l.starts_with("...")).count()
    }

    /// Types `text` and Enter, then waits for the next prompt, as a person would (keys typed
    /// while a statement runs go to the terminal's queue, which the line editor may not see).
    fn line(&self, text: &str) {
        let before = self.prompts();
        self.send_line(text);
        let start = Instant::now();
        while self.prompts() <= before {
            if start.elapsed() > Duration::from_secs(10) {
                panic!("no new prompt after {text:?}; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Types `text` and Enter without waiting.
    fn send_line(&self, text: &str) {
        self.type_text(text);
        self.key("Enter");
    }

    fn type_text(&self, text: &str) {
        if !text.is_empty() {
            tmux(&["send-keys", "-t", &self.session, "-l", text]);
        }
    }

    fn key(&self, key: &str) {
        tmux(&["send-keys", "-t", &self.session, key]);
    }

    /// Waits until the screen contains `text`; panics with the screen after 10 s.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(10) {
                panic!("the terminal never showed {text:?}; screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The screen's lines with trailing blanks removed.
    fn lines(&self) -> Vec<String> {
        let s = self.screen();
        let mut lines: Vec<String> = s.lines().map(|l| l.trim_end().to_string()).collect();
        while lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        lines
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["kill-session", "-t", &self.session]).output();
        let _ = std::fs::remove_dir_all(&self.home);
    }
}

#[test]
fn banner_prompts_values_and_tracebacks() {
    let t = Terminal::start("basics", "");
    let screen = t.screen();
    assert!(screen.starts_with("Kaa "), "a banner first: {screen}");
    t.line("1 + 2");
    t.line("_ * 10");
    t.line("None");
    t.line("x = 'kaa'");
    t.line("x");
    t.line("if x:");
    t.line("    print('yes')");
    t.line("");
    t.line("for i in range(2): i");
    t.line("");
    t.line("1/0");
    t.line("1 +");
    t.line("print('still here')");
    t.wait_for("still here\n>>>");
    let lines = t.lines();
    let from = lines.iter().position(|l| l == ">>> 1 + 2").expect("the first input");
    let expected = [
        ">>> 1 + 2",
        "3",
        ">>> _ * 10",
        "30",
        ">>> None",
        ">>> x = 'kaa'",
        ">>> x",
        "'kaa'",
        ">>> if x:",
        "...     print('yes')",
        "...",
        "yes",
        ">>> for i in range(2): i",
        "...",
        "0",
        "1",
        ">>> 1/0",
        "Traceback (most recent call last):",
        "  File \"<stdin>\", line 1, in <module>",
        "ZeroDivisionError: division by zero",
        ">>> 1 +",
        "  File \"<stdin>\", line 1",
        "    1 +",
        "       ^",
        "SyntaxError: invalid syntax",
        ">>> print('still here')",
        "still here",
        ">>>",
    ];
    assert_eq!(&lines[from..], &expected[..]);
}

#[test]
fn tab_completes_names_and_attributes() {
    let t = Terminal::start("completion", "-q");
    t.line("import math");
    t.line("value = 42");
    t.type_text("val");
    t.key("Tab");
    t.wait_for(">>> value");
    t.key("Enter");
    t.wait_for("\n42\n");
    t.type_text("math.sqr");
    t.key("Tab");
    t.wait_for(">>> math.sqrt(");
    t.line("16)");
    t.wait_for("\n4.0\n");
    t.type_text("prin");
    t.key("Tab");
    t.wait_for(">>> print(");
    t.line("'done')");
    t.wait_for("\ndone\n");
}

#[test]
fn ctrl_c_and_ctrl_d_behave_as_in_cpython() {
    let t = Terminal::start("keys", "-q");
    t.type_text("abandoned line");
    t.key("C-c");
    t.wait_for("KeyboardInterrupt\n>>>");
    t.line("while True: pass");
    t.send_line("");
    std::thread::sleep(Duration::from_millis(300));
    t.key("C-c");
    let screen = t.wait_for("  File \"<stdin>\", line 1, in <module>\nKeyboardInterrupt\n>>>");
    assert!(screen.contains("Traceback (most recent call last):"));
    t.line("print('alive')");
    t.wait_for("\nalive\n");
    t.key("C-d");
    t.wait_for("EXIT=0");
}

#[test]
fn exit_status_and_persistent_history() {
    let t = Terminal::start("history", "-q");
    t.line("remembered = 7");
    t.send_line("raise SystemExit(3)");
    t.wait_for("EXIT=3");
    let (session, home) = (t.session.clone() + "b", t.home.clone());
    std::mem::forget(t); // keep the home directory (its history file) for the second session
    let _ = Command::new("tmux").args(["kill-session", "-t", &session[..session.len() - 1]]).output();
    let t = Terminal::start_in(session, home, "-q");
    t.key("Up");
    t.wait_for(">>> raise SystemExit(3)");
    t.key("Up");
    t.wait_for(">>> remembered = 7");
    t.key("Enter");
    t.line("remembered");
    t.wait_for("\n7\n");
}

#[test]
fn lines_typed_ahead_are_all_run() {
    let t = Terminal::start("typeahead", "-q");
    // Several lines arrive at once (a paste without bracketed-paste markers), and more while a
    // statement is still running: none may be lost.
    t.type_text("1 + 1\r2 + 2\r3 + 3\r");
    t.wait_for(">>> 3 + 3\n6\n>>>");
    t.type_text("import time; time.sleep(0.3)\r");
    t.type_text("40 + 2\r'last'\r");
    t.wait_for("\n'last'\n>>>");
    let screen = t.screen();
    assert!(screen.contains("\n4\n") && screen.contains("\n42\n"), "{screen}");
}
