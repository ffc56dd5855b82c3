//! `kaa --compile PATH…`: writes the bytecode cache for every `.py` file under the paths, like
//! `python3 -m compileall -q`. Files are independent, so they are compiled on one thread per
//! core; each thread gets the front end's deep stack.

use super::cache::{compile_to_cache, CompileFailure};
use super::ImportConfig;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

const WORKER_STACK: usize = 256 << 20;

fn collect(path: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<String>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
            Err(_) => {
                errors.push(format!("Can't list '{}'", path.display()));
                return;
            }
        };
        entries.sort();
        for e in entries {
            if e.file_name().is_some_and(|n| n == "__pycache__") {
                continue;
            }
            if e.is_dir() || e.extension().is_some_and(|x| x == "py") {
                collect(&e, out, errors);
            }
        }
    } else if path.is_file() {
        out.push(path.to_path_buf());
    } else {
        errors.push(format!("Can't list '{}'", path.display()));
    }
}

/// Compiles everything under `paths`; prints errors as compileall does and returns the exit
/// status (1 if any file failed).
pub fn compile_paths(paths: &[String], config: &ImportConfig) -> i32 {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        collect(Path::new(p), &mut files, &mut errors);
    }
    for e in &errors {
        eprintln!("{e}");
    }
    let failures: Mutex<Vec<(usize, String)>> = Mutex::new(Vec::new());
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(files.len().max(1));
    std::thread::scope(|s| {
        for _ in 0..workers {
            let spawned = std::thread::Builder::new().stack_size(WORKER_STACK).spawn_scoped(s, || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(file) = files.get(i) else { break };
                if let Err(f) = compile_to_cache(config, file) {
                    failures.lock().unwrap_or_else(|e| e.into_inner()).push((i, describe(file, f)));
                }
            });
            if let Err(e) = spawned {
                eprintln!("kaa: cannot start a compile thread: {e}");
            }
        }
    });
    let mut failures = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    failures.sort();
    let mut out = String::new();
    for (_, text) in &failures {
        out.push_str(text);
    }
    print!("{out}");
    i32::from(!failures.is_empty() || !errors.is_empty() || next.load(Ordering::Relaxed) < files.len())
}

fn describe(file: &Path, failure: CompileFailure) -> String {
    let name = file.to_string_lossy();
    let detail = match failure {
        CompileFailure::Syntax(mut e, text) => {
            if e.text.is_none() {
                e.text = text.lines().nth(e.lineno.saturating_sub(1) as usize).map(|l| format!("{l}\n"));
            }
            e.render(&name)
        }
        CompileFailure::Unsupported(what, lineno) => {
            format!("  File \"{name}\", line {lineno}\nSystemError: Kaa cannot compile {what} yet\n")
        }
    };
    format!("*** Error compiling '{name}'...\n{detail}\n")
}
