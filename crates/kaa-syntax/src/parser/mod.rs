//! The parser: tokens → AST, a hand-written recursive descent parser for Python 3.11's grammar.
//!
//! It follows CPython's PEG grammar (Grammar/python.gram) rule for rule where that decides the
//! tree, but parses deterministically: one token of lookahead picks the alternative almost
//! everywhere, and assignment targets are parsed as expressions and then checked and converted.
//!
//! Errors are found as CPython finds them. A first pass parses without the grammar's `invalid_*`
//! rules; if it fails, a second pass runs with them (`call_invalid`), and the first of them that
//! matches raises its targeted message. If none does, the error is the generic `invalid syntax`
//! at the furthest token the first pass looked at (`fill`, as CPython's token buffer).
//!
//! Map: `tokens` (the token stream the grammar reads), `errors` (raising errors with CPython's
//! locations), `expr`, `args` (call arguments), `params` (function and lambda parameters),
//! `targets` (assignment, `for`, `with` and `del` targets), `stmt`, `pattern` (`match`),
//! `invalid` (the second pass's rules), `fstring_expr` (the sub-parser for f-string fields).

pub mod strings;

mod args;
mod errors;
mod expr;
mod fstring_expr;
mod invalid;
mod params;
mod pattern;
mod stmt;
mod targets;
#[cfg(test)]
mod tests;
mod tokens;

use crate::ast::{Expr, ExprKind, Mod, Span, TypeIgnore};
use crate::error::SyntaxError;
use crate::token::{Op, Token};
use std::collections::HashMap;
use tokens::{Kw, TokStream, K};

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
    parse_text(text, options, false, None)
}

/// Parses a decoded file. CPython 3.11 keeps error columns in bytes (offset = byte column + 1)
/// when the file declares no encoding (no coding cookie, no BOM); this reproduces that.
pub fn parse_source(src: &crate::source::Source, options: ParseOptions) -> Result<Mod, SyntaxError> {
    parse_text(&src.text, options, !src.encoding_declared, Some(src.encoding == "utf-8-sig"))
}

/// `file`: `Some(has_bom)` when the text comes from a file.
fn parse_text(
    text: &str,
    options: ParseOptions,
    byte_columns: bool,
    file: Option<bool>,
) -> Result<Mod, SyntaxError> {
    let tz = crate::tokenizer::tokenize_lazy_with(text, crate::tokenizer::Options { byte_columns });
    let ts = tokens::build(text, &tz.tokens, tz.error, tz.unclosed, options.type_comments);
    let mut p = Parser::new(text, &tz.tokens, ts, None, 0);
    p.byte_columns = byte_columns;
    p.file_input = file.is_some();
    p.bom = file == Some(true);
    let mode = options.mode;
    p.run(|p| p.start(mode))
}

/// Why a rule did not produce a node.
pub(crate) enum Fail {
    /// The rule does not match here (PEG failure); an enclosing rule may try something else.
    NoMatch,
    /// A syntax error was raised; parsing stops.
    Error(Box<SyntaxError>),
}

pub(crate) type PResult<T> = Result<T, Fail>;

/// How deeply nodes may nest. CPython's parser gives up past 6000 nested rule calls
/// (MemoryError), and turning a tree deeper than about 3000 nodes into Python objects or code
/// fails (RecursionError); whatever CPython can hand out as an AST fits under this bound, which
/// keeps every later recursive pass over the tree (dump, compiler, drop) on safe ground.
/// Left-associative chains (`a + b + ...`, `a.b.c...`) count too, though they are parsed in loops.
pub(crate) const MAX_DEPTH: u32 = 3200;

/// Memoized rules of the second pass (CPython memoizes these, which keeps its invalid-rule
/// backtracking linear).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Memo {
    Expression,
    Disjunction,
    BitwiseOr,
    StarExpressions,
    InvalidNamed,
}

/// The f-string sub-parser's settings (CPython's `Py_fstring_input` parser).
#[derive(Clone, Copy)]
pub(crate) struct FStringCtx {
    pub starting_col_offset: u32,
}

pub(crate) struct Parser<'a> {
    src: &'a str,
    /// The tokenizer's stream (COMMENT and NL included), for the string decoder's error placing.
    raw: &'a [Token],
    ts: TokStream,
    pos: usize,
    /// One past the furthest token looked at, over both passes (CPython's `p->fill`).
    fill: usize,
    /// Second pass: the `invalid_*` rules are active.
    call_invalid: bool,
    /// The second pass is running (memoization is on, as in CPython, for the whole pass).
    pass2: bool,
    /// Memoization is on in the first pass too (while an unguarded invalid rule re-reads what
    /// just failed: without it, nested failures would be re-read exponentially often).
    memo_on: u32,
    /// Rule nesting, bounded by `MAX_DEPTH`.
    depth: u32,
    memo: HashMap<(Memo, u32), Option<(Expr, u32)>>,
    fstring: Option<FStringCtx>,
    /// Nesting of f-string sub-parsers, to bound recursion through nested f-strings.
    fstring_depth: u32,
    /// Byte offset where each line starts (built when an error needs it).
    line_starts: Vec<usize>,
    /// Error columns stay in bytes (a file without a declared encoding).
    byte_columns: bool,
    /// The source is a file (CPython's file tokenizer has no column at end of input).
    file_input: bool,
    /// The file starts with a UTF-8 BOM, which CPython keeps in the text of line 1's errors.
    bom: bool,
}

/// A position where an error points, as CPython's tokens carry it: byte columns, `-1` for
/// tokens without one (INDENT, DEDENT, ENDMARKER).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Loc {
    pub lineno: u32,
    pub col: i64,
    pub end_lineno: u32,
    pub end_col: i64,
}

impl<'a> Parser<'a> {
    pub(crate) fn new(
        src: &'a str,
        raw: &'a [Token],
        ts: TokStream,
        fstring: Option<FStringCtx>,
        fstring_depth: u32,
    ) -> Parser<'a> {
        Parser {
            src,
            raw,
            ts,
            pos: 0,
            fill: 0,
            call_invalid: false,
            pass2: false,
            memo_on: 0,
            depth: 0,
            memo: HashMap::new(),
            fstring,
            fstring_depth,
            line_starts: Vec::new(),
            byte_columns: false,
            file_input: false,
            bom: false,
        }
    }

    /// Runs `rule` as CPython's `_PyPegen_run_parser` does: a first pass, then on failure a
    /// second pass with the invalid rules, then the generic error.
    pub(crate) fn run<T>(&mut self, rule: impl Fn(&mut Self) -> PResult<T>) -> Result<T, SyntaxError> {
        let err = match rule(self) {
            Ok(v) => return Ok(v),
            Err(Fail::Error(e)) => *e,
            Err(Fail::NoMatch) => {
                let last = self.fill.max(1) - 1;
                if self.tokenizer_error_fetched() {
                    return Err(self.ts.error.clone().unwrap());
                }
                self.pos = 0;
                self.depth = 0;
                self.call_invalid = true;
                self.pass2 = true;
                self.memo.clear();
                match rule(self) {
                    Err(Fail::Error(e)) => *e,
                    _ => {
                        let e = self.generic_error(last);
                        // "unexpected indent" is final: CPython skips its scan of the rest of
                        // the source for tokenizer errors there.
                        if matches!(self.ts.kinds[last.min(self.ts.kinds.len() - 1)], K::Indent | K::Dedent) {
                            return Err(e);
                        }
                        e
                    }
                }
            }
        };
        Err(self.final_error(err))
    }

    /// CPython reads tokens lazily: an error of the tokenizer is raised when the parser reads the
    /// bad spot, and a later one that the tokenizer raises on the spot still replaces a parser
    /// error (CPython tokenizes the rest of the source before reporting).
    fn final_error(&mut self, err: SyntaxError) -> SyntaxError {
        let Some(te) = self.ts.error.clone() else { return err };
        if self.tokenizer_error_fetched() {
            return te;
        }
        if self.fstring.is_some() {
            return err;
        }
        if !tokens::is_deferred_tokenizer_error(&te.msg) {
            return te;
        }
        // The final scan stopped on an error the tokenizer only records; with a bracket still
        // open from a line before the parser's furthest token, that bracket is the error.
        if let Some(u) = self.ts.unclosed.clone() {
            let t = (self.fill.max(1) - 1).min(self.ts.toks.len() - 1);
            if self.c_loc(t).lineno > u.lineno {
                return u;
            }
        }
        err
    }

    fn tokenizer_error_fetched(&self) -> bool {
        self.ts.error.is_some() && self.fill >= self.ts.kinds.len()
    }

    /// The start rule for `mode`.
    fn start(&mut self, mode: Mode) -> PResult<Mod> {
        match mode {
            Mode::Exec => {
                let body = self.file()?;
                let type_ignores = self
                    .ts
                    .type_ignores
                    .iter()
                    .map(|(line, tag)| TypeIgnore { lineno: *line as i64, tag: tag.clone() })
                    .collect();
                Ok(Mod::Module { body, type_ignores })
            }
            Mode::Eval => {
                let body = self.expressions()?;
                while self.eat(K::Newline) {}
                self.expect(K::EndMarker)?;
                Ok(Mod::Expression { body: Box::new(body) })
            }
            Mode::Single => {
                let body = self.interactive()?;
                Ok(Mod::Interactive { body })
            }
            Mode::FuncType => self.func_type(),
        }
    }

    // ----- token access -----

    /// The kind of token `i`, marking it as read (CPython fetches tokens as rules look at them).
    #[inline]
    fn kind_at(&mut self, i: usize) -> K {
        let n = self.ts.kinds.len();
        let i = if i < n { i } else { n - 1 };
        if i >= self.fill {
            self.fill = i + 1;
        }
        self.ts.kinds[i]
    }

    /// The kind of the current token.
    #[inline]
    fn cur(&mut self) -> K {
        self.kind_at(self.pos)
    }

    /// The kind of the token after the current one.
    #[inline]
    fn peek2(&mut self) -> K {
        self.kind_at(self.pos + 1)
    }

    #[inline]
    fn at(&mut self, k: K) -> bool {
        self.cur() == k
    }

    #[inline]
    fn at_op(&mut self, op: Op) -> bool {
        self.cur() == K::Op(op)
    }

    #[inline]
    fn at_kw(&mut self, kw: Kw) -> bool {
        self.cur() == K::Kw(kw)
    }

    #[inline]
    fn eat(&mut self, k: K) -> bool {
        if self.cur() == k {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    #[inline]
    fn eat_op(&mut self, op: Op) -> bool {
        self.eat(K::Op(op))
    }

    #[inline]
    fn eat_kw(&mut self, kw: Kw) -> bool {
        self.eat(K::Kw(kw))
    }

    /// Consumes a token of kind `k` or fails to match.
    #[inline]
    fn expect(&mut self, k: K) -> PResult<usize> {
        if self.cur() == k {
            self.pos += 1;
            Ok(self.pos - 1)
        } else {
            Err(Fail::NoMatch)
        }
    }

    #[inline]
    fn expect_op(&mut self, op: Op) -> PResult<usize> {
        self.expect(K::Op(op))
    }

    #[inline]
    fn expect_kw(&mut self, kw: Kw) -> PResult<usize> {
        self.expect(K::Kw(kw))
    }

    /// Consumes the current token.
    #[inline]
    fn bump(&mut self) -> usize {
        self.pos += 1;
        self.pos - 1
    }

    /// The source text of token `i`.
    #[inline]
    fn text(&self, i: usize) -> &'a str {
        let t = &self.ts.toks[i.min(self.ts.toks.len() - 1)];
        self.src.get(t.start as usize..t.end as usize).unwrap_or("")
    }

    /// Is token `i` the NAME `word` (a soft keyword)?
    #[inline]
    fn is_name(&mut self, i: usize, word: &str) -> bool {
        self.kind_at(i) == K::Name && self.text(i) == word
    }

    /// Is token `i` a soft keyword?
    fn is_soft_keyword(&mut self, i: usize) -> bool {
        self.kind_at(i) == K::Name && matches!(self.text(i), "match" | "case" | "_")
    }

    /// An identifier's value: NFKC-normalized when not ASCII, as CPython's `_PyPegen_new_identifier`.
    fn ident(&self, i: usize) -> String {
        let t = self.text(i);
        if t.is_ascii() {
            t.to_string()
        } else {
            use unicode_normalization::UnicodeNormalization;
            t.nfkc().collect()
        }
    }

    // ----- positions -----

    /// Start of token `i` as (line, byte column).
    #[inline]
    fn start_of(&self, i: usize) -> (u32, u32) {
        let t = &self.ts.toks[i.min(self.ts.toks.len() - 1)];
        (t.lineno, t.col)
    }

    /// End of the last token consumed that is not NEWLINE/INDENT/DEDENT/ENDMARKER
    /// (`_PyPegen_get_last_nonnwhitespace_token`), which ends every node.
    #[inline]
    fn prev_end(&self) -> (u32, u32) {
        let mut m = self.pos;
        while m > 0 {
            m -= 1;
            if !self.ts.kinds[m].is_whitespace() {
                break;
            }
        }
        let t = &self.ts.toks[m];
        (t.end_lineno, t.end_col)
    }

    /// The span of a node that started at token `start` and ends with the last token consumed.
    #[inline]
    fn span_from(&self, start: usize) -> Span {
        let (l, c) = self.start_of(start);
        let (el, ec) = self.prev_end();
        Span { lineno: l, col_offset: c, end_lineno: el, end_col_offset: ec }
    }

    /// The span of token `i` alone.
    #[inline]
    fn tok_span(&self, i: usize) -> Span {
        let t = &self.ts.toks[i.min(self.ts.toks.len() - 1)];
        Span { lineno: t.lineno, col_offset: t.col, end_lineno: t.end_lineno, end_col_offset: t.end_col }
    }

    // ----- recursion bound -----

    /// Enters a nested rule; past CPython's limit the parse stops with an error.
    #[inline]
    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.too_deep());
        }
        Ok(())
    }

    #[inline]
    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// A chain built in a loop has grown to `len` nodes below the current nesting.
    #[inline]
    fn check_chain(&mut self, len: u32) -> PResult<()> {
        if self.depth + len > MAX_DEPTH {
            return Err(self.too_deep());
        }
        Ok(())
    }

    // ----- backtracking -----

    /// Tries `f`; on no-match restores the position and gives `None`. Errors propagate.
    #[inline]
    fn attempt<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<Option<T>> {
        let save = self.pos;
        let depth = self.depth;
        match f(self) {
            Ok(v) => Ok(Some(v)),
            Err(Fail::NoMatch) => {
                self.pos = save;
                self.depth = depth;
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// Does `f` match here? Never consumes (a PEG lookahead).
    fn lookahead(&mut self, f: impl FnOnce(&mut Self) -> PResult<()>) -> PResult<bool> {
        let save = self.pos;
        let r = self.attempt(f)?;
        self.pos = save;
        Ok(r.is_some())
    }

    /// Memoizes `f` at the current position during the second pass.
    fn memoized(&mut self, m: Memo, f: impl FnOnce(&mut Self) -> PResult<Expr>) -> PResult<Expr> {
        if !self.pass2 && self.memo_on == 0 {
            return f(self);
        }
        let key = (m, self.pos as u32);
        if let Some(v) = self.memo.get(&key) {
            return match v {
                Some((e, end)) => {
                    let e = e.clone();
                    self.pos = *end as usize;
                    Ok(e)
                }
                None => Err(Fail::NoMatch),
            };
        }
        let r = f(self);
        match &r {
            Ok(e) => {
                self.memo.insert(key, Some((e.clone(), self.pos as u32)));
            }
            Err(Fail::NoMatch) => {
                self.memo.insert(key, None);
            }
            Err(_) => {}
        }
        r
    }
}

/// Builds an expression node.
#[inline]
pub(crate) fn mk(kind: ExprKind, span: Span) -> Expr {
    Expr { kind, span }
}
