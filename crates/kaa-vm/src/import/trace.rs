//! What `-X importtime` (or `PYTHONPROFILEIMPORTTIME`) and `-v` print on stderr about imports, in
//! CPython's formats: a table of microseconds per module (self and cumulative, nested modules
//! indented), and an `import 'NAME' # LOADER` line per module loaded.

use std::io::Write;
use std::time::Instant;

/// The `-X importtime` state: whether the header was printed, and the time spent in the
/// imports nested in the ones still running (to subtract from their own).
#[derive(Default)]
pub struct ImportTimer {
    header_printed: bool,
    nested_us: u128,
}

/// One import being timed.
pub struct Started {
    at: Instant,
    nested_before: u128,
}

impl ImportTimer {
    pub fn start(&mut self) -> Started {
        if !self.header_printed {
            self.header_printed = true;
            let _ = writeln!(std::io::stderr(), "import time: self [us] | cumulative | imported package");
        }
        let nested_before = std::mem::take(&mut self.nested_us);
        Started { at: Instant::now(), nested_before }
    }

    /// Prints the line for `name`, imported at nesting `level` (0 for a top-level import).
    pub fn finish(&mut self, started: Started, name: &str, level: usize) {
        let cumulative = started.at.elapsed().as_micros();
        let own = cumulative.saturating_sub(self.nested_us);
        self.nested_us = started.nested_before + cumulative;
        let _ = writeln!(
            std::io::stderr(),
            "import time: {own:>9} | {cumulative:>10} | {:indent$}{name}",
            "",
            indent = level * 2
        );
    }
}

/// `-v`'s line for a native module (the frozen importlib prints the others).
pub fn verbose_builtin(name: &str) {
    let _ = writeln!(std::io::stderr(), "import '{name}' # <class '_frozen_importlib.BuiltinImporter'>");
}
