//! `kaa --trace FILE`: runs the program, printing every executed instruction to stderr (see
//! `kaa_vm::trace` for the line format) interleaved in order with the program's own output.
//! `--trace-limit N` stops tracing after N instructions (default 10000; 0 for no limit) and
//! lets the program finish untraced.

use crate::cli::Options;
use crate::{run, Loaded};
use kaa_syntax::parser::Mode;
use kaa_vm::trace::Tracer;
use std::io::Write;
use std::process::ExitCode;

const DEFAULT_LIMIT: u64 = 10_000;

pub fn run(
    opts: &Options,
    loaded: &Loaded,
    src: &kaa_syntax::source::Source,
    limit: Option<u64>,
) -> ExitCode {
    let code = match run::compile(src, &loaded.filename, Mode::Exec, opts.config.flags.optimize) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let limit = match limit.unwrap_or(DEFAULT_LIMIT) {
        0 => None,
        n => Some(n),
    };
    let mut out = std::io::LineWriter::new(std::io::stderr());
    let _ = writeln!(
        out,
        "# kaa --trace: file:line, function, instruction index, instruction, value stack before it (top last)"
    );
    let mut vm = run::new_vm(opts, &loaded.argv0);
    vm.tracer = Some(Box::new(Tracer::new(limit, Box::new(out))));
    let globals = run::main_globals(loaded.file.as_deref());
    let result = run::execute(&mut vm, code, globals);
    let traced = vm.tracer.take().map(|t| t.count);
    if let Some(n) = traced {
        eprintln!("# {n} instructions traced");
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(exc) => run::exit_for_uncaught(&mut vm, &exc),
    }
}
