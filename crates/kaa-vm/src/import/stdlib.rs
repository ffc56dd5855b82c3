//! Where CPython 3.11's standard library (`Lib/`) is: Kaa runs its pure-Python modules from
//! there at run time and never ships a copy.

use std::path::{Path, PathBuf};

/// Added to "No module named ..." when no standard library was found.
pub const MISSING_HINT: &str = "Kaa found no CPython 3.11 standard library: install Python 3.11 or set \
KAA_STDLIB to the directory that holds its os.py, e.g. KAA_STDLIB=/usr/lib/python3.11";

/// `path` made absolute against the current directory (symlinks are left alone, as CPython
/// leaves them in `sys.path`).
pub fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().map(|d| d.join(path)).unwrap_or_else(|_| path.to_path_buf())
    }
}

fn is_stdlib(dir: &Path) -> bool {
    dir.join("os.py").is_file()
}

/// `KAA_STDLIB` if set (taken as given), else the first usual install location of a CPython
/// 3.11 that holds `os.py`.
pub fn location() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("KAA_STDLIB").filter(|v| !v.is_empty()) {
        let dir = absolute(Path::new(&dir));
        return is_stdlib(&dir).then_some(dir);
    }
    let mut candidates: Vec<PathBuf> = Vec::new();
    // Next to a python3.11 on PATH: PREFIX/bin/python3.11 -> PREFIX/lib/python3.11.
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            if dir.join("python3.11").exists() {
                if let Some(prefix) = dir.parent() {
                    candidates.push(prefix.join("lib/python3.11"));
                }
            }
        }
    }
    candidates.push("/usr/local/lib/python3.11".into());
    candidates.push("/usr/lib/python3.11".into());
    candidates.push(
        "/opt/homebrew/opt/python@3.11/Frameworks/Python.framework/Versions/3.11/lib/python3.11".into(),
    );
    candidates.push("/Library/Frameworks/Python.framework/Versions/3.11/lib/python3.11".into());
    // pyenv installs: $PYENV_ROOT (or ~/.pyenv)/versions/3.11.*/lib/python3.11, newest first.
    let pyenv = std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pyenv")));
    if let Some(root) = pyenv {
        if let Ok(rd) = std::fs::read_dir(root.join("versions")) {
            let mut versions: Vec<PathBuf> = rd
                .filter_map(|e| e.ok())
                .filter(|e| e.file_name().to_string_lossy().starts_with("3.11"))
                .map(|e| e.path().join("lib/python3.11"))
                .collect();
            versions.sort();
            candidates.extend(versions.into_iter().rev());
        }
    }
    candidates.into_iter().find(|d| is_stdlib(d))
}

/// The initial `sys.path`: the script's directory (or "" for the current directory), the
/// entries of `PYTHONPATH`, then the standard library.
pub fn initial_sys_path(main_entry: &str, stdlib: Option<&Path>) -> Vec<String> {
    let mut path = vec![main_entry.to_string()];
    if let Some(pp) = std::env::var_os("PYTHONPATH") {
        for p in std::env::split_paths(&pp) {
            let s = p.to_string_lossy().into_owned();
            if !s.is_empty() {
                path.push(absolute(Path::new(&s)).to_string_lossy().into_owned());
            }
        }
    }
    if let Some(lib) = stdlib {
        path.push(lib.to_string_lossy().into_owned());
    }
    path
}
