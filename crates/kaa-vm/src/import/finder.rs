//! Finding a module's source on `sys.path` (or a package's `__path__`), as CPython's
//! `PathFinder` and `FileFinder` do: in each entry, a directory with `__init__.py` is a
//! package, else `NAME.py` is a module, else a plain directory is one portion of a namespace
//! package — used only if no later entry has the package or module itself.

use std::path::{Path, PathBuf};

pub enum Found {
    /// A module file (absolute path).
    Module(String),
    /// A regular package: the path of its `__init__.py`.
    Package(String),
    /// A namespace package: its directories, in `sys.path` order.
    Namespace(Vec<String>),
}

/// An entry as a directory path: "" means the current directory; relative entries are made
/// absolute so `__file__` does not change meaning when the program changes directory.
fn entry_dir(entry: &str) -> PathBuf {
    if entry.is_empty() || entry == "." {
        std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
    } else {
        super::stdlib::absolute(Path::new(entry))
    }
}

fn join(dir: &Path, name: &str) -> String {
    let mut s = dir.to_string_lossy().into_owned();
    if !s.ends_with('/') {
        s.push('/');
    }
    s.push_str(name);
    s
}

/// Looks for the module whose last name component is `tail` in each entry in turn.
pub fn search(entries: &[String], tail: &str) -> Option<Found> {
    if tail.is_empty() {
        return None;
    }
    let mut portions = Vec::new();
    for entry in entries {
        let dir = entry_dir(entry);
        let candidate = join(&dir, tail);
        let is_dir = Path::new(&candidate).is_dir();
        if is_dir {
            let init = format!("{candidate}/__init__.py");
            if Path::new(&init).is_file() {
                return Some(Found::Package(init));
            }
        }
        let file = format!("{candidate}.py");
        if Path::new(&file).is_file() {
            return Some(Found::Module(file));
        }
        if is_dir {
            portions.push(candidate);
        }
    }
    if portions.is_empty() {
        None
    } else {
        Some(Found::Namespace(portions))
    }
}
