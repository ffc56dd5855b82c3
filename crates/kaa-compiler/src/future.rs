//! `from __future__ import ...` statements, checked as CPython's future.c checks them before
//! compiling: only the leading ones (after a docstring) count, and each name must be a feature
//! the language knows (`braces` is "not a chance").

use kaa_syntax::ast::{Constant, ExprKind, Mod, Span, StmtKind};
use kaa_syntax::{SyntaxError, SyntaxErrorKind};

const FEATURES: [&str; 10] = [
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// The line of the last leading future import (0 when there is none): a later one is an error
/// where it is compiled.
pub fn check(module: &Mod) -> Result<u32, SyntaxError> {
    let body = match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => body,
        _ => return Ok(0),
    };
    let docstring = matches!(
        body.first().map(|s| &s.kind),
        Some(StmtKind::Expr { value }) if matches!(value.kind, ExprKind::Constant { value: Constant::Str(_), .. })
    );
    let mut last_line = 0;
    for s in &body[usize::from(docstring)..] {
        let StmtKind::ImportFrom { module: Some(m), names, .. } = &s.kind else { break };
        if m != "__future__" {
            break;
        }
        for alias in names {
            if alias.name == "braces" {
                return Err(error("not a chance", s.span));
            }
            if !FEATURES.contains(&alias.name.as_str()) {
                return Err(error(&format!("future feature {} is not defined", alias.name), s.span));
            }
        }
        last_line = s.span.lineno;
    }
    Ok(last_line)
}

/// CPython places these at the statement's start, with no end column (end_offset None).
fn error(msg: &str, span: Span) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: msg.to_string(),
        lineno: span.lineno,
        offset: span.col_offset + 1,
        end_lineno: span.lineno,
        end_offset: 0,
        text: None,
    }
}
