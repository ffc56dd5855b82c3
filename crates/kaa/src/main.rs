//! The `kaa` command. (Early: shows the front end's stages.)

use kaa_syntax::parser::{self, Mode, ParseOptions};
use kaa_syntax::{source, token_dump, tokenizer, SyntaxError};
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!("usage: kaa [--tokens | --ast [-a|--include-attributes]] FILE");
    ExitCode::from(2)
}

fn report(err: &SyntaxError, filename: &str) -> ExitCode {
    eprintln!("  File \"{filename}\", line {}\n{}: {}", err.lineno, err.kind.name(), err.msg);
    ExitCode::from(1)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut stage = None;
    let mut attrs = false;
    let mut file = None;
    for a in &args {
        match a.as_str() {
            "--tokens" | "--ast" => stage = Some(a.clone()),
            "-a" | "--include-attributes" => attrs = true,
            _ if file.is_none() => file = Some(a.clone()),
            _ => return usage(),
        }
    }
    let (Some(stage), Some(file)) = (stage, file) else {
        return usage();
    };
    let bytes = match std::fs::read(&file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("kaa: can't open file '{file}': {e}");
            return ExitCode::from(2);
        }
    };
    let src = match source::decode(&bytes, &file) {
        Ok(s) => s,
        Err(e) => return report(&e, &file),
    };
    if stage == "--tokens" {
        match tokenizer::tokenize(&src.text) {
            Ok(toks) => print!("{}", token_dump::format_tokens(&src.text, &src.encoding, &toks)),
            Err(e) => return report(&e, &file),
        }
    } else {
        match parser::parse(&src.text, ParseOptions { mode: Mode::Exec, type_comments: true }) {
            Ok(tree) => println!("{}", kaa_syntax::ast::dump(&tree, Some(3), attrs)),
            Err(e) => return report(&e, &file),
        }
    }
    ExitCode::SUCCESS
}
