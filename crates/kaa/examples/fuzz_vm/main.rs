//! Fuzzes Kaa's compiler and VM: random and mutated programs run through `kaa` (compile and
//! execute) with a step limit; panics, aborts, stack overflows, deaths by signal and hangs are
//! reported and saved. See engine.rs.
//!
//! ```text
//! cargo build --release -p kaa
//! cargo run --release -p kaa --example fuzz_vm -- --seconds 600             # 10 minutes
//! cargo run --release -p kaa --example fuzz_vm -- --seed 7 --print 12345    # show one input
//! ```
//!
//! Findings go to fuzz/vm-artifacts/ (or --out DIR); the exit status is 1 if there were any.

#[path = "engine.rs"]
mod engine;

use std::path::{Path, PathBuf};

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (mut seconds, mut seed, mut workers, mut print) = (60u64, 1u64, 2usize, None);
    let mut out = repo.join("fuzz/vm-artifacts");
    let mut kaa = repo.join("target/release/kaa");
    let mut i = 0;
    while i < argv.len() {
        let val = argv.get(i + 1).cloned().unwrap_or_default();
        let num = || val.parse::<u64>().unwrap_or_else(|_| panic!("{} needs a number", argv[i]));
        match argv[i].as_str() {
            "--seconds" => seconds = num(),
            "--seed" => seed = num(),
            "--workers" => workers = num() as usize,
            "--print" => print = Some(num()),
            "--out" => out = PathBuf::from(&val),
            "--kaa" => kaa = PathBuf::from(&val),
            other => {
                eprintln!("usage: fuzz_vm [--seconds N] [--seed S] [--workers W] [--print ITER] [--out DIR] [--kaa BIN] ({other}?)");
                std::process::exit(2);
            }
        }
        i += 2;
    }
    let seeds = engine::load_seeds(&repo);
    if let Some(it) = print {
        print!("{}", engine::generate(&seeds, seed, it));
        return;
    }
    let mut log = std::io::stdout();
    let report = engine::fuzz(&kaa, &seeds, seed, seconds, workers, &out, &mut log);
    println!(
        "fuzz_vm: {} programs in {seconds}s (seed {seed}), {} out of memory, {} findings",
        report.inputs,
        report.out_of_memory,
        report.findings.len()
    );
    if !report.findings.is_empty() {
        std::process::exit(1);
    }
}
