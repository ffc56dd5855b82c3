//! Call arguments: `f(a, *b, c=d, **e)`, a generator expression as the sole argument, and the
//! argument list of a class definition.
//!
//! CPython's `args` rule reads positional items first (`*x` included), then keyword items in
//! which `*x` may appear until the first `**x`. It stops, without failing, at the first item
//! that does not fit; `arguments` then needs `[','] ')'`. The second pass's
//! `invalid_arguments` re-reads that prefix to explain what went wrong.

use super::expr::starts_expression;
use super::tokens::{Kw, K};
use super::{mk, Fail, PResult, Parser};
use crate::ast::{Expr, ExprKind, Keyword};
use crate::token::Op;

/// What `args` read: positional arguments (starred ones included, in order) and keywords.
pub(super) struct ArgList {
    pub args: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    /// The keyword section (`kwargs`) matched.
    pub has_kwargs: bool,
}

impl<'a> Parser<'a> {
    /// The `(...)` of a call: `primary genexp | primary '(' [arguments] ')'`.
    pub(super) fn call_trailer(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        if self.call_invalid {
            return self.call_trailer_checked();
        }
        let lpar = self.bump();
        if self.eat_op(Op::Rpar) {
            return Ok((vec![], vec![]));
        }
        let k = self.cur();
        let mut first = None;
        if !(k == K::Op(Op::Star)
            || k == K::Op(Op::DoubleStar)
            || (k == K::Name && self.peek2() == K::Op(Op::Equal)))
        {
            let e = self.genexp_element()?;
            if matches!(self.cur(), K::Kw(Kw::For | Kw::Async)) {
                let generators = self.for_if_clauses()?;
                self.expect_op(Op::Rpar)?;
                let g = mk(ExprKind::GeneratorExp { elt: Box::new(e), generators }, self.span_from(lpar));
                return Ok((vec![g], vec![]));
            }
            if self.at_op(Op::Equal) {
                return Err(Fail::NoMatch);
            }
            first = Some(e);
        }
        let a = self.args(first)?;
        self.eat_op(Op::Comma);
        self.expect_op(Op::Rpar)?;
        Ok((a.args, a.keywords))
    }

    /// The second pass's call trailer, trying the alternatives in the grammar's order.
    fn call_trailer_checked(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let lpar = self.pos;
        if let Some(g) = self.attempt(|p| p.genexp_paren())? {
            return Ok((vec![g], vec![]));
        }
        self.invalid_comprehension()?;
        self.pos = lpar + 1;
        if self.eat_op(Op::Rpar) {
            return Ok((vec![], vec![]));
        }
        let (args, keywords) = self.arguments()?;
        self.expect_op(Op::Rpar)?;
        Ok((args, keywords))
    }

    /// `genexp`: `'(' (assignment_expression | expression !':=') for_if_clauses ')'`.
    pub(super) fn genexp_paren(&mut self) -> PResult<Expr> {
        let lpar = self.expect_op(Op::Lpar)?;
        let e = self.genexp_element()?;
        let generators = self.for_if_clauses()?;
        self.expect_op(Op::Rpar)?;
        Ok(mk(ExprKind::GeneratorExp { elt: Box::new(e), generators }, self.span_from(lpar)))
    }

    /// `assignment_expression | expression !':='`.
    pub(super) fn genexp_element(&mut self) -> PResult<Expr> {
        if self.cur() == K::Name && self.peek2() == K::Op(Op::ColonEqual) {
            return self.assignment_expression();
        }
        let e = self.expression()?;
        if self.at_op(Op::ColonEqual) {
            return Err(Fail::NoMatch);
        }
        Ok(e)
    }

    /// `arguments`: `args [','] &')'`; in the second pass a failure runs `invalid_arguments`.
    pub(super) fn arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let start = self.pos;
        let r = self.attempt(|p| {
            let a = p.args(None)?;
            p.eat_op(Op::Comma);
            if !p.at_op(Op::Rpar) {
                return Err(Fail::NoMatch);
            }
            Ok(a)
        })?;
        match r {
            Some(a) => Ok((a.args, a.keywords)),
            None => {
                if self.call_invalid {
                    self.pos = start;
                    self.invalid_arguments()?;
                }
                self.pos = start;
                Err(Fail::NoMatch)
            }
        }
    }

    /// One positional item: `starred_expression | (assignment_expression | expression !':=') !'='`.
    fn positional_item(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            return self.starred_expression();
        }
        let e = self.genexp_element()?;
        if self.at_op(Op::Equal) {
            return Err(Fail::NoMatch);
        }
        Ok(e)
    }

    /// CPython's `args` rule. `first` is an already parsed first positional item.
    pub(super) fn args(&mut self, first: Option<Expr>) -> PResult<ArgList> {
        let mut args = Vec::new();
        let mut keywords = Vec::new();
        let mut positional = false;
        let mut has_kwargs = false;
        // A `*x` that failed as a positional item fails as a keyword item too; in the first
        // pass it is not read again (nested `f(*(f(*(...` would take exponential time).
        let mut failed_star = None;
        match first {
            Some(e) => {
                args.push(e);
                positional = true;
            }
            None => {
                let at = self.pos;
                match self.attempt(|p| p.positional_item())? {
                    Some(e) => {
                        args.push(e);
                        positional = true;
                    }
                    None if self.at_op(Op::Star) && !self.pass2 => failed_star = Some(at),
                    None => {}
                }
            }
        }
        if positional {
            while self.at_op(Op::Comma) {
                let save = self.pos;
                self.bump();
                let k = self.cur();
                if !(starts_expression(k) || k == K::Op(Op::Star)) {
                    self.pos = save;
                    break;
                }
                let at = self.pos;
                match self.attempt(|p| p.positional_item())? {
                    Some(e) => args.push(e),
                    None => {
                        if self.at_op(Op::Star) && !self.pass2 {
                            failed_star = Some(at);
                        }
                        self.pos = save;
                        break;
                    }
                }
            }
            // `[',' kwargs]`
            if self.at_op(Op::Comma) {
                let save = self.pos;
                self.bump();
                has_kwargs = self.kwargs(&mut args, &mut keywords, failed_star)?;
                if !has_kwargs {
                    self.pos = save;
                }
            }
        } else if !self.kwargs(&mut args, &mut keywords, failed_star)? {
            return Err(Fail::NoMatch);
        } else {
            has_kwargs = true;
        }
        Ok(ArgList { args, keywords, has_kwargs })
    }

    /// `kwargs`: keyword items, with `*x` allowed until the first `**x`. Gives false (having
    /// consumed nothing) when not even one item is there.
    fn kwargs(
        &mut self,
        args: &mut Vec<Expr>,
        keywords: &mut Vec<Keyword>,
        failed_star: Option<usize>,
    ) -> PResult<bool> {
        let mut double = false;
        let mut any = false;
        loop {
            let save = self.pos;
            if any && !self.eat_op(Op::Comma) {
                break;
            }
            if failed_star == Some(self.pos) {
                self.pos = save;
                break;
            }
            let item = self.attempt(|p| p.kwarg_item(double))?;
            match item {
                Some(KwItem::Keyword(k, is_double)) => {
                    double |= is_double;
                    keywords.push(k);
                }
                Some(KwItem::Starred(e)) => args.push(e),
                None => {
                    self.pos = save;
                    break;
                }
            }
            any = true;
        }
        Ok(any)
    }

    /// `kwarg_or_starred` (or `kwarg_or_double_starred` once `double`).
    fn kwarg_item(&mut self, double: bool) -> PResult<KwItem> {
        if self.call_invalid {
            self.invalid_kwarg()?;
        }
        let start = self.pos;
        match self.cur() {
            K::Name if self.peek2() == K::Op(Op::Equal) => {
                self.bump();
                self.bump();
                let value = self.expression()?;
                Ok(KwItem::Keyword(
                    Keyword {
                        arg: Some(self.ident(start)),
                        value: Box::new(value),
                        span: self.span_from(start),
                    },
                    false,
                ))
            }
            K::Op(Op::Star) if !double => Ok(KwItem::Starred(self.starred_expression()?)),
            K::Op(Op::DoubleStar) => {
                self.bump();
                let value = self.expression()?;
                Ok(KwItem::Keyword(
                    Keyword { arg: None, value: Box::new(value), span: self.span_from(start) },
                    true,
                ))
            }
            _ => Err(Fail::NoMatch),
        }
    }
}

enum KwItem {
    Keyword(Keyword, bool),
    Starred(Expr),
}
