//! The `kaa` command: runs a Python file, or shows one stage of the pipeline (`--tokens`, `--ast`,
//! `--dis`).

use kaa_syntax::error_display::display_filename;
use kaa_syntax::parser::{self, Mode, ParseOptions};
use kaa_syntax::{source, token_dump, SyntaxError};
use std::io::Write;
use std::process::ExitCode;

mod run;

/// Stack size of the thread the front end runs on. The parser is recursive descent, so a deeply
/// nested program needs a deep stack; CPython itself gives up at 200 nested parentheses (tokenizer)
/// or its parser's recursion limit, far below what this allows. The fuzzer
/// (crates/kaa-syntax/examples/fuzz) uses the same size, so it tests what the CLI runs.
const FRONT_END_STACK: usize = 256 << 20;

fn usage() -> ExitCode {
    eprintln!("usage: kaa [-B] [-v] [--tokens | --ast [-a|--include-attributes] | --dis] FILE\n       kaa --compile PATH...");
    ExitCode::from(2)
}

/// Prints a syntax error exactly as `python3 FILE` does for an uncaught one, and fails.
pub(crate) fn report(err: &SyntaxError, filename: &str) -> ExitCode {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(err.render(&display_filename(filename)).as_bytes());
    let _ = stderr.flush();
    ExitCode::from(1)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut stage = None;
    let mut attrs = false;
    let mut file = None;
    let mut script_args = Vec::new();
    for a in &args {
        if file.is_some() {
            // Everything after the script belongs to the script (sys.argv[1:]).
            script_args.push(a.clone());
            continue;
        }
        match a.as_str() {
            "--tokens" | "--ast" | "--dis" => stage = Some(a.clone()),
            "-a" | "--include-attributes" => attrs = true,
            // Import-system switches travel as their environment variables (read by the VM).
            "-B" => std::env::set_var("PYTHONDONTWRITEBYTECODE", "1"),
            "-v" => std::env::set_var("KAA_DEBUG_IMPORT", "1"),
            "--compile" => {
                return compile(&args[args.iter().position(|x| x == "--compile").unwrap_or(0) + 1..])
            }
            _ => file = Some(a.clone()),
        }
    }
    let Some(file) = file else {
        return usage();
    };
    let argv: Vec<String> = std::iter::once(file.clone()).chain(script_args).collect();
    let stage = stage.unwrap_or_else(|| "run".to_string());
    let bytes = match std::fs::read(&file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("kaa: can't open file '{file}': {e}");
            return ExitCode::from(2);
        }
    };
    let worker = std::thread::Builder::new()
        .name("front-end".into())
        .stack_size(FRONT_END_STACK)
        .spawn(move || front_end(&stage, &file, &argv, &bytes, attrs));
    match worker.map(|w| w.join()) {
        Ok(Ok(code)) => code,
        Ok(Err(_)) => ExitCode::from(70), // the panic message is already on stderr
        Err(e) => {
            eprintln!("kaa: cannot start the front-end thread: {e}");
            ExitCode::from(71)
        }
    }
}

/// `kaa --compile PATH…`: fills the bytecode cache for every `.py` file under the paths.
fn compile(paths: &[String]) -> ExitCode {
    if paths.is_empty() {
        eprintln!("usage: kaa --compile PATH...");
        return ExitCode::from(2);
    }
    let config = kaa_vm::import::ImportConfig::from_env();
    ExitCode::from(kaa_vm::import::compileall::compile_paths(paths, &config) as u8)
}

/// Runs the stage `stage` on the file's bytes and prints its output (or the syntax error).
fn front_end(stage: &str, file: &str, argv: &[String], bytes: &[u8], attrs: bool) -> ExitCode {
    let src = match source::decode(bytes, &display_filename(file)) {
        Ok(s) => s,
        Err(e) => return report(&e, file),
    };
    if stage == "run" || stage == "--dis" {
        return run::compile_and_run(&src, file, argv, stage == "--dis");
    }
    let out = if stage == "--tokens" {
        match token_dump::tokenize_listing(&src.text, &src.encoding, file) {
            Ok(listing) => listing,
            Err(msg) => {
                eprintln!("{msg}");
                return ExitCode::from(1);
            }
        }
    } else {
        // parse_source keeps CPython's file-reading quirks in error positions (byte columns
        // without an encoding declaration, BOM lines).
        match parser::parse_source(&src, ParseOptions { mode: Mode::Exec, type_comments: true }) {
            Ok(tree) => match kaa_syntax::ast::try_dump(&tree, Some(3), attrs) {
                Ok(text) => text + "\n",
                Err(msg) => {
                    // CPython's `-m ast` fails in repr() with a ValueError here.
                    eprintln!("{msg}");
                    return ExitCode::from(1);
                }
            },
            Err(e) => return report(&e, file),
        }
    };
    let mut stdout = std::io::stdout().lock();
    if stdout.write_all(out.as_bytes()).and_then(|_| stdout.flush()).is_err() {
        return ExitCode::from(120);
    }
    ExitCode::SUCCESS
}
