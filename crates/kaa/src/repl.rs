//! The interactive prompt: `>>>`/`...`, statements compiled in CPython's `single` mode (so
//! expression values are shown through `sys.displayhook` and kept in `_`), tracebacks that
//! do not end the session, Ctrl-C and Ctrl-D as in CPython.
//!
//! On a terminal, lines are read with `rustyline` (line editing, history kept in
//! `~/.kaa_history`, tab completion from `completion.rs`); otherwise (`-i` with a pipe) lines
//! come from stdin and the prompts go to stderr, as CPython does.

use crate::cli::{Options, PYTHON_VERSION};
use crate::completion::PythonCompleter;
use crate::repl_input::{classify, Chunk};
use crate::run;
use kaa_vm::objects::dict::DictObject;
use kaa_vm::Vm;
use rustyline::error::ReadlineError;
use std::cell::RefCell;
use std::io::{BufRead, Write};
use std::process::ExitCode;
use std::rc::Rc;

const PS1: &str = ">>> ";
const PS2: &str = "... ";

/// One line of input, or why there is none.
enum Line {
    Text(String),
    Interrupted,
    End,
}

/// Where lines come from.
enum Reader {
    Terminal(Box<rustyline::Editor<PythonCompleter, rustyline::history::DefaultHistory>>),
    Pipe,
}

impl Reader {
    fn read(&mut self, prompt: &str) -> Line {
        match self {
            Reader::Terminal(editor) => match editor.readline(prompt) {
                Ok(line) => {
                    if !line.trim().is_empty() {
                        let _ = editor.add_history_entry(line.as_str());
                    }
                    Line::Text(line)
                }
                Err(ReadlineError::Interrupted) => Line::Interrupted,
                Err(_) => Line::End,
            },
            Reader::Pipe => {
                eprint!("{prompt}");
                let mut line = String::new();
                match std::io::stdin().lock().read_line(&mut line) {
                    Ok(0) | Err(_) => Line::End,
                    Ok(_) => {
                        if line.ends_with('\n') {
                            line.pop();
                        }
                        Line::Text(line)
                    }
                }
            }
        }
    }
}

fn history_file() -> Option<std::path::PathBuf> {
    std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".kaa_history"))
}

/// Runs the prompt until Ctrl-D, `exit()` or an uncaught SystemExit. `banner_and_startup` is
/// true for a session without a program (not for `-i` after one).
pub fn run(mut vm: Vm, globals: &Rc<DictObject>, opts: &Options, banner_and_startup: bool) -> ExitCode {
    let on_terminal = {
        use std::io::IsTerminal;
        std::io::stdin().is_terminal()
    };
    if banner_and_startup && opts.config.flags.quiet == 0 {
        eprintln!(
            "Kaa {} (Python {PYTHON_VERSION}, written in Rust) on {}\nType \"exit()\" or Ctrl-D to leave.",
            env!("CARGO_PKG_VERSION"),
            std::env::consts::OS
        );
    }
    if banner_and_startup {
        if let Some(path) = &opts.startup_file {
            run_startup_file(&mut vm, globals, path);
        }
    }
    let sigint = crate::sigint::Handler::install();
    let vm_cell = Rc::new(RefCell::new(vm));
    let mut reader = if on_terminal {
        match rustyline::Editor::with_config(rustyline::Config::builder().auto_add_history(false).build()) {
            Ok(mut editor) => {
                editor.set_helper(Some(PythonCompleter::new(vm_cell.clone(), globals.clone())));
                if let Some(h) = history_file() {
                    let _ = editor.load_history(&h);
                }
                Reader::Terminal(Box::new(editor))
            }
            Err(_) => Reader::Pipe,
        }
    } else {
        Reader::Pipe
    };
    let status = session(&vm_cell, globals, &mut reader);
    if let Reader::Terminal(editor) = &mut reader {
        if let Some(h) = history_file() {
            let _ = editor.save_history(&h);
        }
    }
    drop(sigint);
    status
}

fn session(vm: &Rc<RefCell<Vm>>, globals: &Rc<DictObject>, reader: &mut Reader) -> ExitCode {
    let mut buffer = String::new();
    loop {
        let prompt = if buffer.is_empty() { PS1 } else { PS2 };
        match reader.read(prompt) {
            Line::Text(line) => {
                buffer.push_str(&line);
                buffer.push('\n');
            }
            Line::Interrupted => {
                eprintln!("\nKeyboardInterrupt");
                buffer.clear();
                continue;
            }
            Line::End => {
                eprintln!();
                return ExitCode::SUCCESS;
            }
        }
        let tree = match classify(&buffer) {
            Chunk::Incomplete => continue,
            Chunk::Empty => {
                buffer.clear();
                continue;
            }
            Chunk::Invalid(e) => {
                let _ = vm.borrow_mut().stdout.flush();
                run::report_syntax_error(&e, "<stdin>");
                buffer.clear();
                continue;
            }
            Chunk::Complete(tree) => tree,
        };
        let text = std::mem::take(&mut buffer);
        let Ok(code) = run::compile_tree(&tree, &text, "<stdin>") else {
            continue;
        };
        kaa_vm::interrupt::clear();
        let mut vm = vm.borrow_mut();
        if let Err(exc) = run::execute(&mut vm, code, globals.clone()) {
            if run::is_system_exit(&vm, &exc) {
                return run::exit_for_uncaught(&mut vm, &exc);
            }
            vm.print_exception(&exc);
        }
    }
}

/// `PYTHONSTARTUP`: the file runs in `__main__` before the first prompt; its errors are
/// shown and the session goes on.
fn run_startup_file(vm: &mut Vm, globals: &Rc<DictObject>, path: &str) {
    let Ok(bytes) = std::fs::read(path) else {
        eprintln!("Could not open PYTHONSTARTUP");
        return;
    };
    let src = match kaa_syntax::source::decode(&bytes, path) {
        Ok(s) => s,
        Err(e) => return run::report_syntax_error(&e, path),
    };
    if let Ok(code) = run::compile(&src, path, kaa_syntax::parser::Mode::Exec) {
        if let Err(exc) = run::execute(vm, code, globals.clone()) {
            vm.print_exception(&exc);
        }
    }
}
