//! The `kaa` command: Python's command line (`kaa [option] ... [-c cmd | -m mod | file | -]
//! [arg] ...`), the interactive prompt, and the stage views (`--tokens`, `--ast`, `--dis`,
//! `--trace`, `--explain`).

use cli::{Options, Program, Stage, UsageError};
use kaa_syntax::error_display::display_filename;
use kaa_syntax::parser::{self, Mode, ParseOptions};
use kaa_syntax::{source, token_dump};
use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

#[cfg(not(feature = "system-allocator"))]
mod allocator;
mod cli;
mod completion;
mod explain;
mod module_main;
mod repl;
mod repl_input;
mod run;
mod sigint;
mod trace;
mod warn_filter;

/// Stack size of the thread the front end runs on. The parser is recursive descent, so a deeply
/// nested program needs a deep stack; CPython itself gives up at 200 nested parentheses (tokenizer)
/// or its parser's recursion limit, far below what this allows. The fuzzer
/// (crates/kaa-syntax/examples/fuzz) uses the same size, so it tests what the CLI runs.
const FRONT_END_STACK: usize = 256 << 20;

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    let program_name = raw.first().cloned().unwrap_or_else(|| "kaa".into());
    if raw.get(1).is_some_and(|a| a == "--compile") {
        return compile(&raw[2..]);
    }
    let opts = match cli::parse(raw.get(1..).unwrap_or(&[]), &|name| std::env::var(name).ok()) {
        Ok(o) => o,
        Err(UsageError::Fatal(msg)) => {
            eprintln!("Fatal Python error: {msg}\nPython runtime state: preinitialized\n");
            return ExitCode::from(1);
        }
        Err(e) => {
            eprint!("{}", cli::usage_error_text(&e, &program_name));
            return ExitCode::from(2);
        }
    };
    if opts.help {
        print!("{}", cli::help_text(&program_name));
        return ExitCode::SUCCESS;
    }
    if opts.version > 0 {
        print!("{}", cli::version_text(opts.version));
        return ExitCode::SUCCESS;
    }
    // Ctrl-C raises KeyboardInterrupt in running code (uncaught: traceback and status 130), as in
    // CPython, for every way of running a program.
    let _sigint = sigint::Handler::install();
    warn_filter::install(&opts.config.warnoptions);
    let worker = std::thread::Builder::new()
        .name("front-end".into())
        .stack_size(FRONT_END_STACK)
        .spawn(move || front_end(&opts, &program_name));
    sigint::block_in_this_thread();
    match worker.map(|w| w.join()) {
        Ok(Ok(code)) => code,
        Ok(Err(_)) => ExitCode::from(70), // the panic message is already on stderr
        Err(e) => {
            eprintln!("kaa: cannot start the front-end thread: {e}");
            ExitCode::from(71)
        }
    }
}

/// `kaa --compile PATH…`: fills the bytecode cache for every `.py` file under the paths, like
/// `python3 -m compileall -q` (see `kaa_vm::import::compileall`).
fn compile(paths: &[String]) -> ExitCode {
    if paths.is_empty() {
        eprintln!("usage: kaa --compile PATH...");
        return ExitCode::from(2);
    }
    #[cfg(not(feature = "system-allocator"))]
    allocator::delay_purging();
    let config = kaa_vm::import::ImportConfig::from_env();
    ExitCode::from(kaa_vm::import::compileall::compile_paths(paths, &config) as u8)
}

/// A program's source as loaded: its bytes, the name code objects and tracebacks give it,
/// `sys.argv[0]`, and `__file__` (scripts and modules only).
pub struct Loaded {
    pub bytes: Vec<u8>,
    pub filename: String,
    pub argv0: String,
    pub file: Option<String>,
}

/// Reads the program the command line names; on failure prints CPython's message and returns
/// the exit status.
fn load(opts: &Options, program_name: &str) -> Result<Loaded, ExitCode> {
    let loaded = match &opts.program {
        Program::Command(cmd) => Loaded {
            bytes: cmd.clone().into_bytes(),
            filename: "<string>".into(),
            argv0: "-c".into(),
            file: None,
        },
        Program::File(file) => {
            let shown = display_filename(file);
            let bytes = std::fs::read(file).map_err(|e| {
                eprintln!("{program_name}: can't open file '{shown}': {}", os_error_text(&e));
                ExitCode::from(2)
            })?;
            Loaded { bytes, filename: shown.clone(), argv0: file.clone(), file: Some(shown) }
        }
        Program::Module(name) => match module_main::locate(name, &module_search_path(opts)) {
            Ok(path) => {
                let path = path.to_string_lossy().into_owned();
                let bytes = std::fs::read(&path).map_err(|e| {
                    eprintln!("{program_name}: can't open file '{path}': {}", os_error_text(&e));
                    ExitCode::from(2)
                })?;
                Loaded { bytes, filename: path.clone(), argv0: path.clone(), file: Some(path) }
            }
            Err(why) => {
                eprintln!("{program_name}: {why}");
                return Err(ExitCode::from(1));
            }
        },
        Program::Stdin { explicit } => {
            let mut bytes = Vec::new();
            if let Err(e) = std::io::stdin().lock().read_to_end(&mut bytes) {
                eprintln!("{program_name}: can't read <stdin>: {}", os_error_text(&e));
                return Err(ExitCode::from(2));
            }
            let argv0 = if *explicit { "-" } else { "" };
            Loaded { bytes, filename: "<stdin>".into(), argv0: argv0.into(), file: None }
        }
    };
    Ok(if opts.skip_first_line { skip_first_line(loaded) } else { loaded })
}

/// Where `-m` looks: `sys.path` as the program will see it (its start, then the standard
/// library).
fn module_search_path(opts: &Options) -> Vec<String> {
    let mut path = opts.config.path.clone();
    if let Some(lib) = kaa_vm::import::stdlib::location() {
        path.push(lib.to_string_lossy().into_owned());
    }
    path
}

/// `-m a.b.c`: imports the packages `a` and `a.b` (their `__init__` runs before the module is
/// looked for, as runpy does; `sys.argv[0]` is `-m` meanwhile).
fn import_packages(vm: &mut kaa_vm::Vm, packages: &[&str]) -> Result<(), ExitCode> {
    for &package in packages {
        if let Err(err) = vm.import_module(package) {
            let exc = vm.materialize(err);
            vm.print_exception(&exc);
            return Err(ExitCode::from(1));
        }
    }
    Ok(())
}

/// Sets `sys.argv[0]`, also in a `sys` module already imported.
fn set_argv0(vm: &mut kaa_vm::Vm, argv0: &str) {
    if let Some(first) = vm.argv.first_mut() {
        *first = argv0.to_string();
    }
    if let Some(kaa_vm::Value::Module(sys)) = vm.modules.get_str("sys") {
        if let Some(kaa_vm::Value::List(argv)) = sys.dict.get_str("argv") {
            if let Some(first) = argv.borrow_mut().first_mut() {
                *first = kaa_vm::Value::str(argv0);
            }
        }
    }
}

/// `-x`: the first line is dropped before the program is read (later lines move up one).
fn skip_first_line(mut loaded: Loaded) -> Loaded {
    let cut = loaded.bytes.iter().position(|&b| b == b'\n').map_or(loaded.bytes.len(), |i| i + 1);
    loaded.bytes.drain(..cut);
    loaded
}

/// An OS error as Python prints it: `[Errno 2] No such file or directory`.
pub fn os_error_text(e: &std::io::Error) -> String {
    let text = e.to_string();
    match e.raw_os_error() {
        Some(n) => {
            let msg = text.split(" (os error").next().unwrap_or(&text);
            format!("[Errno {n}] {msg}")
        }
        None => text,
    }
}

/// Everything after option parsing, on the big-stack thread.
fn front_end(opts: &Options, program_name: &str) -> ExitCode {
    // No program and a terminal, or -i with the program on stdin: the prompt reads stdin (from
    // a pipe too, as CPython's does; PYTHONINSPECT alone runs the pipe as a script first).
    let prompt_on_stdin = matches!(opts.program, Program::Stdin { .. })
        && (std::io::stdin().is_terminal() || opts.config.flags.interactive == 1);
    if opts.stage == Stage::Run && prompt_on_stdin {
        let vm = run::new_vm(opts, "");
        let globals = run::main_globals(None);
        return repl::run(vm, &globals, opts, true);
    }
    // `-m a.b`: the parent packages are imported before `b` is looked for.
    let mut early_vm = None;
    if let (Stage::Run, Program::Module(name)) = (&opts.stage, &opts.program) {
        if !name.starts_with('.') && name.contains('.') {
            let mut vm = run::new_vm(opts, "-m");
            let parents: Vec<&str> = name.match_indices('.').map(|(i, _)| &name[..i]).collect();
            if let Err(status) = import_packages(&mut vm, &parents) {
                return status;
            }
            early_vm = Some(vm);
        }
    }
    let loaded = match load(opts, program_name) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let src = match source::decode(&loaded.bytes, &loaded.filename) {
        Ok(s) => s,
        Err(e) => {
            run::report_syntax_error(&e, &loaded.filename);
            return ExitCode::from(1);
        }
    };
    match &opts.stage {
        Stage::Run => {
            let mut vm = match (early_vm, &opts.program) {
                (Some(vm), _) => vm,
                (None, Program::Module(_)) => run::new_vm(opts, "-m"),
                (None, _) => run::new_vm(opts, &loaded.argv0),
            };
            if let Program::Module(name) = &opts.program {
                // A package runs as its __main__ after its __init__.
                if loaded.filename.ends_with("/__main__.py") {
                    if let Err(status) = import_packages(&mut vm, &[name.as_str()]) {
                        return status;
                    }
                }
                set_argv0(&mut vm, &loaded.argv0);
            }
            let globals = run::main_globals(loaded.file.as_deref());
            let status = match run::compile(&src, &loaded.filename, Mode::Exec, opts.config.flags.optimize) {
                Ok(code) => match run::execute(&mut vm, code, globals.clone()) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(exc) if opts.config.flags.inspect == 1 && !run::is_system_exit(&vm, &exc) => {
                        vm.print_exception(&exc);
                        ExitCode::from(1)
                    }
                    Err(exc) => {
                        let status = run::exit_for_uncaught(&mut vm, &exc);
                        run::shutdown(&mut vm, &globals);
                        return status;
                    }
                },
                Err(code) if opts.config.flags.inspect == 1 => code,
                Err(code) => return code,
            };
            if opts.config.flags.inspect == 1 {
                // -i: the prompt follows, with the program's globals, even when stdin is a pipe.
                return repl::run(vm, &globals, opts, false);
            }
            run::shutdown(&mut vm, &globals);
            status
        }
        Stage::Dis => match run::compile(&src, &loaded.filename, Mode::Exec, opts.config.flags.optimize) {
            Ok(code) => {
                print!("{}", kaa_bytecode::dis::disassemble(&code));
                ExitCode::SUCCESS
            }
            Err(code) => code,
        },
        Stage::Trace { limit } => trace::run(opts, &loaded, &src, *limit),
        Stage::Explain => explain::run(opts, &loaded, &src),
        Stage::Tokens | Stage::Ast { .. } => show_front_end_stage(&opts.stage, &loaded, &src),
    }
}

/// `--tokens` and `--ast`: prints the stage's output for the source (or the syntax error).
fn show_front_end_stage(stage: &Stage, loaded: &Loaded, src: &source::Source) -> ExitCode {
    let file = loaded.argv0.as_str();
    let out = if let Stage::Tokens = stage {
        match token_dump::tokenize_listing(&src.text, &src.encoding, file) {
            Ok(listing) => listing,
            Err(msg) => {
                eprintln!("{msg}");
                return ExitCode::from(1);
            }
        }
    } else {
        let attributes = matches!(stage, Stage::Ast { attributes: true });
        // parse_source keeps CPython's file-reading quirks in error positions (byte columns
        // without an encoding declaration, BOM lines).
        match parser::parse_source(src, ParseOptions { mode: Mode::Exec, type_comments: true }) {
            Ok(tree) => match kaa_syntax::ast::try_dump(&tree, Some(3), attributes) {
                Ok(text) => text + "\n",
                Err(msg) => {
                    // CPython's `-m ast` fails in repr() with a ValueError here.
                    eprintln!("{msg}");
                    return ExitCode::from(1);
                }
            },
            Err(e) => {
                run::report_syntax_error(&e, &loaded.filename);
                return ExitCode::from(1);
            }
        }
    };
    let mut stdout = std::io::stdout().lock();
    if stdout.write_all(out.as_bytes()).and_then(|_| stdout.flush()).is_err() {
        return ExitCode::from(120);
    }
    ExitCode::SUCCESS
}
