//! Running a program: parse, compile, then execute on the VM (or show the bytecode).

use crate::cli::Options;
use crate::warn_filter::Action;
use kaa_bytecode::CodeObject;
use kaa_compiler::codegen::CompileError;
use kaa_syntax::parser::{self, Mode, ParseOptions};
use kaa_syntax::source::Source;
use kaa_syntax::{SyntaxError, SyntaxErrorKind};
use kaa_vm::exceptions::ExceptionObject;
use kaa_vm::objects::dict::DictObject;
use kaa_vm::{RunError, Vm};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::rc::Rc;

/// Prints a syntax error as CPython does for an uncaught one; `shown` is the file name as the
/// traceback names it.
pub fn report_syntax_error(err: &SyntaxError, shown: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(err.render(shown).as_bytes());
    let _ = stderr.flush();
}

/// An interpreter set up as the command line asked: `sys.argv`, flags, `sys.path`, buffering.
pub fn new_vm(opts: &Options, argv0: &str) -> Vm {
    let mut vm = Vm::new();
    vm.argv = std::iter::once(argv0.to_string()).chain(opts.args.iter().cloned()).collect();
    vm.config = opts.config.clone();
    kaa_vm::builtins::int_limit::set_from_flag(opts.config.flags.int_max_str_digits);
    vm.stdout = kaa_vm::config::stdout_writer(opts.unbuffered, std::io::stdout().is_terminal());
    if opts.config.flags.optimize > 0 {
        vm.builtins.set_str("__debug__", kaa_vm::Value::Bool(false));
    }
    // A testing hook: the VM fuzzer bounds loops so that mutated programs always end.
    if let Some(limit) = std::env::var("KAA_STEP_LIMIT").ok().and_then(|s| s.parse::<u64>().ok()) {
        vm.loop_budget = limit.max(1);
    }
    // An encoding only the codec registry knows is looked up at start-up, as CPython does (a
    // bad one stops the run before the program starts).
    if kaa_vm::objects::codecs::canonical_name(&vm.config.stdio_encoding).is_err() {
        let _ = vm.import_module("sys");
    }
    vm
}

/// Interpreter shutdown after the main program: `atexit` functions, `weakref.finalize` objects
/// marked `atexit`, then
/// the main module's namespace is released (running `__del__` methods) and a last collection.
pub fn shutdown(vm: &mut Vm, globals: &Rc<DictObject>) {
    vm.run_atexit();
    if let Err(e) = vm.run_exit_finalizers() {
        let exc = vm.materialize(e);
        vm.print_exception(&exc);
    }
    vm.finalize_at_exit(globals);
}

/// The namespace of `__main__`; `file` is `__file__` (scripts and modules only).
pub fn main_globals(file: Option<&str>) -> Rc<DictObject> {
    let globals = Rc::new(DictObject::new());
    globals.set_str("__name__", kaa_vm::Value::str("__main__"));
    globals.set_str("__doc__", kaa_vm::Value::None);
    globals.set_str("__package__", kaa_vm::Value::None);
    globals.set_str("__spec__", kaa_vm::Value::None);
    if let Some(f) = file {
        globals.set_str("__file__", kaa_vm::Value::str(f));
    }
    globals
}

/// Parses and compiles `src` (named `filename` in code objects and tracebacks), printing
/// compile-time warnings; on a syntax error prints it and returns the exit status.
pub fn compile(src: &Source, filename: &str, mode: Mode, optimize: u32) -> Result<Rc<CodeObject>, ExitCode> {
    let text = src.text.as_str();
    let tree = match parser::parse_source(src, ParseOptions { mode, type_comments: false }) {
        Ok(t) => t,
        Err(e) => {
            report_syntax_error(&e, filename);
            return Err(ExitCode::from(1));
        }
    };
    compile_tree(&tree, text, filename, optimize)
}

/// Compiles a parsed module (see `compile`) at an optimization level (`-O`).
pub fn compile_tree(
    tree: &kaa_syntax::ast::Mod,
    text: &str,
    filename: &str,
    optimize: u32,
) -> Result<Rc<CodeObject>, ExitCode> {
    match kaa_compiler::compile_module_with_options(tree, filename, optimize) {
        Ok((c, warnings)) => {
            // Printed the way the warnings module shows them: "file:line: Category: message"
            // and the source line.
            for w in warnings {
                let line = text.lines().nth(w.lineno.saturating_sub(1) as usize);
                match crate::warn_filter::action_for(w.category, &w.message, filename, w.lineno) {
                    Action::Ignore => {}
                    Action::Show => {
                        eprintln!("{filename}:{}: {}: {}", w.lineno, w.category, w.message);
                        if let Some(line) = line {
                            eprintln!("  {}", line.trim());
                        }
                    }
                    Action::Error => {
                        // As CPython does, the warning becomes a SyntaxError at the node.
                        let e = SyntaxError {
                            kind: SyntaxErrorKind::SyntaxError,
                            msg: w.message,
                            lineno: w.span.lineno,
                            offset: w.span.col_offset + 1,
                            end_lineno: w.span.end_lineno,
                            end_offset: w.span.end_col_offset + 1,
                            text: line.map(|l| format!("{l}\n")),
                        };
                        report_syntax_error(&e, filename);
                        return Err(ExitCode::from(1));
                    }
                }
            }
            Ok(c)
        }
        Err(CompileError::Syntax(mut e)) => {
            // The compiler knows positions, not text: add the source line for the caret display.
            e.text = text.lines().nth(e.lineno.saturating_sub(1) as usize).map(|l| format!("{l}\n"));
            report_syntax_error(&e, filename);
            Err(ExitCode::from(1))
        }
        Err(CompileError::Unsupported { what, lineno }) => {
            eprintln!("  File \"{filename}\", line {lineno}\nSystemError: Kaa cannot compile {what} yet");
            Err(ExitCode::from(1))
        }
    }
}

/// Runs a module code object in `globals`; the uncaught exception, if any.
pub fn execute(
    vm: &mut Vm,
    code: Rc<CodeObject>,
    globals: Rc<DictObject>,
) -> Result<(), Rc<ExceptionObject>> {
    kaa_vm::import::register_main(vm, &globals);
    let result = vm.run_module(code, globals);
    let _ = vm.stdout.flush();
    match result {
        Ok(_) => Ok(()),
        Err(RunError::Exception(exc)) => Err(exc),
    }
}

/// Is this exception a SystemExit (which ends the process, or the interactive session)?
pub fn is_system_exit(vm: &Vm, exc: &Rc<ExceptionObject>) -> bool {
    exc.class.is_subclass(&vm.exception_type(kaa_vm::exceptions::ExcKind::SystemExit))
}

/// What an uncaught exception does to the process: SystemExit(code) exits with its code (a
/// non-int code is printed to stderr and exits 1); anything else prints the traceback and exits 1
/// (130 for KeyboardInterrupt).
pub fn exit_for_uncaught(vm: &mut Vm, exc: &Rc<ExceptionObject>) -> ExitCode {
    use kaa_vm::exceptions::ExcKind;
    let _ = vm.stdout.flush();
    if is_system_exit(vm, exc) {
        let code = exc.args.borrow().first().cloned().unwrap_or(kaa_vm::Value::None);
        return match code {
            kaa_vm::Value::None => ExitCode::SUCCESS,
            kaa_vm::Value::Int(n) => ExitCode::from(n as u8),
            kaa_vm::Value::Bool(b) => ExitCode::from(b as u8),
            other => {
                let text = vm.str(&other).unwrap_or_default();
                eprintln!("{text}");
                ExitCode::from(1)
            }
        };
    }
    vm.print_exception(exc);
    if exc.class.is_subclass(&vm.exception_type(ExcKind::KeyboardInterrupt)) {
        ExitCode::from(130)
    } else {
        ExitCode::from(1)
    }
}
