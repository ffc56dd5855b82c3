//! A 20-second fuzzing run of the front end (decode → tokenize → parse → ast.dump), with the
//! engine of the `fuzz` example (crates/kaa-syntax/examples/fuzz/, which documents long runs).
//! The checks run in a child process — this test binary itself, re-run as `fuzz_worker` with
//! KAA_FUZZ_WORKER set — so that an abort or a stack overflow is caught and its input saved.
//!
//! KAA_FUZZ_SECONDS and KAA_FUZZ_SEED change the budget (default 20) and the seed (default 1).

#[path = "../../kaa-syntax/examples/fuzz/engine.rs"]
mod engine;

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn spawn_worker(seed: u64, selftest: Option<String>) -> impl Fn(u64, u64) -> Command {
    let exe = std::env::current_exe().expect("current exe");
    move |start, secs| {
        let mut c = Command::new(&exe);
        c.args(["fuzz_worker", "--exact", "--nocapture", "--test-threads=1", "-q"]);
        c.env("KAA_FUZZ_WORKER", format!("{seed}:{start}:{secs}"));
        match &selftest {
            Some(s) => c.env("KAA_FUZZ_SELFTEST", s),
            None => c.env_remove("KAA_FUZZ_SELFTEST"),
        };
        c
    }
}

/// Not a test of its own: the worker half of the other tests (a no-op unless KAA_FUZZ_WORKER).
#[test]
fn fuzz_worker() {
    let Ok(spec) = std::env::var("KAA_FUZZ_WORKER") else { return };
    let v: Vec<u64> = spec.split(':').map(|x| x.parse().expect("KAA_FUZZ_WORKER")).collect();
    let (seed, start, secs) = (v[0], v[1], v[2]);
    let seeds = engine::load_seeds(&[], 2000);
    let deadline = Instant::now() + Duration::from_secs(secs);
    std::thread::Builder::new()
        .stack_size(engine::FRONT_END_STACK)
        .spawn(move || {
            let stdout = std::io::stdout();
            let mut out = std::io::LineWriter::new(stdout.lock());
            engine::worker(&seeds, seed, start, deadline, None, &mut out);
        })
        .expect("worker thread")
        .join()
        .expect("worker thread");
}

fn findings_dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name)
}

#[test]
fn fuzz_front_end_20_seconds() {
    let seconds = env_u64("KAA_FUZZ_SECONDS", 20);
    let seed = env_u64("KAA_FUZZ_SEED", 1);
    let seeds = engine::load_seeds(&[], 2000);
    let out_dir = findings_dir("fuzz-findings");
    let _ = std::fs::remove_dir_all(&out_dir);
    let mut log = std::io::stdout();
    let report =
        engine::supervise(&seeds, seed, seconds, &out_dir, &spawn_worker(seed, None), &mut log, false);
    engine::print_report(&report, seconds, &mut log);
    assert!(report.inputs > 1000, "only {} inputs in {seconds}s", report.inputs);
    assert!(
        report.findings.is_empty(),
        "{} findings (inputs saved in {}; replay one with `cargo run --release -p kaa-syntax --example fuzz -- \
         --seed {seed} --only ITER`); first ones:\n  {}",
        report.findings.len(),
        out_dir.display(),
        report.findings.iter().take(10).map(|(i, k, d)| format!("{k} input {i}: {d}")).collect::<Vec<_>>().join("\n  ")
    );
}

/// The supervisor must notice a worker dying of a stack overflow and save the input that did it.
#[test]
fn fuzz_supervisor_catches_a_dying_worker() {
    let seeds = engine::load_seeds(&[], 50);
    let out_dir = findings_dir("fuzz-selftest");
    let _ = std::fs::remove_dir_all(&out_dir);
    let mut log = Vec::new();
    let spawn = spawn_worker(9, Some("overflow:40".into()));
    // 15 s, not 3: on a loaded machine the worker may not reach input 40 within a few seconds.
    let report = engine::supervise(&seeds, 9, 15, &out_dir, &spawn, &mut log, false);
    let crash = report.findings.iter().find(|(i, k, _)| *i == 40 && k == "crash");
    assert!(crash.is_some(), "the overflow at input 40 was not reported: {}", String::from_utf8_lossy(&log));
    assert!(out_dir.join("crash-seed9-40.py").exists(), "the crashing input was not saved");
    assert!(report.restarts >= 1 && report.inputs > 40, "the run did not go on after the crash");
}
