//! Running a program: parse, compile, then execute on the VM (or show the bytecode).

use crate::report;
use kaa_compiler::codegen::CompileError;
use kaa_syntax::parser::{self, Mode, ParseOptions};
use kaa_vm::{RunError, Vm};
use std::io::Write;
use std::process::ExitCode;
use std::rc::Rc;

/// Compiles `text` (the decoded source of `file`) and runs it as `__main__`, or prints its
/// disassembly when `dis_only`.
pub fn compile_and_run(
    src: &kaa_syntax::source::Source,
    file: &str,
    argv: &[String],
    dis_only: bool,
) -> ExitCode {
    let text = src.text.as_str();
    let tree = match parser::parse_source(src, ParseOptions { mode: Mode::Exec, type_comments: false }) {
        Ok(t) => t,
        Err(e) => return report(&e, file),
    };
    // Tracebacks and __file__ name the script by its absolute path, as CPython 3.11 does.
    let path = kaa_syntax::error_display::display_filename(file);
    let code = match kaa_compiler::compile_module_with_warnings(&tree, &path) {
        Ok((c, warnings)) => {
            // Printed the way the warnings module shows them: "file:line: Category: message"
            // and the source line.
            for w in warnings {
                eprintln!("{path}:{}: {}: {}", w.lineno, w.category, w.message);
                if let Some(line) = text.lines().nth(w.lineno.saturating_sub(1) as usize) {
                    eprintln!("  {}", line.trim());
                }
            }
            c
        }
        Err(CompileError::Syntax(mut e)) => {
            // The compiler knows positions, not text: add the source line for the caret display.
            e.text = text.lines().nth(e.lineno.saturating_sub(1) as usize).map(|l| format!("{l}\n"));
            return report(&e, file);
        }
        Err(CompileError::Unsupported { what, lineno }) => {
            eprintln!("  File \"{file}\", line {lineno}\nSystemError: Kaa cannot compile {what} yet");
            return ExitCode::from(1);
        }
    };
    if dis_only {
        print!("{}", kaa_bytecode::dis::disassemble(&code));
        return ExitCode::SUCCESS;
    }
    let mut vm = Vm::new();
    vm.argv = argv.to_vec();
    // A testing hook: the VM fuzzer bounds loops so that mutated programs always end.
    if let Some(limit) = std::env::var("KAA_STEP_LIMIT").ok().and_then(|s| s.parse::<u64>().ok()) {
        vm.loop_budget = limit.max(1);
    }
    let globals = Rc::new(kaa_vm::objects::dict::DictObject::new());
    globals.set_str("__name__", kaa_vm::Value::str("__main__"));
    globals.set_str("__file__", kaa_vm::Value::str(&path));
    let result = vm.run_module(code, globals.clone());
    let result = match result {
        // Interpreter shutdown: atexit-style finalizers, then module teardown (`__del__`).
        Ok(v) => match vm.run_exit_finalizers() {
            Ok(()) => Ok(v),
            Err(e) => Err(RunError::Exception(vm.materialize(e))),
        },
        Err(e) => Err(e),
    };
    let _ = vm.stdout.flush();
    let status = match result {
        Ok(_) => ExitCode::SUCCESS,
        Err(RunError::Exception(exc)) => exit_for_uncaught(&mut vm, &exc),
    };
    vm.finalize_at_exit(&globals);
    status
}

/// What an uncaught exception does to the process: SystemExit(code) exits with its code (a
/// non-int code is printed to stderr and exits 1); anything else prints the traceback and exits 1
/// (130 for KeyboardInterrupt).
fn exit_for_uncaught(vm: &mut Vm, exc: &std::rc::Rc<kaa_vm::exceptions::ExceptionObject>) -> ExitCode {
    use kaa_vm::exceptions::ExcKind;
    let _ = vm.stdout.flush();
    if exc.class.is_subclass(&vm.exception_type(ExcKind::SystemExit)) {
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
