//! How the embedder (the `kaa` command) configured this interpreter: what `sys.flags`,
//! `sys.path`, `sys.warnoptions` and `sys._xoptions` report, and how standard output is buffered.
//! The command line and the `PYTHON*` environment variables are read by the embedder, not here.

use std::io::Write;

/// `sys.flags`, field for field, in CPython 3.11's order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Flags {
    pub debug: u32,
    pub inspect: u32,
    pub interactive: u32,
    pub optimize: u32,
    pub dont_write_bytecode: u32,
    pub no_user_site: u32,
    pub no_site: u32,
    pub ignore_environment: u32,
    pub verbose: u32,
    pub bytes_warning: u32,
    pub quiet: u32,
    pub hash_randomization: u32,
    pub isolated: u32,
    pub dev_mode: bool,
    pub utf8_mode: u32,
    pub warn_default_encoding: u32,
    pub safe_path: bool,
    pub int_max_str_digits: i64,
}

/// One `sys.flags` field: its value as Python sees it (`int`, or `bool` for the two flags that
/// CPython reports as booleans).
pub enum FlagValue {
    Int(i64),
    Bool(bool),
}

impl Flags {
    /// The fields in order with their values, for `sys.flags` (repr, indexing, attributes).
    pub fn fields(&self) -> [(&'static str, FlagValue); 18] {
        use FlagValue::{Bool, Int};
        [
            ("debug", Int(self.debug.into())),
            ("inspect", Int(self.inspect.into())),
            ("interactive", Int(self.interactive.into())),
            ("optimize", Int(self.optimize.into())),
            ("dont_write_bytecode", Int(self.dont_write_bytecode.into())),
            ("no_user_site", Int(self.no_user_site.into())),
            ("no_site", Int(self.no_site.into())),
            ("ignore_environment", Int(self.ignore_environment.into())),
            ("verbose", Int(self.verbose.into())),
            ("bytes_warning", Int(self.bytes_warning.into())),
            ("quiet", Int(self.quiet.into())),
            ("hash_randomization", Int(self.hash_randomization.into())),
            ("isolated", Int(self.isolated.into())),
            ("dev_mode", Bool(self.dev_mode)),
            ("utf8_mode", Int(self.utf8_mode.into())),
            ("warn_default_encoding", Int(self.warn_default_encoding.into())),
            ("safe_path", Bool(self.safe_path)),
            ("int_max_str_digits", Int(self.int_max_str_digits)),
        ]
    }
}

/// Everything the embedder decides before the program runs.
#[derive(Clone, Debug)]
pub struct Config {
    pub flags: Flags,
    /// `sys.path` at start-up (the script's directory or `''` first, then `PYTHONPATH`).
    pub path: Vec<String>,
    pub warnoptions: Vec<String>,
    /// `sys._xoptions`: `-X name` maps to True, `-X name=value` to the string.
    pub xoptions: Vec<(String, Option<String>)>,
    /// `sys.stdout.encoding` / `sys.stdout.errors` as `PYTHONIOENCODING` asked for them.
    pub stdio_encoding: String,
    pub stdio_errors: String,
    /// `-X importtime` or `PYTHONPROFILEIMPORTTIME`: time every import on stderr.
    pub import_time: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            flags: Flags { hash_randomization: 1, int_max_str_digits: -1, ..Flags::default() },
            path: Vec::new(),
            warnoptions: Vec::new(),
            xoptions: Vec::new(),
            stdio_encoding: "utf-8".into(),
            stdio_errors: "strict".into(),
            import_time: false,
        }
    }
}

/// What `Vm::stdout` writes into: the process's standard output, flushed after every write when
/// unbuffered (`-u`), so output appears at once even without a newline.
pub struct StdoutSink {
    pub unbuffered: bool,
}

impl Write for StdoutSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut out = std::io::stdout().lock();
        out.write_all(buf)?;
        if self.unbuffered {
            out.flush()?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        std::io::stdout().flush()
    }
}

/// How much `Vm::stdout` keeps before writing: a terminal sees each line as it is printed (as
/// CPython's line buffering does), `-u` sees every write, and a pipe or file gets 8 KiB blocks.
pub fn stdout_writer(unbuffered: bool, line_buffered: bool) -> std::io::BufWriter<StdoutSink> {
    // With no buffer of its own, BufWriter hands every write to the sink; std's stdout is
    // line-buffered underneath.
    let capacity = if unbuffered || line_buffered { 0 } else { 8192 };
    std::io::BufWriter::with_capacity(capacity, StdoutSink { unbuffered })
}
