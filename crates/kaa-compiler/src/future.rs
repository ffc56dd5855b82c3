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
/// where it is compiled. A future import sharing a line with the statement that ended the
/// leading ones is an error here, as in CPython 3.11's future.c.
pub fn check(module: &Mod) -> Result<u32, SyntaxError> {
    let body = match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => body,
        _ => return Ok(0),
    };
    let mut last_line = 0;
    let mut done = false;
    let mut prev_line = 0;
    for (i, s) in body.iter().enumerate() {
        if done && s.span.lineno > prev_line {
            break;
        }
        prev_line = s.span.lineno;
        match &s.kind {
            StmtKind::ImportFrom { module: Some(m), names, .. } if m == "__future__" => {
                if done {
                    let mut e =
                        error("from __future__ imports must occur at the beginning of the file", s.span);
                    e.offset = s.span.col_offset;
                    return Err(e);
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
            StmtKind::Expr { value }
                if i == 0 && matches!(value.kind, ExprKind::Constant { value: Constant::Str(_), .. }) => {}
            _ => done = true,
        }
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
