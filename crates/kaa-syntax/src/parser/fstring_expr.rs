//! The sub-parser for f-string replacement fields (CPython's `fstring_compile_expr`): the
//! field's text, wrapped in parentheses, is tokenized and parsed with the `fstring` start rule
//! (`star_expressions`), positions shifted to where the field sits in the file.

use super::strings::SubParser;
use super::{tokens, FStringCtx, Parser};
use crate::ast::Expr;
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::token::Token;

/// f-strings can only nest through quote changes, so a handful of levels is plenty; the bound
/// keeps hostile input from recursing without end.
const MAX_FSTRING_DEPTH: u32 = 200;

/// The string decoder's handle on the parser.
pub(crate) struct StringSub<'t> {
    /// The raw tokens after the string group (for placing literal errors).
    pub after: &'t [Token],
    /// How many f-string sub-parsers enclose this one.
    pub depth: u32,
    /// Set when the string group is itself inside an f-string field's sub-parser.
    pub fstring_col_offset: Option<u32>,
    /// Error columns stay in bytes (see `parse_source`).
    pub byte_columns: bool,
}

impl SubParser for StringSub<'_> {
    fn parse_fstring_expr(
        &mut self,
        src: &str,
        starting_lineno: u32,
        starting_col_offset: u32,
    ) -> Result<Expr, SyntaxError> {
        if self.depth >= MAX_FSTRING_DEPTH {
            return Err(SyntaxError {
                kind: SyntaxErrorKind::SyntaxError,
                msg: "f-string: expressions nested too deeply".into(),
                lineno: starting_lineno,
                offset: 0,
                end_lineno: starting_lineno,
                end_offset: 0,
                text: None,
            });
        }
        let tz = crate::tokenizer::tokenize_lazy(src);
        let mut raw = tz.tokens;
        let line_shift = starting_lineno.saturating_sub(1);
        for t in raw.iter_mut() {
            // CPython shifts the columns of tokens the tokenizer finishes on the first line.
            if t.end_lineno == 1 {
                t.col += starting_col_offset;
                t.end_col += starting_col_offset;
            }
            t.lineno += line_shift;
            t.end_lineno += line_shift;
        }
        let ts = tokens::build(src, &raw, tz.error, tz.unclosed, false);
        let mut p = Parser::new(src, &raw, ts, Some(FStringCtx { starting_col_offset }), self.depth + 1);
        p.byte_columns = self.byte_columns;
        p.run(|p| p.star_expressions())
    }

    fn tokens_after(&self) -> &[Token] {
        self.after
    }

    fn fstring_col_offset(&self) -> Option<u32> {
        self.fstring_col_offset
    }

    fn byte_columns(&self) -> bool {
        self.byte_columns
    }
}
