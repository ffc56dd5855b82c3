//! String and number literals: decoding escapes, implicit concatenation, f-strings (parsed into
//! `JoinedStr`/`FormattedValue` as CPython 3.11 does), and numeric literal values.
//! (stub: being written)

use crate::ast::{Constant, Expr};
use crate::error::SyntaxError;
use crate::token::Token;

/// Parses the expression inside an f-string replacement field. Implemented by the main parser.
pub trait SubParser {
    /// `src` is the field's expression text wrapped in parentheses (`"(x + 1)"`), exactly as
    /// CPython 3.11 builds it. Nodes parsed from the first line of `src` get `starting_col_offset`
    /// added to their byte columns; lines are `starting_lineno + (line in src) - 1`.
    fn parse_fstring_expr(
        &mut self,
        src: &str,
        starting_lineno: u32,
        starting_col_offset: u32,
    ) -> Result<Expr, SyntaxError>;
}

/// The value of a NUMBER token (`Int`, `Float` or `Complex`), or CPython's error message.
pub fn parse_number(text: &str) -> Result<Constant, String> {
    let _ = text;
    Err("not written yet".into())
}

/// Parses adjacent STRING tokens (implicit concatenation) into one expression: a `Constant`
/// (`str` or `bytes`; `kind='u'` when the first piece has a `u` prefix) or a `JoinedStr`.
/// `source` is the whole decoded text the tokens index into.
pub fn parse_string_group(
    source: &str,
    tokens: &[Token],
    sub: &mut dyn SubParser,
) -> Result<Expr, SyntaxError> {
    let _ = (source, tokens, sub);
    Err(SyntaxError {
        kind: crate::SyntaxErrorKind::SyntaxError,
        msg: "strings not written yet".into(),
        lineno: 1,
        offset: 0,
        end_lineno: 1,
        end_offset: 0,
        text: None,
    })
}
