//! The command line: CPython's options (`kaa [option] ... [-c cmd | -m mod | file | -] [arg] ...`),
//! Kaa's own stage options (`--tokens`, `--ast`, `--dis`, `--trace`, `--explain`), and the
//! `PYTHON*` environment variables, turned into one `Options` value.

use kaa_vm::config::{Config, Flags};

/// The version Kaa implements, as `python -V` prints it (tools parse this line).
pub const PYTHON_VERSION: &str = "3.11.7";

/// What to run.
#[derive(Clone, Debug, PartialEq)]
pub enum Program {
    /// `-c cmd`
    Command(String),
    /// `-m mod`
    Module(String),
    /// A script file.
    File(String),
    /// `-` or no script: standard input (the REPL when it is a terminal).
    Stdin { explicit: bool },
}

/// Which stage of the pipeline the run shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Stage {
    Run,
    Tokens,
    Ast { attributes: bool },
    Dis,
    Trace { limit: Option<u64> },
    Explain,
}

#[derive(Clone, Debug)]
pub struct Options {
    pub program: Program,
    /// `sys.argv[1:]`.
    pub args: Vec<String>,
    pub stage: Stage,
    pub config: Config,
    pub unbuffered: bool,
    /// `-x`: skip the first line of the script.
    pub skip_first_line: bool,
    /// `-V` given this many times.
    pub version: u32,
    pub help: bool,
    /// `PYTHONHASHSEED` (checked, reported in `sys.flags.hash_randomization`).
    pub hash_seed: Option<u32>,
    /// `PYTHONSTARTUP`: run before the first prompt of an interactive session.
    pub startup_file: Option<String>,
}

/// Why the command line was refused; `Display` gives CPython's first line.
#[derive(Debug, PartialEq)]
pub enum UsageError {
    UnknownShort(char),
    UnknownLong(String),
    MissingArgument(char),
    /// A start-up configuration error (CPython's "Fatal Python error" lines), exit status 1.
    Fatal(String),
}

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UsageError::UnknownShort(c) => write!(f, "Unknown option: -{c}"),
            UsageError::UnknownLong(s) => write!(f, "unknown option {s}"),
            UsageError::MissingArgument(c) => write!(f, "Argument expected for the -{c} option"),
            UsageError::Fatal(msg) => write!(f, "Fatal Python error: {msg}"),
        }
    }
}

/// The one-line synopsis, headed by the name the program was invoked as.
pub fn usage_line(program_name: &str) -> String {
    format!("usage: {program_name} [option] ... [-c cmd | -m mod | file | -] [arg] ...")
}

/// What `kaa -Z` prints to stderr (exit status 2).
pub fn usage_error_text(err: &UsageError, program_name: &str) -> String {
    format!("{err}\n{}\nTry `kaa -h' for more information.\n", usage_line(program_name))
}

/// `kaa -h`: the options grouped as CPython groups them, in Kaa's words.
pub fn help_text(program_name: &str) -> String {
    let mut s = usage_line(program_name);
    s.push_str(
        "
Options (environment variables that do the same are named after them):
-b     : warn about str(bytes) and bytes/str comparisons (-bb: make them errors)
-B     : do not write .pyc files; also PYTHONDONTWRITEBYTECODE=x
-c cmd : run the program given as a string (ends the option list)
-d     : parser debugging output (accepted, no effect); also PYTHONDEBUG=x
-E     : ignore the PYTHON* environment variables (PYTHONPATH and the rest)
-h     : show this help and exit (also -? or --help)
-i     : after the program, go on interactively (a prompt even when stdin is not
         a terminal); also PYTHONINSPECT=x
-I     : isolated mode: implies -E, -P and -s
-m mod : run a module as the main program (ends the option list)
-O     : set __debug__ to False, count in sys.flags.optimize; also PYTHONOPTIMIZE=x
-OO    : -O twice
-P     : do not put the script's directory (or the current one) first in sys.path;
         also PYTHONSAFEPATH
-q     : no banner at the interactive prompt
-s     : no user site directory in sys.path; also PYTHONNOUSERSITE
-S     : do not import the site module at start-up
-u     : unbuffered stdout and stderr; also PYTHONUNBUFFERED=x
-v     : verbose (more each time it is given); also PYTHONVERBOSE=x
-V     : print the Python version Kaa implements and exit (also --version);
         twice (-VV) adds Kaa's own version
-W arg : warning control, action:message:category:module:lineno; also PYTHONWARNINGS=arg
-x     : skip the first line of the script (for non-Unix #! forms)
-X opt : implementation option (-X dev, -X utf8, -X int_max_str_digits=N, ...)
--check-hash-based-pycs always|default|never : accepted, no effect
--help-env, --help-xoptions, --help-all : this text

Kaa's stage options (before the script):
--tokens FILE      : print the token stream, as python3 -m tokenize -e
--ast [-a] FILE    : print the AST, as python3 -m ast [-a]
--dis FILE         : print the bytecode, as python3 -m dis
--trace FILE       : run, printing each executed instruction, its line and the top of the
                     value stack (--trace-limit N stops tracing after N instructions)
--explain FILE     : walk through every stage for FILE, with the time each took

Arguments:
file   : program read from a script file
-      : program read from stdin (the default; interactive when stdin is a terminal)
arg ...: arguments passed to the program in sys.argv[1:]

Other environment variables:
PYTHONPATH      : directories (':'-separated) put in front of the module search path
PYTHONSTARTUP   : file run before the first interactive prompt
PYTHONHASHSEED  : 'random' or an integer in [0; 4294967295]
PYTHONIOENCODING: encoding[:errors] reported for stdin/stdout/stderr
",
    );
    s
}

/// `kaa -V` / `kaa -VV`. `-V` prints exactly CPython's line for the version Kaa implements, so
/// tools that parse `python --version` keep working; `-VV` says what is actually running.
pub fn version_text(times: u32) -> String {
    if times >= 2 {
        format!(
            "Python {PYTHON_VERSION} (Kaa {}, a Python implementation in Rust)\n",
            env!("CARGO_PKG_VERSION")
        )
    } else {
        format!("Python {PYTHON_VERSION}\n")
    }
}

/// Short options that take an argument (the rest of the word, or the next word).
const WITH_ARGUMENT: &[char] = &['c', 'm', 'W', 'X'];
/// Short options without one.
const FLAGS: &str = "bBdEhiIOPqRsSuvVx?";

/// Parses the command line (without the program name) and the environment (`env` looks up one
/// variable; tests pass their own).
pub fn parse(args: &[String], env: &dyn Fn(&str) -> Option<String>) -> Result<Options, UsageError> {
    let mut flags = Flags { hash_randomization: 1, int_max_str_digits: -1, ..Flags::default() };
    let mut opts = Options {
        program: Program::Stdin { explicit: false },
        args: Vec::new(),
        stage: Stage::Run,
        config: Config::default(),
        unbuffered: false,
        skip_first_line: false,
        version: 0,
        help: false,
        hash_seed: None,
        startup_file: None,
    };
    let mut cmdline_warnings = Vec::new();
    let mut xoptions: Vec<(String, Option<String>)> = Vec::new();
    let mut attributes = false;
    let mut i = 0;
    let mut program = None;
    while i < args.len() && program.is_none() {
        let arg = &args[i];
        i += 1;
        if arg == "--" {
            if i < args.len() {
                program = Some(Program::File(args[i].clone()));
                i += 1;
            }
            break;
        }
        if arg == "-" {
            program = Some(Program::Stdin { explicit: true });
            break;
        }
        if !arg.starts_with('-') || arg.len() == 1 {
            program = Some(Program::File(arg.clone()));
            break;
        }
        if let Some(long) = arg.strip_prefix("--") {
            match long {
                "help" | "help-env" | "help-xoptions" | "help-all" => opts.help = true,
                "version" => opts.version += 1,
                "check-hash-based-pycs" => {
                    if i >= args.len() {
                        return Err(UsageError::UnknownLong(arg.clone()));
                    }
                    i += 1;
                }
                "tokens" => opts.stage = Stage::Tokens,
                "ast" => opts.stage = Stage::Ast { attributes: false },
                "include-attributes" => attributes = true,
                "dis" => opts.stage = Stage::Dis,
                "trace" => opts.stage = Stage::Trace { limit: None },
                "explain" => opts.stage = Stage::Explain,
                "trace-limit" => {
                    let n = args.get(i).and_then(|v| v.parse::<u64>().ok());
                    let Some(n) = n else {
                        return Err(UsageError::UnknownLong(arg.clone()));
                    };
                    i += 1;
                    opts.stage = Stage::Trace { limit: Some(n) };
                }
                _ => return Err(UsageError::UnknownLong(arg.clone())),
            }
            continue;
        }
        // A cluster of short options: `-Bq`, `-cpass`, `-Werror`.
        let chars: Vec<char> = arg.chars().skip(1).collect();
        let mut j = 0;
        while j < chars.len() {
            let c = chars[j];
            j += 1;
            if WITH_ARGUMENT.contains(&c) {
                let value = if j < chars.len() {
                    chars[j..].iter().collect::<String>()
                } else if i < args.len() {
                    i += 1;
                    args[i - 1].clone()
                } else {
                    return Err(UsageError::MissingArgument(c));
                };
                match c {
                    'c' => program = Some(Program::Command(value)),
                    'm' => program = Some(Program::Module(value)),
                    'W' => cmdline_warnings.push(value),
                    _ => xoptions.push(match value.split_once('=') {
                        Some((k, v)) => (k.to_string(), Some(v.to_string())),
                        None => (value.clone(), None),
                    }),
                }
                break;
            }
            if c == 'a' && matches!(opts.stage, Stage::Ast { .. }) {
                // Kaa's `--ast -a` (python3 -m ast -a).
                attributes = true;
                continue;
            }
            if !FLAGS.contains(c) {
                return Err(UsageError::UnknownShort(c));
            }
            match c {
                'b' => flags.bytes_warning += 1,
                'B' => flags.dont_write_bytecode = 1,
                'd' => flags.debug += 1,
                'E' => flags.ignore_environment = 1,
                'h' | '?' => opts.help = true,
                'i' => {
                    flags.inspect = 1;
                    flags.interactive = 1;
                }
                'I' => {
                    flags.isolated = 1;
                    flags.ignore_environment = 1;
                    flags.no_user_site = 1;
                    flags.safe_path = true;
                }
                'O' => flags.optimize += 1,
                'P' => flags.safe_path = true,
                'q' => flags.quiet = 1,
                'R' => {}
                's' => flags.no_user_site = 1,
                'S' => flags.no_site = 1,
                'u' => opts.unbuffered = true,
                'v' => flags.verbose += 1,
                'V' => opts.version += 1,
                _ => opts.skip_first_line = true, // 'x'
            }
        }
    }
    if let Stage::Ast { .. } = opts.stage {
        opts.stage = Stage::Ast { attributes };
    }
    opts.program = program.unwrap_or(Program::Stdin { explicit: false });
    opts.args = args[i..].to_vec();

    // -X options that are flags.
    for (name, value) in &xoptions {
        match (name.as_str(), value) {
            ("dev", _) => flags.dev_mode = true,
            ("utf8", None) => flags.utf8_mode = 1,
            ("utf8", Some(v)) => flags.utf8_mode = if v == "0" { 0 } else { 1 },
            ("warn_default_encoding", _) => flags.warn_default_encoding = 1,
            ("int_max_str_digits", v) => {
                flags.int_max_str_digits = int_max_str_digits(v.as_deref(), "-X int_max_str_digits")?
            }
            _ => {}
        }
    }

    // The environment, unless -E or -I.
    let env =
        |name: &str| if flags.ignore_environment == 1 { None } else { env(name).filter(|v| !v.is_empty()) };
    let level = |v: String| v.trim().parse::<u32>().map_or(1, |n| n.max(1));
    if let Some(v) = env("PYTHONDEBUG") {
        flags.debug = flags.debug.max(level(v));
    }
    if let Some(v) = env("PYTHONVERBOSE") {
        flags.verbose = flags.verbose.max(level(v));
    }
    if let Some(v) = env("PYTHONOPTIMIZE") {
        flags.optimize = flags.optimize.max(level(v));
    }
    if env("PYTHONINSPECT").is_some() {
        flags.inspect = 1;
    }
    if env("PYTHONDONTWRITEBYTECODE").is_some() {
        flags.dont_write_bytecode = 1;
    }
    if env("PYTHONNOUSERSITE").is_some() {
        flags.no_user_site = 1;
    }
    if env("PYTHONSAFEPATH").is_some() {
        flags.safe_path = true;
    }
    if env("PYTHONUNBUFFERED").is_some() {
        opts.unbuffered = true;
    }
    if env("PYTHONDEVMODE").is_some() {
        flags.dev_mode = true;
    }
    if let Some(v) = env("PYTHONUTF8") {
        if !xoptions.iter().any(|(n, _)| n == "utf8") {
            flags.utf8_mode = u32::from(v != "0");
        }
    }
    // PEP 540: the C and POSIX locales turn UTF-8 mode on unless -X utf8 or PYTHONUTF8 decided.
    let locale = ctype_locale();
    if !xoptions.iter().any(|(n, _)| n == "utf8") && env("PYTHONUTF8").is_none() && locale == CtypeLocale::C {
        flags.utf8_mode = 1;
    }
    // The standard streams pass undecodable bytes through (surrogateescape) in UTF-8 mode and
    // in the C locale or its UTF-8 variant, unless PYTHONIOENCODING says otherwise (below).
    if flags.utf8_mode == 1 || locale != CtypeLocale::Other {
        opts.config.stdio_errors = "surrogateescape".into();
    }
    if let Some(v) = env("PYTHONINTMAXSTRDIGITS") {
        if !xoptions.iter().any(|(n, _)| n == "int_max_str_digits") {
            flags.int_max_str_digits = int_max_str_digits(Some(&v), "PYTHONINTMAXSTRDIGITS")?;
        }
    }
    if let Some(v) = env("PYTHONHASHSEED") {
        if v != "random" {
            match v.parse::<u32>() {
                Ok(seed) => {
                    opts.hash_seed = Some(seed);
                    if seed == 0 {
                        flags.hash_randomization = 0;
                    }
                }
                Err(_) => {
                    return Err(UsageError::Fatal(
                        "config_init_hash_seed: PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]"
                            .into(),
                    ))
                }
            }
        }
    }
    if let Some(v) = env("PYTHONIOENCODING").filter(|v| !v.is_empty()) {
        let (enc, errors) = match v.split_once(':') {
            Some((e, r)) => (e.to_string(), r.to_string()),
            None => (v.clone(), String::new()),
        };
        opts.config.stdio_errors = "strict".into();
        if !enc.is_empty() {
            opts.config.stdio_encoding = codec_name(&enc);
        }
        if !errors.is_empty() {
            opts.config.stdio_errors = errors;
        }
    }
    opts.startup_file = env("PYTHONSTARTUP");
    opts.config.import_time = xoptions.iter().any(|(n, _)| n == "importtime")
        || env("PYTHONPROFILEIMPORTTIME").is_some_and(|v| !v.is_empty());

    // sys.warnoptions, lowest priority first, as CPython lists them.
    let mut warnoptions = Vec::new();
    if flags.dev_mode {
        warnoptions.push("default".to_string());
    }
    if let Some(v) = env("PYTHONWARNINGS") {
        warnoptions.extend(v.split(',').map(str::trim).filter(|w| !w.is_empty()).map(String::from));
    }
    warnoptions.extend(cmdline_warnings);
    match flags.bytes_warning {
        0 => {}
        1 => warnoptions.push("default::BytesWarning".into()),
        _ => warnoptions.push("error::BytesWarning".into()),
    }

    // sys.path: the program's directory (or the current one) unless -P, then PYTHONPATH.
    let mut path = Vec::new();
    if !flags.safe_path {
        path.push(match &opts.program {
            Program::File(file) if !matches!(opts.stage, Stage::Tokens | Stage::Ast { .. }) => {
                script_dir(file)
            }
            Program::Module(_) => {
                std::env::current_dir().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default()
            }
            _ => String::new(),
        });
    }
    if let Some(v) = env("PYTHONPATH") {
        path.extend(v.split(':').filter(|p| !p.is_empty()).map(absolute));
    }
    opts.config.flags = flags;
    opts.config.path = path;
    opts.config.warnoptions = warnoptions;
    opts.config.xoptions = xoptions;
    Ok(opts)
}

/// The name Python's codec registry reports for an encoding name (`codecs.lookup(n).name`),
/// for the common spellings.
fn codec_name(name: &str) -> String {
    let key = name.to_ascii_lowercase().replace(['-', ' '], "_");
    match key.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => "utf-8",
        "latin_1" | "latin1" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "latin" => "iso8859-1",
        "ascii" | "us_ascii" | "646" => "ascii",
        "utf_16" | "utf16" => "utf-16",
        "utf_32" | "utf32" => "utf-32",
        _ => return name.to_string(),
    }
    .to_string()
}

#[derive(PartialEq, Clone, Copy)]
enum CtypeLocale {
    /// C or POSIX (also a locale the system does not have).
    C,
    /// C.UTF-8 and its spellings: what CPython coerces the C locale to.
    CUtf8,
    Other,
}

/// The character-type locale the environment selects, as `setlocale(LC_CTYPE, "")` resolves it
/// (which is what CPython asks).
fn ctype_locale() -> CtypeLocale {
    // SAFETY: called on the front-end thread before any other thread reads the locale; the
    // returned string is copied at once.
    let name = unsafe {
        let p = libc::setlocale(libc::LC_CTYPE, c"".as_ptr());
        if p.is_null() {
            "C".to_string()
        } else {
            std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
        }
    };
    match name.as_str() {
        "C" | "POSIX" => CtypeLocale::C,
        "C.UTF-8" | "C.utf8" | "UTF-8" => CtypeLocale::CUtf8,
        _ => CtypeLocale::Other,
    }
}

/// `-X int_max_str_digits=N` / `PYTHONINTMAXSTRDIGITS`: 0 (no limit) or at least 640.
fn int_max_str_digits(value: Option<&str>, what: &str) -> Result<i64, UsageError> {
    match value.and_then(|v| v.parse::<i64>().ok()) {
        Some(n) if n == 0 || (640..=i32::MAX as i64).contains(&n) => Ok(n),
        _ => Err(UsageError::Fatal(format!(
            "config_init_int_max_str_digits: {what}: invalid limit; must be >= 640 or 0 for unlimited."
        ))),
    }
}

/// The directory `sys.path[0]` names for a script: its own, made absolute (symbolic links
/// resolved, as CPython does).
fn script_dir(file: &str) -> String {
    let path = std::path::Path::new(file);
    let full = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    full.parent().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default()
}

fn absolute(p: &str) -> String {
    let path = std::path::Path::new(p);
    if path.is_absolute() {
        return p.to_string();
    }
    std::env::current_dir()
        .map(|d| d.join(path).to_string_lossy().into_owned())
        .unwrap_or_else(|_| p.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_args(args: &[&str]) -> Result<Options, UsageError> {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        parse(&args, &|_| None)
    }

    #[test]
    fn clusters_and_arguments() {
        let o = parse_args(&["-Bqc", "print(1)", "-x", "y"]).unwrap();
        assert_eq!(o.program, Program::Command("print(1)".into()));
        assert_eq!(o.args, vec!["-x", "y"]);
        assert_eq!(o.config.flags.dont_write_bytecode, 1);
        assert_eq!(o.config.flags.quiet, 1);
        let o = parse_args(&["-Werror", "-W", "ignore", "-bb", "m.py"]).unwrap();
        assert_eq!(o.config.warnoptions, vec!["error", "ignore", "error::BytesWarning"]);
        assert_eq!(o.program, Program::File("m.py".into()));
    }

    #[test]
    fn errors() {
        assert_eq!(parse_args(&["-Z"]).unwrap_err(), UsageError::UnknownShort('Z'));
        assert_eq!(parse_args(&["--nope"]).unwrap_err(), UsageError::UnknownLong("--nope".into()));
        assert_eq!(parse_args(&["-c"]).unwrap_err(), UsageError::MissingArgument('c'));
        assert!(matches!(parse_args(&["-X", "int_max_str_digits=5"]), Err(UsageError::Fatal(_))));
    }

    #[test]
    fn environment_is_ignored_with_e() {
        let args = vec!["-E".to_string(), "-c".into(), "pass".into()];
        let o = parse(&args, &|v| (v == "PYTHONUNBUFFERED").then(|| "1".to_string())).unwrap();
        assert!(!o.unbuffered);
        let o = parse(&args[1..], &|v| (v == "PYTHONUNBUFFERED").then(|| "1".to_string())).unwrap();
        assert!(o.unbuffered);
    }
}
