//! `kaa --explain FILE`: walks one program through every stage in order — the bytes loaded and
//! their encoding, the tokens, the syntax tree, the bytecode, then the run and its output — saying
//! what each stage did and how long it took. Meant to be read by someone learning how Python runs
//! a program; long listings are cut (the `--tokens`, `--ast` and `--dis` options show them whole).

use crate::cli::Options;
use crate::{run, Loaded};
use kaa_syntax::parser::{self, Mode, ParseOptions};
use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Lines of each listing shown before it is cut.
const LISTING_LINES: usize = 40;

fn heading(n: u32, title: &str, what: &str) {
    println!("\n=== {n}. {title} ===");
    for line in what.lines() {
        println!("  {line}");
    }
    println!();
}

fn listing(text: &str, full_option: &str) {
    let lines: Vec<&str> = text.lines().collect();
    for line in lines.iter().take(LISTING_LINES) {
        println!("    {}", line.trim_end());
    }
    if lines.len() > LISTING_LINES {
        println!(
            "    ... {} more lines (kaa {full_option} FILE shows them all)",
            lines.len() - LISTING_LINES
        );
    }
}

fn ms(d: Duration) -> String {
    let micros = d.as_secs_f64() * 1e6;
    if micros < 1000.0 {
        format!("{micros:.1} µs")
    } else {
        format!("{:.2} ms", micros / 1000.0)
    }
}

/// Code objects and instructions in a compiled module, nested functions included.
fn count_code(code: &kaa_bytecode::CodeObject) -> (usize, usize) {
    let mut totals = (1, code.instructions.len());
    for c in &code.consts {
        if let kaa_bytecode::ConstValue::Code(inner) = c {
            let (objects, instructions) = count_code(inner);
            totals.0 += objects;
            totals.1 += instructions;
        }
    }
    totals
}

pub fn run(opts: &Options, loaded: &Loaded, src: &kaa_syntax::source::Source) -> ExitCode {
    let mut times: Vec<(&str, Duration)> = Vec::new();
    let name = loaded.argv0.as_str();
    println!("kaa --explain {name}: how Kaa runs this program, stage by stage.");

    // 1. Load. (The bytes were read and decoded before this function; decoding again is cheap
    // and lets the time be shown.)
    let started = Instant::now();
    let decoded = kaa_syntax::source::decode(&loaded.bytes, &loaded.filename);
    times.push(("load and decode", started.elapsed()));
    heading(
        1,
        "Load",
        "The file is read as bytes, then decoded to text. Python source is UTF-8 unless a\n\
         '# -*- coding: ... -*-' comment on the first two lines names another encoding.",
    );
    let lines = src.text.lines().count();
    println!(
        "    {} bytes, {} characters, {lines} line{}; encoding {} ({})",
        loaded.bytes.len(),
        src.text.chars().count(),
        if lines == 1 { "" } else { "s" },
        src.encoding,
        if src.encoding_declared { "declared in the file" } else { "the default" }
    );
    println!("    decoded in {}", ms(times[0].1));
    if decoded.is_err() {
        return ExitCode::from(1);
    }

    // 2. Tokens.
    let started = Instant::now();
    let tokens = kaa_syntax::token_dump::tokenize_listing(&src.text, &src.encoding, name);
    times.push(("tokenize", started.elapsed()));
    heading(
        2,
        "Tokens",
        "The tokenizer cuts the text into tokens: names, operators, numbers, strings, and the\n\
         NEWLINE / INDENT / DEDENT tokens that carry Python's line and indentation structure.\n\
         Each line: position (line,column-line,column), token type, the text.",
    );
    match &tokens {
        Ok(text) => {
            println!("    {} tokens in {}", text.lines().count(), ms(times[1].1));
            listing(text, "--tokens");
        }
        Err(msg) => println!("    {msg}"),
    }

    // 3. Syntax tree.
    let started = Instant::now();
    let tree = parser::parse_source(src, ParseOptions { mode: Mode::Exec, type_comments: false });
    times.push(("parse", started.elapsed()));
    heading(
        3,
        "Syntax tree (AST)",
        "The parser reads the tokens by Python's grammar and builds a tree of statements and\n\
         expressions, the same tree Python's `ast` module shows.",
    );
    let tree = match tree {
        Ok(t) => t,
        Err(e) => {
            println!("    the parser stopped with a syntax error:");
            let _ = std::io::stdout().flush();
            run::report_syntax_error(&e, &loaded.filename);
            return ExitCode::from(1);
        }
    };
    let dump = kaa_syntax::ast::try_dump(&tree, Some(2), false).unwrap_or_else(|msg| msg);
    println!("    parsed in {}", ms(times[2].1));
    listing(&dump, "--ast");

    // 4. Bytecode.
    let started = Instant::now();
    let _ = std::io::stdout().flush();
    let code = run::compile_tree(&tree, &src.text, &loaded.filename, opts.config.flags.optimize);
    times.push(("compile", started.elapsed()));
    heading(
        4,
        "Bytecode",
        "The compiler works out each name's scope (local, global, closure) and turns the tree\n\
         into instructions for Kaa's virtual machine: a stack machine, like CPython's. Functions\n\
         get code objects of their own. Columns: line, instruction index, instruction, argument.\n\
         The main script is compiled afresh on every run and never cached (CPython does the same;\n\
         only imported modules get a cache).",
    );
    let code = match code {
        Ok(c) => c,
        Err(status) => return status,
    };
    let dis = kaa_bytecode::dis::disassemble(&code);
    let (objects, instructions) = count_code(&code);
    println!(
        "    {objects} code object{}, {instructions} instructions, compiled in {}",
        if objects == 1 { "" } else { "s" },
        ms(times[3].1)
    );
    listing(&dis, "--dis");

    // 5. Run.
    heading(
        5,
        "Run",
        "The virtual machine executes the instructions (kaa --trace FILE shows each one as it\n\
         runs). What the program prints comes next, between the lines.",
    );
    println!("    ---- program output ----");
    let _ = std::io::stdout().flush();
    let mut vm = run::new_vm(opts, &loaded.argv0);
    let globals = run::main_globals(loaded.file.as_deref());
    let started = Instant::now();
    let result = run::execute(&mut vm, code, globals);
    let ran = started.elapsed();
    times.push(("run", ran));
    let status = match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(exc) => run::exit_for_uncaught(&mut vm, &exc),
    };
    let _ = vm.stdout.flush();
    println!("    ---- end of program output ----");
    println!("    ran in {}", ms(ran));

    println!("\n=== Time per stage ===");
    let total: Duration = times.iter().map(|(_, d)| *d).sum();
    for (stage, d) in &times {
        println!("    {stage:<16} {:>12}", ms(*d));
    }
    println!("    {:<16} {:>12}", "total", ms(total));
    status
}
