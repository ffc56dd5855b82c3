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
pub fn compile_and_run(text: &str, file: &str, dis_only: bool) -> ExitCode {
    let tree = match parser::parse(text, ParseOptions { mode: Mode::Exec, type_comments: false }) {
        Ok(t) => t,
        Err(e) => return report(&e, file),
    };
    let code = match kaa_compiler::compile_module(&tree, file) {
        Ok(c) => c,
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
    let globals = Rc::new(kaa_vm::objects::dict::DictObject::new());
    globals.set_str("__name__", kaa_vm::Value::str("__main__"));
    globals.set_str("__file__", kaa_vm::Value::str(file));
    let result = vm.run_module(code, globals);
    let _ = vm.stdout.flush();
    match result {
        Ok(_) => ExitCode::SUCCESS,
        Err(RunError::Exception(exc)) => {
            vm.print_exception(&exc);
            ExitCode::from(1)
        }
    }
}
