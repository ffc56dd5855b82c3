//! The parser: tokens → AST, a hand-written recursive descent parser for Python 3.11's grammar.
//! (stub: being written)

pub mod strings;

use crate::ast::Mod;
use crate::error::SyntaxError;

/// What the source is parsed as, as in `compile(..., mode)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Exec,
    Eval,
    Single,
    FuncType,
}

#[derive(Clone, Copy, Debug)]
pub struct ParseOptions {
    pub mode: Mode,
    /// Recognise `# type:` comments (`ast.parse(..., type_comments=True)`, as `python -m ast` does).
    pub type_comments: bool,
}

/// Parses decoded source text.
pub fn parse(text: &str, options: ParseOptions) -> Result<Mod, SyntaxError> {
    let _ = (text, options);
    Err(SyntaxError {
        kind: crate::SyntaxErrorKind::SyntaxError,
        msg: "parser not written yet".into(),
        lineno: 1,
        offset: 0,
        end_lineno: 1,
        end_offset: 0,
        text: None,
    })
}
