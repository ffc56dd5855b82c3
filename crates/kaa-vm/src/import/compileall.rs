//! `kaa --compile PATH…`: writes the bytecode cache for every `.py` file under the paths, like
//! `python3 -m compileall -q`. Files are independent, so they are compiled on one thread per
//! core; each thread gets the front end's deep stack.

use super::cache::{compile_to_cache, CompileFailure, MadeDirs};
use super::ImportConfig;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

const WORKER_STACK: usize = 256 << 20;

fn collect(path: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<String>) {
    if path.is_dir() {
        collect_dir(path, out, errors);
    } else if path.is_file() {
        // compileall passes over a named file that is not `.py` without a word.
        if path.extension().is_some_and(|x| x == "py") {
            out.push(path.to_path_buf());
        }
    } else {
        errors.push(format!("Can't list '{}'", path.display()));
    }
}

/// A directory's `.py` files and subdirectories, sorted, recursively. The entry types come from
/// the directory listing itself; only symbolic links cost a `stat`.
fn collect_dir(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<String>) {
    let Ok(listing) = std::fs::read_dir(dir) else {
        errors.push(format!("Can't list '{}'", dir.display()));
        return;
    };
    let mut entries: Vec<(PathBuf, bool)> = Vec::new();
    for entry in listing.flatten() {
        let name = entry.file_name();
        if name == "__pycache__" {
            continue;
        }
        let is_dir = match entry.file_type() {
            Ok(t) if t.is_symlink() => entry.path().is_dir(),
            Ok(t) => t.is_dir(),
            Err(_) => continue,
        };
        if is_dir || Path::new(&name).extension().is_some_and(|x| x == "py") {
            entries.push((entry.path(), is_dir));
        }
    }
    entries.sort();
    for (path, is_dir) in entries {
        if is_dir {
            collect_dir(&path, out, errors);
        } else {
            out.push(path);
        }
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
    let dirs = MadeDirs::default();
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(files.len().max(1));
    std::thread::scope(|s| {
        for _ in 0..workers {
            let spawned = std::thread::Builder::new().stack_size(WORKER_STACK).spawn_scoped(s, || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(file) = files.get(i) else { break };
                if let Err(f) = compile_to_cache(config, file, &dirs) {
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
