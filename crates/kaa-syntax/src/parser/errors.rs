//! Raising syntax errors with CPython's locations and wording.
//!
//! CPython's error macros come in a few flavours, each mirrored here:
//! `RAISE_SYNTAX_ERROR_KNOWN_LOCATION(node)` / `..._KNOWN_RANGE(a, b)` point at nodes or tokens;
//! `RAISE_SYNTAX_ERROR` / `RAISE_INDENTATION_ERROR` (no location) point at the last token read
//! (`p->tokens[p->fill-1]`); `..._STARTING_FROM(a)` runs from a node to the tokenizer's position.
//! Columns become 1-based character offsets measured on the text of the error's first line.

use super::tokens::K;
use super::{Fail, Loc, Parser};
use crate::ast::{Constant, Expr, ExprKind, Span};
use crate::error::{SyntaxError, SyntaxErrorKind};

impl<'a> Parser<'a> {
    fn ensure_line_starts(&mut self) {
        if self.line_starts.is_empty() {
            self.line_starts.push(0);
            let b = self.src.as_bytes();
            let mut i = 0;
            while i < b.len() {
                match b[i] {
                    b'\n' => self.line_starts.push(i + 1),
                    b'\r' => {
                        if b.get(i + 1) == Some(&b'\n') {
                            i += 1;
                        }
                        self.line_starts.push(i + 1);
                    }
                    _ => {}
                }
                i += 1;
            }
        }
    }

    /// Line `lineno` (1-based) of the source, without its line break, and whether it had one.
    fn line_text(&mut self, lineno: u32) -> Option<(String, bool)> {
        self.ensure_line_starts();
        let idx = (lineno as usize).checked_sub(1)?;
        let start = *self.line_starts.get(idx)?;
        if start >= self.src.len() && idx > 0 {
            return None;
        }
        let rest = &self.src[start..];
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        Some((rest[..end].to_string(), end < rest.len()))
    }

    /// Number of lines as the C tokenizer counts them (a missing final line break is added).
    fn line_count(&mut self) -> u32 {
        self.ensure_line_starts();
        let n = self.line_starts.len() as u32;
        if *self.line_starts.last().unwrap() >= self.src.len() && n > 1 {
            n - 1
        } else {
            n
        }
    }

    /// Where the C tokenizer stands at the end of input: the last line, after its line break.
    fn eof_loc(&mut self) -> (u32, i64) {
        let n = self.line_count();
        let len = match self.line_text(n) {
            Some((t, _)) => t.len() as i64 + 1,
            None => 0,
        };
        (n, len)
    }

    /// Token `i`'s location as CPython's token holds it, and for tokens without columns the
    /// tokenizer's position when it produced them (used by `RAISE_SYNTAX_ERROR`).
    pub(super) fn c_loc(&mut self, i: usize) -> Loc {
        let i = i.min(self.ts.toks.len() - 1);
        let t = self.ts.toks[i];
        match self.ts.kinds[i] {
            K::Newline => {
                // The C tokenizer starts a NEWLINE at a comment that precedes it on the line.
                let mut col = t.col as i64;
                let r = self.ts.raw[i] as usize;
                if self.fstring.is_none() && r > 0 && r < self.raw.len() {
                    let prev = self.raw[r - 1];
                    if prev.kind == crate::token::TokenKind::Comment
                        && prev.lineno == t.lineno
                        && !(i > 0 && self.ts.kinds[i - 1] == K::TypeComment)
                    {
                        col = prev.col as i64;
                    }
                }
                Loc { lineno: t.lineno, col, end_lineno: t.lineno, end_col: t.col as i64 }
            }
            K::Indent => Loc { lineno: t.lineno, col: -1, end_lineno: t.lineno, end_col: -1 },
            K::Dedent | K::EndMarker | K::TokError => {
                let lines = self.line_count();
                let line = if t.lineno > lines || self.ts.kinds[i] != K::Dedent { lines } else { t.lineno };
                Loc { lineno: line, col: -1, end_lineno: line, end_col: -1 }
            }
            _ => Loc {
                lineno: t.lineno,
                col: t.col as i64,
                end_lineno: t.end_lineno,
                end_col: t.end_col as i64,
            },
        }
    }

    /// The tokenizer's column right after producing token `i` (`tok->cur - line_start`), for
    /// tokens that have no column of their own.
    fn c_cur_col(&mut self, i: usize) -> (u32, i64) {
        let i = i.min(self.ts.toks.len() - 1);
        let t = self.ts.toks[i];
        let kind = self.ts.kinds[i];
        let lines = self.line_count();
        match kind {
            K::Indent => (t.lineno, t.end_col as i64),
            K::Dedent if t.lineno <= lines => (t.lineno, t.col as i64),
            // Reading a file, the C tokenizer's buffer is empty at the end: no column.
            _ if self.file_input => (self.line_count(), 0),
            _ => self.eof_loc(),
        }
    }

    /// `_PyPegen_raise_error_known_location`: columns are 1-based byte offsets (or 0/negative
    /// for none) and become character offsets on the line's text.
    pub(super) fn raise_raw(
        &mut self,
        kind: SyntaxErrorKind,
        msg: &str,
        lineno: u32,
        col: i64,
        end_lineno: u32,
        end_col: i64,
    ) -> Fail {
        let mut msg = msg.to_string();
        let (mut col, mut end_col) = (col, end_col);
        if let Some(fs) = self.fstring {
            msg = format!("f-string: {msg}");
            col -= fs.starting_col_offset as i64;
            end_col -= fs.starting_col_offset as i64;
        }
        let line = if self.fstring.is_some() {
            // The sub-parser's own text (the field in parentheses) is the line it shows.
            let first = self.src.lines().next().unwrap_or("").to_string();
            Some((first, true))
        } else if self.bom && lineno == 1 {
            self.line_text(lineno).map(|(t, nl)| (format!("\u{feff}{t}"), nl))
        } else {
            self.line_text(lineno)
        };
        let to_chars = |text: &str, c: i64| -> i64 {
            if c <= 0 {
                return c;
            }
            let bytes = text.as_bytes();
            let c = (c as usize).min(bytes.len() + 1);
            // Decoding c bytes: every started character counts, the NUL after the end too.
            let within = c.min(bytes.len());
            let n = bytes[..within].iter().filter(|&&b| (b & 0xC0) != 0x80).count();
            (n + (c - within)) as i64
        };
        let (offset, end_offset, text) = match &line {
            Some((t, _)) if self.byte_columns => (col, end_col, Some(format!("{t}\n"))),
            Some((t, _)) => {
                let with_nl = format!("{t}\n");
                let off = to_chars(&with_nl, col);
                let end = if end_col > 0 { to_chars(&with_nl, end_col) } else { end_col };
                (off, end, Some(with_nl))
            }
            None => (col, end_col, None),
        };
        let clamp = |v: i64| if v > 0 { v as u32 } else { 0 };
        Fail::Error(Box::new(SyntaxError {
            kind,
            msg,
            lineno,
            offset: clamp(offset),
            end_lineno,
            end_offset: clamp(end_offset),
            text,
        }))
    }

    /// `RAISE_ERROR_KNOWN_LOCATION` with byte columns as CPython's nodes and tokens hold them.
    pub(super) fn raise_loc(&mut self, kind: SyntaxErrorKind, msg: &str, loc: Loc) -> Fail {
        let c = if loc.col == -5 { -5 } else { loc.col + 1 };
        let e = if loc.end_col == -5 { self.current_end_col() } else { loc.end_col + 1 };
        self.raise_raw(kind, msg, loc.lineno, c, loc.end_lineno, e)
    }

    /// `tok->cur - line_start` after the last token read, as a 1-based byte offset source.
    fn current_end_col(&mut self) -> i64 {
        let i = (self.fill.max(1) - 1).min(self.ts.toks.len() - 1);
        let l = self.c_loc(i);
        if l.end_col < 0 {
            self.c_cur_col(i).1
        } else {
            l.end_col
        }
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_LOCATION(node)`.
    pub(super) fn raise_span(&mut self, msg: &str, s: Span) -> Fail {
        self.raise_loc(SyntaxErrorKind::SyntaxError, msg, span_loc(s))
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b)`.
    pub(super) fn raise_range(&mut self, msg: &str, a: Span, b: Span) -> Fail {
        let loc = Loc {
            lineno: a.lineno,
            col: a.col_offset as i64,
            end_lineno: b.end_lineno,
            end_col: b.end_col_offset as i64,
        };
        self.raise_loc(SyntaxErrorKind::SyntaxError, msg, loc)
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_LOCATION(token)`.
    pub(super) fn raise_token(&mut self, msg: &str, i: usize) -> Fail {
        let loc = self.c_loc(i);
        self.raise_loc(SyntaxErrorKind::SyntaxError, msg, loc)
    }

    /// `RAISE_SYNTAX_ERROR_STARTING_FROM(node)`: to where the tokenizer stands.
    pub(super) fn raise_starting_from(&mut self, msg: &str, s: Span) -> Fail {
        let end = self.current_end_col();
        let i = (self.fill.max(1) - 1).min(self.ts.toks.len() - 1);
        let end_line = self.c_loc(i).end_lineno;
        self.raise_raw(SyntaxErrorKind::SyntaxError, msg, s.lineno, s.col_offset as i64 + 1, end_line, end)
    }

    /// `RAISE_SYNTAX_ERROR(msg)`: at the last token read.
    pub(super) fn raise_here(&mut self, msg: &str) -> Fail {
        self.raise_last_token(SyntaxErrorKind::SyntaxError, msg)
    }

    /// `RAISE_INDENTATION_ERROR(msg)`: at the last token read.
    pub(super) fn raise_indent(&mut self, msg: &str) -> Fail {
        self.raise_last_token(SyntaxErrorKind::IndentationError, msg)
    }

    fn raise_last_token(&mut self, kind: SyntaxErrorKind, msg: &str) -> Fail {
        let i = (self.fill.max(1) - 1).min(self.ts.toks.len() - 1);
        let loc = self.c_loc(i);
        let (line, col) = if loc.col < 0 { self.c_cur_col(i) } else { (loc.lineno, loc.col + 1) };
        let end = if loc.end_col < 0 { -1 } else { loc.end_col + 1 };
        let end_line = if loc.col < 0 { line } else { loc.end_lineno };
        self.raise_raw(kind, msg, line, col, end_line, end)
    }

    /// The generic error at the first pass's furthest token (`_PyPegen_set_syntax_error`).
    pub(super) fn generic_error(&mut self, last: usize) -> SyntaxError {
        let last = last.min(self.ts.toks.len() - 1);
        let f = match self.ts.kinds[last] {
            K::Indent => self.raise_at_indent_token(last, "unexpected indent"),
            K::Dedent => self.raise_at_indent_token(last, "unexpected unindent"),
            _ => self.raise_token("invalid syntax", last),
        };
        match f {
            Fail::Error(e) => *e,
            Fail::NoMatch => unreachable!("raise gives an error"),
        }
    }

    fn raise_at_indent_token(&mut self, i: usize, msg: &str) -> Fail {
        let (line, col) = self.c_cur_col(i);
        self.raise_raw(SyntaxErrorKind::IndentationError, msg, line, col, line, -1)
    }

    /// Past the nesting bound (`MAX_DEPTH`). CPython stops there with MemoryError or
    /// RecursionError, which `SyntaxError` cannot carry; the message says what happened.
    pub(super) fn too_deep(&mut self) -> Fail {
        let i = self.pos.min(self.ts.toks.len() - 1);
        let t = self.ts.toks[i];
        Fail::Error(Box::new(SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: "too many nested expressions (the nesting limit is reached)".into(),
            lineno: t.lineno,
            offset: 0,
            end_lineno: t.lineno,
            end_offset: 0,
            text: None,
        }))
    }
}

pub(super) fn span_loc(s: Span) -> Loc {
    Loc {
        lineno: s.lineno,
        col: s.col_offset as i64,
        end_lineno: s.end_lineno,
        end_col: s.end_col_offset as i64,
    }
}

/// `_PyPegen_get_expr_name`: how error messages name an expression.
pub(super) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(false) => "False",
            Constant::Bool(true) => "True",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// Which kind of target a check is for (`TARGETS_TYPE`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum TargetsType {
    Star,
    Del,
    For,
}

/// `_PyPegen_get_invalid_target`: the part of an expression that cannot be a target.
pub(super) fn invalid_target(e: &Expr, tt: TargetsType) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().find_map(|x| invalid_target(x, tt))
        }
        ExprKind::Starred { value, .. } => {
            if tt == TargetsType::Del {
                Some(e)
            } else {
                invalid_target(value, tt)
            }
        }
        ExprKind::Compare { left, ops, .. } => {
            // `for x in y` parses as a comparison when looking for bad targets.
            if tt == TargetsType::For {
                if ops.first() == Some(&crate::ast::CmpOp::In) {
                    return invalid_target(left, tt);
                }
                return None;
            }
            Some(e)
        }
        ExprKind::Name { .. } | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

impl<'a> Parser<'a> {
    /// `RAISE_SYNTAX_ERROR_INVALID_TARGET`: no-op when every part is a valid target.
    pub(super) fn raise_invalid_target(&mut self, tt: TargetsType, e: &Expr) -> Result<(), Fail> {
        if let Some(bad) = invalid_target(e, tt) {
            let msg = match tt {
                TargetsType::Star | TargetsType::For => format!("cannot assign to {}", expr_name(bad)),
                TargetsType::Del => format!("cannot delete {}", expr_name(bad)),
            };
            let s = bad.span;
            return Err(self.raise_span(&msg, s));
        }
        Ok(())
    }
}
