//! A 20-second run of the VM fuzzer (crates/kaa/examples/fuzz_vm/, which documents long runs):
//! random and mutated programs through compile and execute must never panic, abort, overflow
//! the stack or hang. KAA_FUZZ_SECONDS and KAA_FUZZ_SEED change the budget and the seed.

#[path = "../examples/fuzz_vm/engine.rs"]
mod engine;

mod common;

use std::time::Duration;

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[test]
fn fuzz_vm_20_seconds() {
    let seconds = env_u64("KAA_FUZZ_SECONDS", 20);
    let seed = env_u64("KAA_FUZZ_SEED", 1);
    let seeds = engine::load_seeds(&common::repo_root());
    assert!(seeds.len() > 100, "the test programs are the fuzzer's seeds");
    let out_dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuzz-vm-findings");
    let _ = std::fs::remove_dir_all(&out_dir);
    let mut log = Vec::new();
    let report = engine::fuzz(&common::kaa_bin(), &seeds, seed, seconds, 2, &out_dir, &mut log);
    assert!(report.inputs > 20, "only {} programs in {seconds}s", report.inputs);
    assert!(
        report.findings.is_empty(),
        "{} findings (saved in {}):\n{}",
        report.findings.len(),
        out_dir.display(),
        String::from_utf8_lossy(&log)
    );
}

/// The judge must see a panic, a death by signal and a hang for what they are.
#[test]
fn fuzz_vm_judge_recognizes_failures() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuzz-vm-judge");
    let _ = std::fs::create_dir_all(&dir);
    let script = |name: &str, body: &str| {
        let p = dir.join(name);
        std::fs::write(&p, body).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
        p
    };
    let ok = dir.join("ok.py");
    std::fs::write(&ok, "print(1)\nwhile True:\n    pass\n").unwrap();
    // The real binary: an infinite loop ends at the step limit.
    assert_eq!(engine::run_one(&common::kaa_bin(), &ok, Duration::from_secs(20)), engine::Verdict::Fine);
    let panics =
        script("panics.sh", "#!/bin/sh\necho \"thread 'main' panicked at src/x.rs:1:1\" >&2\nexit 101\n");
    assert!(matches!(
        engine::run_one(&panics, &ok, Duration::from_secs(5)),
        engine::Verdict::Finding("panic", _)
    ));
    let segv = script("segv.sh", "#!/bin/sh\nkill -SEGV $$\n");
    assert!(matches!(
        engine::run_one(&segv, &ok, Duration::from_secs(5)),
        engine::Verdict::Finding("signal", _)
    ));
    let hangs = script("hangs.sh", "#!/bin/sh\nsleep 30\n");
    assert!(matches!(
        engine::run_one(&hangs, &ok, Duration::from_secs(1)),
        engine::Verdict::Finding("hang", _)
    ));
}
