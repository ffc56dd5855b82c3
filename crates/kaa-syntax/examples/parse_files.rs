//! Parse benchmark: decode + tokenize + parse every file of a list, in one process, best of N.
//!
//! ```text
//! cargo run --release -p kaa-syntax --example parse_files -- FILELIST [--repeat 3]
//! ```
//! FILELIST holds one path a line. Files are read into memory first; the timed part is
//! `source::decode` + `parser::parse` (which runs the tokenizer), on a thread with the CLI's
//! 256 MB stack. A tokenizer-only pass is timed too, for information. Prints one line a round
//! and a final `best: SECONDS` line that bench/parse_stdlib.sh reads.

use kaa_syntax::parser::{self, Mode, ParseOptions};
use kaa_syntax::{source, tokenizer};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut list = None;
    let mut repeat = 3;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--repeat" => {
                repeat = args.get(i + 1).and_then(|s| s.parse().ok()).expect("--repeat N");
                i += 1;
            }
            other => list = Some(other.to_string()),
        }
        i += 1;
    }
    let Some(list) = list else {
        eprintln!("usage: parse_files FILELIST [--repeat N]");
        std::process::exit(2);
    };
    let paths: Vec<String> =
        std::fs::read_to_string(&list).expect("read file list").lines().map(str::to_string).collect();
    let files: Vec<(String, Vec<u8>)> =
        paths.into_iter().filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b))).collect();
    let bytes: usize = files.iter().map(|f| f.1.len()).sum();
    let worker = std::thread::Builder::new().stack_size(256 << 20).spawn(move || {
        let mut best = Duration::MAX;
        for round in 1..=repeat {
            let (mut ok, mut rejected) = (0, 0);
            let t0 = Instant::now();
            for (path, b) in &files {
                let parsed = source::decode(b, path).and_then(|src| {
                    parser::parse(&src.text, ParseOptions { mode: Mode::Exec, type_comments: false })
                });
                match parsed {
                    Ok(tree) => {
                        ok += 1;
                        drop(std::hint::black_box(tree));
                    }
                    Err(_) => rejected += 1,
                }
            }
            let took = t0.elapsed();
            best = best.min(took);
            let t1 = Instant::now();
            let mut tokens = 0usize;
            for (path, b) in &files {
                if let Ok(src) = source::decode(b, path) {
                    tokens += tokenizer::tokenize(&src.text).map(|t| t.len()).unwrap_or(0);
                }
            }
            let tok_time = t1.elapsed();
            println!(
                "round {round}: {:.3}s decode+parse ({ok} parsed, {rejected} rejected); tokenizer alone {:.3}s ({tokens} tokens)",
                took.as_secs_f64(),
                tok_time.as_secs_f64()
            );
        }
        best
    });
    let best = worker.expect("thread").join().expect("benchmark thread");
    println!("files: {}, bytes: {bytes}", std::fs::read_to_string(&list).unwrap().lines().count());
    println!("best: {:.4}", best.as_secs_f64());
}
