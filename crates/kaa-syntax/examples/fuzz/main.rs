//! A stable-Rust, in-process fuzzer for Kaa's front end (decode → tokenize → parse → ast.dump).
//! See engine.rs for what it generates and checks.
//!
//! ```text
//! cargo run --release -p kaa-syntax --example fuzz -- --seconds 600            # 10 minutes
//! cargo run --release -p kaa-syntax --example fuzz -- --seconds 600 --seed 7   # another stream
//! cargo run --release -p kaa-syntax --example fuzz -- --seed 7 --only 12345    # replay one input
//! cargo run --release -p kaa-syntax --example fuzz -- --seed 7 --print 12345 > case.py
//! ```
//!
//! Findings are saved under fuzz/artifacts/ (or --out DIR) as KIND-seedS-ITER.py with a .txt
//! saying what went wrong; the exit status is 1 if there were any. Seeds come from the CPython
//! stdlib (via python3, or the directory KAA_FUZZ_SEEDS) and the repository's test programs.

#[path = "engine.rs"]
mod engine;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

struct Args {
    seconds: u64,
    seed: u64,
    out: PathBuf,
    only: Option<u64>,
    print: Option<u64>,
    worker: Option<u64>,
    dump_valid: Option<(PathBuf, u64)>,
    max_seeds: usize,
}

fn parse_args() -> Args {
    let mut a = Args {
        seconds: 60,
        seed: 1,
        out: Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/artifacts"),
        only: None,
        print: None,
        worker: None,
        dump_valid: None,
        max_seeds: 2000,
    };
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    let num = |i: usize| -> u64 {
        argv.get(i + 1).and_then(|s| s.parse().ok()).unwrap_or_else(|| {
            eprintln!("fuzz: {} needs a number", argv[i]);
            std::process::exit(2)
        })
    };
    while i < argv.len() {
        match argv[i].as_str() {
            "--seconds" => a.seconds = num(i),
            "--seed" => a.seed = num(i),
            "--only" => a.only = Some(num(i)),
            "--print" => a.print = Some(num(i)),
            "--worker" => a.worker = Some(num(i)),
            "--max-seeds" => a.max_seeds = num(i) as usize,
            "--out" => a.out = PathBuf::from(argv.get(i + 1).cloned().unwrap_or_default()),
            "--dump-valid" => {
                let dir = PathBuf::from(argv.get(i + 1).cloned().unwrap_or_default());
                a.dump_valid = Some((dir, num(i + 1)));
                i += 1;
            }
            "-h" | "--help" => {
                eprintln!(
                    "usage: fuzz [--seconds N] [--seed S] [--out DIR] [--only ITER] [--print ITER] \
                     [--max-seeds N] [--dump-valid DIR N]"
                );
                std::process::exit(0);
            }
            other => {
                eprintln!("fuzz: unknown argument {other}");
                std::process::exit(2);
            }
        }
        i += 2;
    }
    a
}

fn main() {
    let args = parse_args();
    if let Some((dir, n)) = &args.dump_valid {
        // Programs from the valid-code generator, to check it against CPython.
        std::fs::create_dir_all(dir).expect("create dir");
        for i in 0..*n {
            let mut rng = engine::Rng::new(args.seed, i);
            let src = engine::Gen::new(&mut rng).module();
            std::fs::write(dir.join(format!("valid_{i}.py")), src).expect("write");
        }
        return;
    }
    let seeds = engine::load_seeds(&[], args.max_seeds);
    if let Some(iter) = args.print {
        let (input, _, _) = engine::make_input(&seeds, args.seed, iter);
        std::io::Write::write_all(&mut std::io::stdout(), &input).unwrap();
        return;
    }
    if let Some(start) = args.worker {
        // A worker: the whole loop on a thread with the CLI's stack.
        let deadline = Instant::now() + Duration::from_secs(args.seconds);
        let (seed, only) = (args.seed, args.only);
        let t = std::thread::Builder::new()
            .stack_size(engine::FRONT_END_STACK)
            .spawn(move || {
                let stdout = std::io::stdout();
                let mut out = std::io::LineWriter::new(stdout.lock());
                engine::worker(&seeds, seed, start, deadline, only, &mut out);
            })
            .expect("spawn worker thread");
        let _ = t.join();
        return;
    }
    if let Some(iter) = args.only {
        // Replay one input in a worker and show what happened.
        let (input, strategy, must_parse) = engine::make_input(&seeds, args.seed, iter);
        eprintln!("input {iter} ({strategy}, {} bytes, must parse: {must_parse})", input.len());
    }
    eprintln!(
        "fuzz: seed {}, {} seed files, {} s; findings go to {}",
        args.seed,
        seeds.len(),
        args.seconds,
        args.out.display()
    );
    let exe = std::env::current_exe().expect("current exe");
    let (seed, only, max_seeds) = (args.seed, args.only, args.max_seeds);
    let spawn = move |start: u64, secs: u64| {
        let mut c = Command::new(&exe);
        c.args(["--worker", &start.to_string(), "--seconds", &secs.to_string(), "--seed", &seed.to_string()]);
        c.args(["--max-seeds", &max_seeds.to_string()]);
        if let Some(o) = only {
            c.args(["--only", &o.to_string()]);
        }
        c
    };
    let seconds = if args.only.is_some() { 60 } else { args.seconds };
    let mut log = std::io::stderr();
    let report = engine::supervise(&seeds, seed, seconds, &args.out, &spawn, &mut log, args.only.is_some());
    engine::print_report(&report, seconds, &mut log);
    std::process::exit(if report.findings.is_empty() { 0 } else { 1 });
}
