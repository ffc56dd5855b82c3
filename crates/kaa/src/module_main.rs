//! `kaa -m mod`: finding the file that runs as `__main__` — `mod.py`, or a package's
//! `__main__.py` — along `sys.path`, with CPython's messages when there is none.
//!
//! This searches the file system directly (the script's `sys.path`: the current directory,
//! then `PYTHONPATH`). Parent packages are not imported first, as runpy would.

use std::path::{Path, PathBuf};

/// Why `-m` found nothing to run; `Display` gives CPython's message (after "prog: ").
#[derive(Debug, PartialEq)]
pub enum NotRunnable {
    NoModule(String),
    PackageWithoutMain(String),
    NoCodeObject(String),
    Relative,
}

impl std::fmt::Display for NotRunnable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotRunnable::NoModule(m) => write!(f, "No module named {m}"),
            NotRunnable::PackageWithoutMain(p) => {
                write!(f, "No module named {p}.__main__; '{p}' is a package and cannot be directly executed")
            }
            NotRunnable::NoCodeObject(m) => write!(f, "No code object available for {m}"),
            NotRunnable::Relative => write!(f, "Relative module names not supported"),
        }
    }
}

/// The modules Kaa implements natively: they exist but have no source to run.
const NATIVE: &[&str] = &["sys", "math", "time", "gc", "builtins"];

/// The file `-m name` runs, searched along `path`.
pub fn locate(name: &str, path: &[String]) -> Result<PathBuf, NotRunnable> {
    if name.starts_with('.') {
        return Err(NotRunnable::Relative);
    }
    if name.is_empty() || name.split('.').any(str::is_empty) {
        return Err(NotRunnable::NoModule(name.to_string()));
    }
    let parts: Vec<&str> = name.split('.').collect();
    for dir in path {
        let base = if dir.is_empty() { Path::new(".").to_path_buf() } else { PathBuf::from(dir) };
        let mut package_dir = base.clone();
        // Every parent must be a package directory.
        if !parts[..parts.len() - 1].iter().all(|p| {
            package_dir.push(p);
            package_dir.is_dir()
        }) {
            continue;
        }
        let leaf = parts[parts.len() - 1];
        let as_package = package_dir.join(leaf);
        if as_package.is_dir()
            && (as_package.join("__init__.py").is_file() || as_package.join("__main__.py").is_file())
        {
            let main = as_package.join("__main__.py");
            return if main.is_file() {
                Ok(absolute(&main))
            } else {
                Err(NotRunnable::PackageWithoutMain(name.to_string()))
            };
        }
        let as_module = package_dir.join(format!("{leaf}.py"));
        if as_module.is_file() {
            return Ok(absolute(&as_module));
        }
    }
    if NATIVE.contains(&name) {
        return Err(NotRunnable::NoCodeObject(name.to_string()));
    }
    Err(NotRunnable::NoModule(name.to_string()))
}

fn absolute(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}
