//! When is what the user typed at the prompt a whole statement? CPython's rules: a simple
//! statement runs as soon as its line is complete; a compound statement (`if`, `def`, ...) waits
//! for an empty line; input that stops inside brackets, a triple-quoted string, after a
//! backslash, or before a block that must follow is incomplete (the `...` prompt); anything else
//! that fails to parse is a syntax error shown at once.

use kaa_syntax::ast::{Mod, StmtKind};
use kaa_syntax::parser::{self, Mode, ParseOptions};
use kaa_syntax::SyntaxError;

/// What the lines typed so far amount to.
#[derive(Debug)]
pub enum Chunk {
    /// Only blank lines and comments: nothing to run.
    Empty,
    /// More lines are needed.
    Incomplete,
    Complete(Mod),
    Invalid(SyntaxError),
}

/// Classifies `buffer` (the lines typed since the last `>>>`, each ending in `\n`).
pub fn classify(buffer: &str) -> Chunk {
    if buffer.lines().all(|l| matches!(l.trim_start().chars().next(), None | Some('#'))) {
        return Chunk::Empty;
    }
    let ended_by_blank_line =
        buffer.ends_with("\n\n") || buffer.rsplit('\n').nth(1).is_some_and(|l| l.trim().is_empty());
    match parser::parse(buffer, ParseOptions { mode: Mode::Single, type_comments: false }) {
        Ok(tree) => {
            if is_compound(&tree) && !ended_by_blank_line {
                Chunk::Incomplete
            } else {
                Chunk::Complete(tree)
            }
        }
        Err(e) if inside_open_construct(&e) => Chunk::Incomplete,
        // A block header still waiting for its body: an empty line ends the wait with the error.
        Err(e) if !ended_by_blank_line && stopped_at_end(&e, buffer) => Chunk::Incomplete,
        Err(e) => Chunk::Invalid(e),
    }
}

fn is_compound(tree: &Mod) -> bool {
    let Mod::Interactive { body } = tree else {
        return false;
    };
    body.iter().any(|s| {
        matches!(
            s.kind,
            StmtKind::If { .. }
                | StmtKind::For { .. }
                | StmtKind::AsyncFor { .. }
                | StmtKind::While { .. }
                | StmtKind::With { .. }
                | StmtKind::AsyncWith { .. }
                | StmtKind::Try { .. }
                | StmtKind::TryStar { .. }
                | StmtKind::FunctionDef { .. }
                | StmtKind::AsyncFunctionDef { .. }
                | StmtKind::ClassDef { .. }
                | StmtKind::Match { .. }
        )
    })
}

/// Errors that mean the input stopped inside brackets, a triple-quoted string or a line
/// continuation: more lines (even empty ones) belong to it.
fn inside_open_construct(e: &SyntaxError) -> bool {
    e.msg.ends_with("was never closed")
        || e.msg.starts_with("unterminated triple-quoted string")
        || e.msg == "unexpected EOF while parsing"
}

/// Did parsing fail at the very end of the input (where more lines would go), rather than on
/// something already typed?
fn stopped_at_end(e: &SyntaxError, buffer: &str) -> bool {
    let lines: Vec<&str> = buffer.lines().collect();
    let last_code_line = lines.iter().rposition(|l| !l.trim().is_empty()).map_or(0, |i| i + 1);
    // A decorator always waits for its definition.
    if lines.get(last_code_line.wrapping_sub(1)).is_some_and(|l| l.trim_start().starts_with('@')) {
        return true;
    }
    // Past the last line typed, or a block that must follow the last line: the parser's
    // position alone cannot tell `1 +` (wrong now) from `try: x` (waiting for `except`).
    let lineno = e.lineno as usize;
    let waits_for_block =
        e.msg.starts_with("expected an indented block") || e.msg == "expected 'except' or 'finally' block";
    let past_last_character = |l: &str| e.offset as usize > l.trim_end().chars().count();
    lineno > last_code_line
        || (lineno == last_code_line && waits_for_block && past_last_character(lines[lineno - 1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(src: &str) -> &'static str {
        match classify(src) {
            Chunk::Empty => "empty",
            Chunk::Incomplete => "incomplete",
            Chunk::Complete(_) => "complete",
            Chunk::Invalid(_) => "invalid",
        }
    }

    #[test]
    fn cpython_rules() {
        assert_eq!(kind("x = 1\n"), "complete");
        assert_eq!(kind("# note\n"), "empty");
        assert_eq!(kind("if 1:\n"), "incomplete");
        assert_eq!(kind("if 1:\n  pass\n"), "incomplete");
        assert_eq!(kind("if 1:\n  pass\n\n"), "complete");
        assert_eq!(kind("for i in range(3): i\n"), "incomplete");
        assert_eq!(kind("for i in range(3): i\n\n"), "complete");
        assert_eq!(kind("x = (1,\n"), "incomplete");
        assert_eq!(kind("x = (1,\n\n"), "incomplete");
        assert_eq!(kind("x = (1,\n2)\n"), "complete");
        assert_eq!(kind("s = '''a\n"), "incomplete");
        assert_eq!(kind("x = \\\n"), "incomplete");
        assert_eq!(kind("@dec\n"), "incomplete");
        assert_eq!(kind("try:\n  x\n"), "incomplete");
        assert_eq!(kind("if 1:\n  x\nelse:\n"), "incomplete");
        assert_eq!(kind("1 +\n"), "invalid");
        assert_eq!(kind("x = ]\n"), "invalid");
        assert_eq!(kind("'abc\n"), "invalid");
        assert_eq!(kind("def f():\n\n"), "invalid");
        assert_eq!(kind("def f():\nx = 1\n"), "invalid");
    }
}
