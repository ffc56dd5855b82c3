//! The second pass's rules: CPython's `invalid_*` alternatives, which recognise common mistakes
//! and raise targeted messages. Each function tries its alternatives in the grammar's order at
//! the current position; it raises when one matches and otherwise returns with the position
//! unchanged. They only run when the first pass failed, so they favour fidelity over speed.

use super::errors::{expr_name, TargetsType};
use super::expr::starts_expression;
use super::tokens::{Kw, K};
use super::{Fail, Memo, PResult, Parser};
use crate::ast::{Comprehension, Expr, ExprKind, Span};
use crate::token::Op;

/// `_PyPegen_get_last_comprehension_item`: the last `if`, or else the iterable.
fn last_comprehension_item(c: &[Comprehension]) -> Span {
    let last = c.last().expect("for_if_clauses is never empty");
    match last.ifs.last() {
        Some(e) => e.span,
        None => last.iter.span,
    }
}

fn is_legacy_name(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Name { id, .. } if id == "print" || id == "exec" => Some(id),
        _ => None,
    }
}

impl<'a> Parser<'a> {
    /// Runs one invalid alternative: `f` matches and gives the error to raise, or fails to
    /// match (the position is then restored).
    fn alt(&mut self, f: impl FnOnce(&mut Self) -> PResult<Fail>) -> PResult<()> {
        let save = self.pos;
        let depth = self.depth;
        match f(self) {
            Ok(e) => Err(e),
            Err(Fail::NoMatch) => {
                self.pos = save;
                self.depth = depth;
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// `NEWLINE !INDENT` (consumes the NEWLINE).
    fn newline_no_indent(&mut self) -> PResult<()> {
        self.expect(K::Newline)?;
        if self.at(K::Indent) {
            return Err(Fail::NoMatch);
        }
        Ok(())
    }

    /// `'as' NAME` made optional.
    fn opt_as_name(&mut self) {
        if self.at_kw(Kw::As) && self.peek2() == K::Name {
            self.pos += 2;
        }
    }

    // ----- expressions -----

    /// `invalid_expression`.
    pub(super) fn invalid_expression(&mut self) -> PResult<()> {
        // !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
        let skip = (self.cur() == K::Name && self.peek2() == K::String) || self.is_soft_keyword(self.pos);
        if !skip {
            self.alt(|p| {
                let a = p.disjunction()?;
                let b = p.without_invalid(|p| p.expression_body())?;
                if is_legacy_name(&a).is_some() || p.ts.levels[p.pos - 1] == 0 {
                    return Err(Fail::NoMatch);
                }
                Ok(p.raise_range("invalid syntax. Perhaps you forgot a comma?", a.span, b.span))
            })?;
        }
        // a=disjunction 'if' b=disjunction !('else'|':')
        self.alt(|p| {
            let a = p.disjunction()?;
            p.expect_kw(Kw::If)?;
            let b = p.disjunction()?;
            if p.at_kw(Kw::Else) || p.at_op(Op::Colon) {
                return Err(Fail::NoMatch);
            }
            Ok(p.raise_range("expected 'else' after 'if' expression", a.span, b.span))
        })
    }

    /// Runs `f` with the invalid rules switched off (`expression_without_invalid`).
    pub(super) fn without_invalid<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        let was = self.call_invalid;
        self.call_invalid = false;
        let r = f(self);
        self.call_invalid = was;
        r
    }

    /// Runs `f` with the invalid rules on during the second pass. CPython's dict rule has an
    /// unguarded `'{' invalid_double_starred_kvpairs '}'` alternative, after which the set and
    /// comprehension alternatives of a display run with the invalid rules on even inside
    /// `expression_without_invalid` (observed: `1 {a.b := 1}` reports the walrus).
    pub(super) fn with_invalid_in_pass2<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        let was = self.call_invalid;
        self.call_invalid = self.pass2;
        let r = f(self);
        self.call_invalid = was;
        r
    }

    /// `invalid_legacy_expression`: `print x` and `exec x`.
    pub(super) fn invalid_legacy_expression(&mut self) -> PResult<()> {
        if self.cur() != K::Name {
            return Ok(());
        }
        self.alt(|p| {
            let i = p.bump();
            if p.at_op(Op::Lpar) {
                return Err(Fail::NoMatch);
            }
            let b = p.star_expressions()?;
            let name = p.ident(i);
            if name != "print" && name != "exec" {
                return Err(Fail::NoMatch);
            }
            let a = p.tok_span(i);
            Ok(p.raise_range(
                &format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
                a,
                b.span,
            ))
        })
    }

    /// `invalid_named_expression` (memoized: it runs once per position).
    pub(super) fn invalid_named_expression(&mut self) -> PResult<()> {
        let key = (Memo::InvalidNamed, self.pos as u32);
        if self.memo.contains_key(&key) {
            return Ok(());
        }
        let r = self.invalid_named_expression_inner();
        if r.is_ok() {
            self.memo.insert(key, None);
        }
        r
    }

    fn invalid_named_expression_inner(&mut self) -> PResult<()> {
        // a=expression ':=' expression
        self.alt(|p| {
            let a = p.expression()?;
            p.expect_op(Op::ColonEqual)?;
            p.expression()?;
            let msg = format!("cannot use assignment expressions with {}", expr_name(&a));
            Ok(p.raise_span(&msg, a.span))
        })?;
        // a=NAME '=' b=bitwise_or !('='|':=')
        if self.cur() == K::Name {
            self.alt(|p| {
                let i = p.bump();
                p.expect_op(Op::Equal)?;
                let b = p.bitwise_or()?;
                if p.at_op(Op::Equal) || p.at_op(Op::ColonEqual) {
                    return Err(Fail::NoMatch);
                }
                let a = p.tok_span(i);
                Ok(p.raise_range("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", a, b.span))
            })?;
        }
        // !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
        if matches!(self.cur(), K::Kw(Kw::True | Kw::None | Kw::False)) {
            return Ok(());
        }
        if self.lookahead(|p| p.list_tuple_or_genexp())? {
            return Ok(());
        }
        self.alt(|p| {
            let a = p.bitwise_or()?;
            p.expect_op(Op::Equal)?;
            p.bitwise_or()?;
            if p.at_op(Op::Equal) || p.at_op(Op::ColonEqual) {
                return Err(Fail::NoMatch);
            }
            let msg =
                format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(&a));
            Ok(p.raise_span(&msg, a.span))
        })
    }

    /// `list | tuple | genexp` (as a lookahead).
    fn list_tuple_or_genexp(&mut self) -> PResult<()> {
        match self.cur() {
            K::Op(Op::Lsqb) => {
                self.bump();
                if !self.at_op(Op::Rsqb) {
                    self.star_named_expressions()?;
                }
                self.expect_op(Op::Rsqb)?;
                Ok(())
            }
            K::Op(Op::Lpar) => {
                let save = self.pos;
                let tuple = self.attempt(|p| {
                    p.bump();
                    if !p.at_op(Op::Rpar) {
                        p.star_named_expression()?;
                        p.expect_op(Op::Comma)?;
                        if starts_expression(p.cur()) || p.at_op(Op::Star) {
                            p.attempt(|p| p.star_named_expressions())?;
                        }
                    }
                    p.expect_op(Op::Rpar)
                })?;
                if tuple.is_some() {
                    return Ok(());
                }
                self.pos = save;
                self.genexp_paren().map(|_| ())
            }
            _ => Err(Fail::NoMatch),
        }
    }

    /// `invalid_group`: `(*x)` and `(**x)`.
    pub(super) fn invalid_group(&mut self) -> PResult<()> {
        self.alt(|p| {
            p.expect_op(Op::Lpar)?;
            let a = p.starred_expression()?;
            p.expect_op(Op::Rpar)?;
            Ok(p.raise_span("cannot use starred expression here", a.span))
        })?;
        self.alt(|p| {
            p.expect_op(Op::Lpar)?;
            let a = p.expect_op(Op::DoubleStar)?;
            p.expression()?;
            p.expect_op(Op::Rpar)?;
            Ok(p.raise_token("cannot use double starred expression here", a))
        })
    }

    /// `invalid_comprehension`.
    pub(super) fn invalid_comprehension(&mut self) -> PResult<()> {
        let open = self.cur();
        if !matches!(open, K::Op(Op::Lsqb | Op::Lpar | Op::Lbrace)) {
            return Ok(());
        }
        self.alt(|p| {
            p.bump();
            let a = p.starred_expression()?;
            p.for_if_clauses()?;
            Ok(p.raise_span("iterable unpacking cannot be used in comprehension", a.span))
        })?;
        if open == K::Op(Op::Lpar) {
            return Ok(());
        }
        self.alt(|p| {
            p.bump();
            let a = p.star_named_expression()?;
            p.expect_op(Op::Comma)?;
            let b = p.star_named_expressions()?;
            p.for_if_clauses()?;
            let last = b.last().unwrap().span;
            Ok(p.raise_range("did you forget parentheses around the comprehension target?", a.span, last))
        })?;
        self.alt(|p| {
            p.bump();
            let a = p.star_named_expression()?;
            let b = p.expect_op(Op::Comma)?;
            p.for_if_clauses()?;
            let bs = p.tok_span(b);
            Ok(p.raise_range("did you forget parentheses around the comprehension target?", a.span, bs))
        })
    }

    /// `invalid_dict_comprehension`: `{**x for ...}`.
    pub(super) fn invalid_dict_comprehension(&mut self) -> PResult<()> {
        self.alt(|p| {
            p.expect_op(Op::Lbrace)?;
            let a = p.expect_op(Op::DoubleStar)?;
            p.bitwise_or()?;
            p.for_if_clauses()?;
            p.expect_op(Op::Rbrace)?;
            Ok(p.raise_token("dict unpacking cannot be used in dict comprehension", a))
        })
    }

    /// `'{' invalid_double_starred_kvpairs '}'` (the dict alternative).
    pub(super) fn invalid_double_starred_kvpairs_in_dict(&mut self) -> PResult<()> {
        self.alt(|p| {
            p.expect_op(Op::Lbrace)?;
            p.invalid_double_starred_kvpairs()?;
            Err(Fail::NoMatch)
        })
    }

    fn invalid_double_starred_kvpairs(&mut self) -> PResult<()> {
        // ','.double_starred_kvpair+ ',' invalid_kvpair
        self.alt(|p| {
            p.double_starred_kvpair()?;
            loop {
                let save = p.pos;
                if !p.eat_op(Op::Comma) {
                    break;
                }
                if p.attempt(|p| p.double_starred_kvpair())?.is_none() {
                    p.pos = save;
                    break;
                }
            }
            p.expect_op(Op::Comma)?;
            p.invalid_kvpair()?;
            Err(Fail::NoMatch)
        })?;
        self.alt(|p| {
            p.expression()?;
            p.expect_op(Op::Colon)?;
            let a = p.expect_op(Op::Star)?;
            p.bitwise_or()?;
            let s = p.tok_span(a);
            Ok(p.raise_starting_from("cannot use a starred expression in a dictionary value", s))
        })?;
        self.alt(|p| {
            p.expression()?;
            let a = p.expect_op(Op::Colon)?;
            if !(p.at_op(Op::Rbrace) || p.at_op(Op::Comma)) {
                return Err(Fail::NoMatch);
            }
            Ok(p.raise_token("expression expected after dictionary key and ':'", a))
        })
    }

    fn invalid_kvpair(&mut self) -> PResult<()> {
        self.alt(|p| {
            let a = p.expression()?;
            if p.at_op(Op::Colon) {
                return Err(Fail::NoMatch);
            }
            let s = a.span;
            Ok(p.raise_raw(
                crate::SyntaxErrorKind::SyntaxError,
                "':' expected after dictionary key",
                s.lineno,
                s.end_col_offset as i64,
                s.end_lineno,
                0,
            ))
        })?;
        self.alt(|p| {
            p.expression()?;
            p.expect_op(Op::Colon)?;
            let a = p.expect_op(Op::Star)?;
            p.bitwise_or()?;
            let s = p.tok_span(a);
            Ok(p.raise_starting_from("cannot use a starred expression in a dictionary value", s))
        })?;
        self.alt(|p| {
            p.expression()?;
            let a = p.expect_op(Op::Colon)?;
            if !(p.at_op(Op::Rbrace) || p.at_op(Op::Comma)) {
                return Err(Fail::NoMatch);
            }
            Ok(p.raise_token("expression expected after dictionary key and ':'", a))
        })
    }

    // ----- call arguments -----

    /// `invalid_arguments`.
    pub(super) fn invalid_arguments(&mut self) -> PResult<()> {
        // ((','.positional+ ',' kwargs) | kwargs) ',' b='*'  (3.11.7 points at the `*`)
        self.alt(|p| {
            let a = p.args(None)?;
            if !a.has_kwargs {
                return Err(Fail::NoMatch);
            }
            p.expect_op(Op::Comma)?;
            let b = p.expect_op(Op::Star)?;
            Ok(p.raise_token("iterable argument unpacking follows keyword argument unpacking", b))
        })?;
        // a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
        self.alt(|p| {
            let a = p.expression()?;
            let b = p.for_if_clauses()?;
            p.expect_op(Op::Comma)?;
            let save = p.pos;
            if p.attempt(|p| p.args(None))?.is_none() {
                p.pos = save;
                p.attempt(|p| {
                    p.expression()?;
                    p.for_if_clauses()
                })?;
            }
            let last = last_comprehension_item(&b);
            Ok(p.raise_range("Generator expression must be parenthesized", a.span, last))
        })?;
        // a=NAME b='=' expression for_if_clauses
        self.alt(|p| {
            let a = p.expect(K::Name)?;
            let b = p.expect_op(Op::Equal)?;
            p.expression()?;
            p.for_if_clauses()?;
            let (sa, sb) = (p.tok_span(a), p.tok_span(b));
            Ok(p.raise_range("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", sa, sb))
        })?;
        // a=args b=for_if_clauses
        self.alt(|p| {
            let a = p.args(None)?;
            let b = p.for_if_clauses()?;
            if a.args.len() <= 1 {
                return Err(Fail::NoMatch);
            }
            let first = a.args.last().unwrap().span;
            let last = last_comprehension_item(&b);
            Ok(p.raise_range("Generator expression must be parenthesized", first, last))
        })?;
        // args ',' a=expression b=for_if_clauses
        self.alt(|p| {
            p.args(None)?;
            p.expect_op(Op::Comma)?;
            let a = p.expression()?;
            let b = p.for_if_clauses()?;
            let last = last_comprehension_item(&b);
            Ok(p.raise_range("Generator expression must be parenthesized", a.span, last))
        })?;
        // a=args ',' args
        self.alt(|p| {
            let a = p.args(None)?;
            p.expect_op(Op::Comma)?;
            p.args(None)?;
            let unpacking = a.keywords.iter().any(|k| k.arg.is_none());
            let msg = if unpacking {
                "positional argument follows keyword argument unpacking"
            } else {
                "positional argument follows keyword argument"
            };
            Ok(p.raise_here(msg))
        })
    }

    /// `invalid_kwarg`.
    pub(super) fn invalid_kwarg(&mut self) -> PResult<()> {
        if matches!(self.cur(), K::Kw(Kw::True | Kw::False | Kw::None)) {
            self.alt(|p| {
                let a = p.bump();
                let b = p.expect_op(Op::Equal)?;
                let msg = format!("cannot assign to {}", p.text(a));
                let (sa, sb) = (p.tok_span(a), p.tok_span(b));
                Ok(p.raise_range(&msg, sa, sb))
            })?;
        }
        if self.cur() == K::Name {
            self.alt(|p| {
                let a = p.bump();
                let b = p.expect_op(Op::Equal)?;
                p.expression()?;
                p.for_if_clauses()?;
                let (sa, sb) = (p.tok_span(a), p.tok_span(b));
                Ok(p.raise_range("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", sa, sb))
            })?;
            if self.peek2() == K::Op(Op::Equal) {
                return Ok(());
            }
        }
        self.alt(|p| {
            let a = p.expression()?;
            let b = p.expect_op(Op::Equal)?;
            let sb = p.tok_span(b);
            Ok(p.raise_range("expression cannot contain assignment, perhaps you meant \"==\"?", a.span, sb))
        })
    }

    // ----- statements -----

    /// `invalid_assignment` (at the start of a simple statement).
    pub(super) fn invalid_assignment(&mut self) -> PResult<()> {
        // a=invalid_ann_assign_target ':' expression
        self.alt(|p| {
            let a = p.invalid_ann_assign_target()?;
            p.expect_op(Op::Colon)?;
            p.expression()?;
            let msg = format!("only single target (not {}) can be annotated", expr_name(&a));
            Ok(p.raise_span(&msg, a.span))
        })?;
        // a=star_named_expression ',' star_named_expressions* ':' expression
        self.alt(|p| {
            let a = p.star_named_expression()?;
            p.expect_op(Op::Comma)?;
            while starts_expression(p.cur()) || p.at_op(Op::Star) {
                if p.attempt(|p| p.star_named_expressions())?.is_none() {
                    break;
                }
            }
            p.expect_op(Op::Colon)?;
            p.expression()?;
            Ok(p.raise_span("only single target (not tuple) can be annotated", a.span))
        })?;
        // a=expression ':' expression
        self.alt(|p| {
            let a = p.expression()?;
            p.expect_op(Op::Colon)?;
            p.expression()?;
            Ok(p.raise_span("illegal target for annotation", a.span))
        })?;
        // (star_targets '=')* a=star_expressions '='
        self.alt(|p| {
            p.star_targets_eq_prefix()?;
            let a = p.star_expressions()?;
            p.expect_op(Op::Equal)?;
            p.raise_invalid_target(TargetsType::Star, &a)?;
            Err(Fail::NoMatch)
        })?;
        // (star_targets '=')* a=yield_expr '='
        self.alt(|p| {
            p.star_targets_eq_prefix()?;
            let a = p.yield_expr()?;
            p.expect_op(Op::Equal)?;
            Ok(p.raise_span("assignment to yield expression not possible", a.span))
        })?;
        // a=star_expressions augassign (yield_expr | star_expressions)
        self.alt(|p| {
            let a = p.star_expressions()?;
            if !super::stmt::is_augassign(p.cur()) {
                return Err(Fail::NoMatch);
            }
            p.bump();
            p.annotated_rhs()?;
            let msg = format!("'{}' is an illegal expression for augmented assignment", expr_name(&a));
            Ok(p.raise_span(&msg, a.span))
        })
    }

    /// `(star_targets '=')*`.
    fn star_targets_eq_prefix(&mut self) -> PResult<()> {
        loop {
            let r = self.attempt(|p| {
                p.star_targets()?;
                p.expect_op(Op::Equal)
            })?;
            if r.is_none() {
                return Ok(());
            }
        }
    }

    /// `invalid_ann_assign_target`: `list | tuple | '(' invalid_ann_assign_target ')'`.
    fn invalid_ann_assign_target(&mut self) -> PResult<Expr> {
        match self.cur() {
            K::Op(Op::Lsqb) => {
                let e = self.atom()?;
                if matches!(e.kind, ExprKind::List { .. }) {
                    Ok(e)
                } else {
                    Err(Fail::NoMatch)
                }
            }
            K::Op(Op::Lpar) => {
                if let Some(e) = self.attempt(|p| {
                    let e = p.atom()?;
                    if matches!(e.kind, ExprKind::Tuple { .. }) && p.ts.kinds[p.pos - 1] == K::Op(Op::Rpar) {
                        Ok(e)
                    } else {
                        Err(Fail::NoMatch)
                    }
                })? {
                    return Ok(e);
                }
                self.bump();
                let e = self.guarded(|p| p.invalid_ann_assign_target())?;
                self.expect_op(Op::Rpar)?;
                Ok(e)
            }
            _ => Err(Fail::NoMatch),
        }
    }

    /// `invalid_del_stmt`: `'del' star_expressions`.
    pub(super) fn invalid_del_stmt(&mut self) -> PResult<()> {
        self.alt(|p| {
            p.expect_kw(Kw::Del)?;
            let a = p.star_expressions()?;
            p.raise_invalid_target(TargetsType::Del, &a)?;
            Err(Fail::NoMatch)
        })
    }

    /// `invalid_import_from_targets`.
    pub(super) fn invalid_import_from_targets(&mut self) -> PResult<()> {
        self.alt(|p| {
            p.import_from_as_names()?;
            p.expect_op(Op::Comma)?;
            p.expect(K::Newline)?;
            Ok(p.raise_here("trailing comma not allowed without surrounding parentheses"))
        })
    }

    /// `invalid_for_target`: `ASYNC? 'for' star_expressions`.
    pub(super) fn invalid_for_target(&mut self) -> PResult<()> {
        self.alt(|p| {
            p.eat_kw(Kw::Async);
            p.expect_kw(Kw::For)?;
            let a = p.star_expressions()?;
            p.raise_invalid_target(TargetsType::For, &a)?;
            Err(Fail::NoMatch)
        })
    }

    /// `invalid_with_item`: `expression 'as' expression &(',' | ')' | ':')`, at the `as`.
    pub(super) fn invalid_with_item(&mut self) -> PResult<()> {
        self.alt(|p| {
            p.expect_kw(Kw::As)?;
            let a = p.expression()?;
            if !(p.at_op(Op::Comma) || p.at_op(Op::Rpar) || p.at_op(Op::Colon)) {
                return Err(Fail::NoMatch);
            }
            p.raise_invalid_target(TargetsType::Star, &a)?;
            Err(Fail::NoMatch)
        })
    }

    /// `','.(expression ['as' star_target])+` and the parenthesized `expressions` form.
    fn with_items_loose(&mut self, paren: bool) -> PResult<()> {
        loop {
            if paren {
                self.expressions()?;
            } else {
                self.expression()?;
            }
            if self.at_kw(Kw::As) {
                let save = self.pos;
                if self
                    .attempt(|p| {
                        p.bump();
                        p.star_target()
                    })?
                    .is_none()
                {
                    self.pos = save;
                }
            }
            let save = self.pos;
            if !self.eat_op(Op::Comma) {
                return Ok(());
            }
            let k = self.cur();
            if !starts_expression(k) {
                self.pos = save;
                return Ok(());
            }
        }
    }

    /// `invalid_with_stmt`: a missing `:`.
    pub(super) fn invalid_with_stmt(&mut self) -> PResult<()> {
        self.alt(|p| {
            p.eat_kw(Kw::Async);
            p.expect_kw(Kw::With)?;
            p.with_items_loose(false)?;
            p.expect(K::Newline)?;
            Ok(p.raise_here("expected ':'"))
        })?;
        self.alt(|p| {
            p.eat_kw(Kw::Async);
            p.expect_kw(Kw::With)?;
            p.expect_op(Op::Lpar)?;
            p.with_items_loose(true)?;
            p.eat_op(Op::Comma);
            p.expect_op(Op::Rpar)?;
            p.expect(K::Newline)?;
            Ok(p.raise_here("expected ':'"))
        })
    }

    /// `invalid_with_stmt_indent`.
    pub(super) fn invalid_with_stmt_indent(&mut self) -> PResult<()> {
        for paren in [false, true] {
            self.alt(|p| {
                p.eat_kw(Kw::Async);
                let a = p.expect_kw(Kw::With)?;
                if paren {
                    p.expect_op(Op::Lpar)?;
                }
                p.with_items_loose(paren)?;
                if paren {
                    p.eat_op(Op::Comma);
                    p.expect_op(Op::Rpar)?;
                }
                p.expect_op(Op::Colon)?;
                p.newline_no_indent()?;
                let line = p.start_of(a).0;
                Ok(p.raise_indent(&format!(
                    "expected an indented block after 'with' statement on line {line}"
                )))
            })?;
        }
        Ok(())
    }

    /// `invalid_try_stmt`.
    pub(super) fn invalid_try_stmt(&mut self) -> PResult<()> {
        self.alt(|p| {
            let a = p.expect_kw(Kw::Try)?;
            p.expect_op(Op::Colon)?;
            p.newline_no_indent()?;
            let line = p.start_of(a).0;
            Ok(p.raise_indent(&format!("expected an indented block after 'try' statement on line {line}")))
        })?;
        self.alt(|p| {
            p.expect_kw(Kw::Try)?;
            p.expect_op(Op::Colon)?;
            p.block()?;
            if p.at_kw(Kw::Except) || p.at_kw(Kw::Finally) {
                return Err(Fail::NoMatch);
            }
            Ok(p.raise_here("expected 'except' or 'finally' block"))
        })?;
        for star in [false, true] {
            self.alt(|p| {
                p.expect_kw(Kw::Try)?;
                p.expect_op(Op::Colon)?;
                while p.attempt(|p| p.block())?.is_some() {}
                let mut n = 0;
                while p.at_kw(Kw::Except) {
                    match p.attempt(|p| p.except_block(star))? {
                        Some(_) => n += 1,
                        None => break,
                    }
                }
                if n == 0 {
                    return Err(Fail::NoMatch);
                }
                let a = p.expect_kw(Kw::Except)?;
                if !star {
                    let b = p.expect_op(Op::Star)?;
                    p.expression()?;
                    p.opt_as_name();
                    p.expect_op(Op::Colon)?;
                    let (sa, sb) = (p.tok_span(a), p.tok_span(b));
                    Ok(p.raise_range("cannot have both 'except' and 'except*' on the same 'try'", sa, sb))
                } else {
                    if !p.at_op(Op::Colon) {
                        if let Some(()) = p.attempt(|p| {
                            p.expression()?;
                            p.opt_as_name();
                            Ok(())
                        })? {}
                    }
                    p.expect_op(Op::Colon)?;
                    Ok(p.raise_token("cannot have both 'except' and 'except*' on the same 'try'", a))
                }
            })?;
        }
        Ok(())
    }

    /// `invalid_except_stmt`.
    pub(super) fn invalid_except_stmt(&mut self) -> PResult<()> {
        self.alt(|p| {
            p.expect_kw(Kw::Except)?;
            p.eat_op(Op::Star);
            let a = p.expression()?;
            p.expect_op(Op::Comma)?;
            p.expressions()?;
            p.opt_as_name();
            p.expect_op(Op::Colon)?;
            Ok(p.raise_starting_from("multiple exception types must be parenthesized", a.span))
        })?;
        self.alt(|p| {
            p.expect_kw(Kw::Except)?;
            p.eat_op(Op::Star);
            p.expression()?;
            p.opt_as_name();
            p.expect(K::Newline)?;
            Ok(p.raise_here("expected ':'"))
        })?;
        self.alt(|p| {
            p.expect_kw(Kw::Except)?;
            p.expect(K::Newline)?;
            Ok(p.raise_here("expected ':'"))
        })?;
        self.alt(|p| {
            p.expect_kw(Kw::Except)?;
            p.expect_op(Op::Star)?;
            if !(p.at(K::Newline) || p.at_op(Op::Colon)) {
                return Err(Fail::NoMatch);
            }
            p.bump();
            Ok(p.raise_here("expected one or more exception types"))
        })
    }

    /// `invalid_except_stmt_indent` / `invalid_except_star_stmt_indent`.
    pub(super) fn invalid_except_stmt_indent(&mut self, star: bool) -> PResult<()> {
        if star {
            return self.alt(|p| {
                let a = p.expect_kw(Kw::Except)?;
                p.expect_op(Op::Star)?;
                p.expression()?;
                p.opt_as_name();
                p.expect_op(Op::Colon)?;
                p.newline_no_indent()?;
                let line = p.start_of(a).0;
                Ok(p.raise_indent(&format!(
                    "expected an indented block after 'except*' statement on line {line}"
                )))
            });
        }
        self.alt(|p| {
            let a = p.expect_kw(Kw::Except)?;
            p.expression()?;
            p.opt_as_name();
            p.expect_op(Op::Colon)?;
            p.newline_no_indent()?;
            let line = p.start_of(a).0;
            Ok(p.raise_indent(&format!("expected an indented block after 'except' statement on line {line}")))
        })?;
        self.alt(|p| {
            let a = p.expect_kw(Kw::Except)?;
            p.expect_op(Op::Colon)?;
            p.newline_no_indent()?;
            let line = p.start_of(a).0;
            Ok(p.raise_indent(&format!("expected an indented block after 'except' statement on line {line}")))
        })
    }

    /// `invalid_finally_stmt`.
    pub(super) fn invalid_finally_stmt(&mut self) -> PResult<()> {
        self.alt(|p| {
            let a = p.expect_kw(Kw::Finally)?;
            p.expect_op(Op::Colon)?;
            p.newline_no_indent()?;
            let line = p.start_of(a).0;
            Ok(p.raise_indent(&format!(
                "expected an indented block after 'finally' statement on line {line}"
            )))
        })
    }

    /// `invalid_match_stmt`.
    pub(super) fn invalid_match_stmt(&mut self) -> PResult<()> {
        self.alt(|p| {
            if !p.is_name(p.pos, "match") {
                return Err(Fail::NoMatch);
            }
            p.bump();
            p.subject_expr()?;
            p.expect(K::Newline)?;
            Ok(p.raise_here("expected ':'"))
        })?;
        self.alt(|p| {
            if !p.is_name(p.pos, "match") {
                return Err(Fail::NoMatch);
            }
            let a = p.bump();
            p.subject_expr()?;
            p.expect_op(Op::Colon)?;
            p.newline_no_indent()?;
            let line = p.start_of(a).0;
            Ok(p.raise_indent(&format!("expected an indented block after 'match' statement on line {line}")))
        })
    }

    /// `invalid_case_block`.
    pub(super) fn invalid_case_block(&mut self) -> PResult<()> {
        for colon in [false, true] {
            self.alt(|p| {
                if !p.is_name(p.pos, "case") {
                    return Err(Fail::NoMatch);
                }
                let a = p.bump();
                p.patterns()?;
                if p.at_kw(Kw::If) {
                    let save = p.pos;
                    if p.attempt(|p| {
                        p.bump();
                        p.named_expression()
                    })?
                    .is_none()
                    {
                        p.pos = save;
                    }
                }
                if colon {
                    p.expect_op(Op::Colon)?;
                    p.newline_no_indent()?;
                    let line = p.start_of(a).0;
                    Ok(p.raise_indent(&format!(
                        "expected an indented block after 'case' statement on line {line}"
                    )))
                } else {
                    p.expect(K::Newline)?;
                    Ok(p.raise_here("expected ':'"))
                }
            })?;
        }
        Ok(())
    }

    /// `invalid_as_pattern`, at the `as` of `or_pattern 'as' ...`.
    pub(super) fn invalid_as_pattern(&mut self) -> PResult<()> {
        self.alt(|p| {
            p.expect_kw(Kw::As)?;
            if !p.is_name(p.pos, "_") {
                return Err(Fail::NoMatch);
            }
            let a = p.bump();
            Ok(p.raise_token("cannot use '_' as a target", a))
        })?;
        self.alt(|p| {
            p.expect_kw(Kw::As)?;
            if p.at(K::Name) {
                return Err(Fail::NoMatch);
            }
            let a = p.expression()?;
            Ok(p.raise_span("invalid pattern target", a.span))
        })
    }

    /// `invalid_class_pattern`, at the `(` after the class name.
    pub(super) fn invalid_class_pattern(&mut self) -> PResult<()> {
        self.alt(|p| {
            p.expect_op(Op::Lpar)?;
            // [positional_patterns ','] keyword_patterns ',' a=positional_patterns
            let save = p.pos;
            let pos_ok = p.attempt(|p| {
                p.positional_patterns()?;
                p.expect_op(Op::Comma)
            })?;
            if pos_ok.is_none() {
                p.pos = save;
            }
            p.keyword_patterns()?;
            p.expect_op(Op::Comma)?;
            let a = p.positional_patterns()?;
            let (first, last) = (a.first().unwrap().span, a.last().unwrap().span);
            Ok(p.raise_range("positional patterns follow keyword patterns", first, last))
        })
    }

    /// `positional_patterns`: `','.pattern+`.
    fn positional_patterns(&mut self) -> PResult<Vec<crate::ast::Pattern>> {
        let mut v = vec![self.pattern()?];
        loop {
            let save = self.pos;
            if !self.eat_op(Op::Comma) {
                break;
            }
            match self.attempt(|p| p.pattern())? {
                Some(x) => v.push(x),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        Ok(v)
    }

    /// `keyword_patterns`: `','.(NAME '=' pattern)+`.
    fn keyword_patterns(&mut self) -> PResult<()> {
        let kw = |p: &mut Self| -> PResult<()> {
            p.expect(K::Name)?;
            p.expect_op(Op::Equal)?;
            p.pattern()?;
            Ok(())
        };
        kw(self)?;
        loop {
            let save = self.pos;
            if !self.eat_op(Op::Comma) {
                break;
            }
            if self.attempt(kw)?.is_none() {
                self.pos = save;
                break;
            }
        }
        Ok(())
    }

    /// `invalid_if_stmt` / `invalid_elif_stmt`.
    pub(super) fn invalid_if_stmt(&mut self, kw: Kw) -> PResult<()> {
        self.alt(|p| {
            p.expect_kw(kw)?;
            p.named_expression()?;
            p.expect(K::Newline)?;
            Ok(p.raise_here("expected ':'"))
        })?;
        self.alt(|p| {
            let a = p.expect_kw(kw)?;
            let e = p.named_expression()?;
            p.expect_op(Op::Colon)?;
            p.newline_no_indent()?;
            // For `if`, CPython's rule rebinds `a` to the condition.
            let line = if kw == Kw::If { e.span.lineno } else { p.start_of(a).0 };
            let word = if kw == Kw::If { "if" } else { "elif" };
            Ok(p.raise_indent(&format!("expected an indented block after '{word}' statement on line {line}")))
        })
    }

    /// `invalid_else_stmt`.
    pub(super) fn invalid_else_stmt(&mut self) -> PResult<()> {
        self.alt(|p| {
            let a = p.expect_kw(Kw::Else)?;
            p.expect_op(Op::Colon)?;
            p.newline_no_indent()?;
            let line = p.start_of(a).0;
            Ok(p.raise_indent(&format!("expected an indented block after 'else' statement on line {line}")))
        })
    }

    /// `invalid_while_stmt`.
    pub(super) fn invalid_while_stmt(&mut self) -> PResult<()> {
        self.alt(|p| {
            p.expect_kw(Kw::While)?;
            p.named_expression()?;
            p.expect(K::Newline)?;
            Ok(p.raise_here("expected ':'"))
        })?;
        self.alt(|p| {
            let a = p.expect_kw(Kw::While)?;
            p.named_expression()?;
            p.expect_op(Op::Colon)?;
            p.newline_no_indent()?;
            let line = p.start_of(a).0;
            Ok(p.raise_indent(&format!("expected an indented block after 'while' statement on line {line}")))
        })
    }

    /// `invalid_for_stmt`.
    pub(super) fn invalid_for_stmt(&mut self) -> PResult<()> {
        for colon in [false, true] {
            self.alt(|p| {
                p.eat_kw(Kw::Async);
                let a = p.expect_kw(Kw::For)?;
                p.star_targets()?;
                p.expect_kw(Kw::In)?;
                p.star_expressions()?;
                if colon {
                    p.expect_op(Op::Colon)?;
                    p.newline_no_indent()?;
                    let line = p.start_of(a).0;
                    Ok(p.raise_indent(&format!(
                        "expected an indented block after 'for' statement on line {line}"
                    )))
                } else {
                    p.expect(K::Newline)?;
                    Ok(p.raise_here("expected ':'"))
                }
            })?;
        }
        Ok(())
    }

    /// `invalid_def_raw`.
    pub(super) fn invalid_def_raw(&mut self) -> PResult<()> {
        self.alt(|p| {
            p.eat_kw(Kw::Async);
            let a = p.expect_kw(Kw::Def)?;
            p.expect(K::Name)?;
            p.expect_op(Op::Lpar)?;
            if !p.at_op(Op::Rpar) {
                p.attempt(|p| p.params())?;
            }
            p.expect_op(Op::Rpar)?;
            if p.at_op(Op::Rarrow) {
                let save = p.pos;
                if p.attempt(|p| {
                    p.bump();
                    p.expression()
                })?
                .is_none()
                {
                    p.pos = save;
                }
            }
            p.expect_op(Op::Colon)?;
            p.newline_no_indent()?;
            let line = p.start_of(a).0;
            Ok(p.raise_indent(&format!(
                "expected an indented block after function definition on line {line}"
            )))
        })
    }

    /// `invalid_class_def_raw`.
    pub(super) fn invalid_class_def_raw(&mut self) -> PResult<()> {
        for colon in [false, true] {
            self.alt(|p| {
                let a = p.expect_kw(Kw::Class)?;
                p.expect(K::Name)?;
                if p.at_op(Op::Lpar) {
                    let save = p.pos;
                    let r = p.attempt(|p| {
                        p.bump();
                        if !p.at_op(Op::Rpar) {
                            p.attempt(|p| p.arguments())?;
                        }
                        p.expect_op(Op::Rpar)
                    })?;
                    if r.is_none() {
                        p.pos = save;
                    }
                }
                if colon {
                    p.expect_op(Op::Colon)?;
                    p.newline_no_indent()?;
                    let line = p.start_of(a).0;
                    Ok(p.raise_indent(&format!(
                        "expected an indented block after class definition on line {line}"
                    )))
                } else {
                    p.expect(K::Newline)?;
                    Ok(p.raise_here("expected ':'"))
                }
            })?;
        }
        Ok(())
    }

    /// `invalid_double_type_comments`.
    pub(super) fn invalid_double_type_comments(&mut self) -> PResult<()> {
        self.alt(|p| {
            p.expect(K::TypeComment)?;
            p.expect(K::Newline)?;
            p.expect(K::TypeComment)?;
            p.expect(K::Newline)?;
            p.expect(K::Indent)?;
            Ok(p.raise_here("Cannot have two type comments on def"))
        })
    }

    // ----- parameters -----

    /// One `param` as the invalid rules read it (`NAME annotation?`, or a lambda's `NAME`).
    fn inv_param(&mut self, lambda: bool) -> PResult<Span> {
        let start = self.expect(K::Name)?;
        if !lambda && self.at_op(Op::Colon) {
            self.bump();
            self.expression()?;
        }
        Ok(self.span_from(start))
    }

    /// The end of a parameter: `',' TYPE_COMMENT?` or `TYPE_COMMENT? &')'` (lambda: `','`
    /// or `&':'`).
    fn inv_param_end(&mut self, lambda: bool) -> PResult<()> {
        if self.eat_op(Op::Comma) {
            if !lambda {
                self.eat(K::TypeComment);
            }
            return Ok(());
        }
        if !lambda && self.at(K::TypeComment) && self.peek2() == K::Op(Op::Rpar) {
            self.bump();
        }
        let end = if lambda { Op::Colon } else { Op::Rpar };
        if self.at_op(end) {
            Ok(())
        } else {
            Err(Fail::NoMatch)
        }
    }

    /// `default` in the second pass: `'=' expression | invalid_default`.
    fn inv_default(&mut self) -> PResult<()> {
        let start = self.pos;
        self.expect_op(Op::Equal)?;
        if self.attempt(|p| p.expression())?.is_some() {
            return Ok(());
        }
        self.pos = start;
        self.invalid_default()?;
        Err(Fail::NoMatch)
    }

    /// `param_no_default`.
    fn inv_pnd(&mut self, lambda: bool) -> PResult<Span> {
        let s = self.inv_param(lambda)?;
        self.inv_param_end(lambda)?;
        Ok(s)
    }

    /// `param_with_default`.
    fn inv_pwd(&mut self, lambda: bool) -> PResult<()> {
        self.inv_param(lambda)?;
        self.inv_default()?;
        self.inv_param_end(lambda)
    }

    /// `param_maybe_default`.
    fn inv_pmd(&mut self, lambda: bool) -> PResult<()> {
        self.inv_param(lambda)?;
        if self.at_op(Op::Equal) {
            self.inv_default()?;
        }
        self.inv_param_end(lambda)
    }

    /// `rule*`: repeats an attempt as long as it matches; gives the count.
    fn repeat(&mut self, mut f: impl FnMut(&mut Self) -> PResult<()>) -> PResult<usize> {
        let mut n = 0;
        while self.attempt(&mut f)?.is_some() {
            n += 1;
        }
        Ok(n)
    }

    /// `'/' ','` or `'/' &')'` (lambda: `&':'`).
    fn inv_slash_end(&mut self, lambda: bool) -> PResult<()> {
        self.expect_op(Op::Slash)?;
        if self.eat_op(Op::Comma) {
            return Ok(());
        }
        let end = if lambda { Op::Colon } else { Op::Rpar };
        if self.at_op(end) {
            Ok(())
        } else {
            Err(Fail::NoMatch)
        }
    }

    /// `slash_no_default`.
    fn inv_slash_no_default(&mut self, lambda: bool) -> PResult<()> {
        if self.repeat(|p| p.inv_pnd(lambda).map(|_| ()))? == 0 {
            return Err(Fail::NoMatch);
        }
        self.inv_slash_end(lambda)
    }

    /// `slash_with_default`.
    fn inv_slash_with_default(&mut self, lambda: bool) -> PResult<()> {
        self.repeat(|p| p.inv_pnd(lambda).map(|_| ()))?;
        if self.repeat(|p| p.inv_pwd(lambda))? == 0 {
            return Err(Fail::NoMatch);
        }
        self.inv_slash_end(lambda)
    }

    /// `slash_no_default | slash_with_default`.
    fn inv_slash(&mut self, lambda: bool) -> PResult<()> {
        if self.attempt(|p| p.inv_slash_no_default(lambda))?.is_some() {
            return Ok(());
        }
        self.inv_slash_with_default(lambda)
    }

    /// `invalid_parameters` / `invalid_lambda_parameters`.
    pub(super) fn invalid_parameters(&mut self, lambda: bool) -> PResult<()> {
        // param_no_default* invalid_parameters_helper a=param_no_default
        self.alt(|p| {
            p.repeat(|p| p.inv_pnd(lambda).map(|_| ()))?;
            if p.attempt(|p| p.inv_slash_with_default(lambda))?.is_none()
                && p.repeat(|p| p.inv_pwd(lambda))? == 0
            {
                return Err(Fail::NoMatch);
            }
            let a = p.inv_pnd(lambda)?;
            Ok(p.raise_span("non-default argument follows default argument", a))
        })?;
        // param_no_default* a='(' param_no_default+ ','? b=')'
        self.alt(|p| {
            p.repeat(|p| p.inv_pnd(lambda).map(|_| ()))?;
            let a = p.expect_op(Op::Lpar)?;
            if lambda {
                p.expect(K::Name)?;
                while p.at_op(Op::Comma) && p.peek2() == K::Name {
                    p.pos += 2;
                }
            } else if p.repeat(|p| p.inv_pnd(lambda).map(|_| ()))? == 0 {
                return Err(Fail::NoMatch);
            }
            p.eat_op(Op::Comma);
            let b = p.expect_op(Op::Rpar)?;
            let msg = if lambda {
                "Lambda expression parameters cannot be parenthesized"
            } else {
                "Function parameters cannot be parenthesized"
            };
            let (sa, sb) = (p.tok_span(a), p.tok_span(b));
            Ok(p.raise_range(msg, sa, sb))
        })?;
        // a="/" ','
        self.alt(|p| {
            let a = p.expect_op(Op::Slash)?;
            p.expect_op(Op::Comma)?;
            Ok(p.raise_token("at least one argument must precede /", a))
        })?;
        // (slash_no_default | slash_with_default) param_maybe_default* a='/'
        self.alt(|p| {
            p.inv_slash(lambda)?;
            p.repeat(|p| p.inv_pmd(lambda))?;
            let a = p.expect_op(Op::Slash)?;
            Ok(p.raise_token("/ may appear only once", a))
        })?;
        // (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default)
        //     param_maybe_default* a='/'
        self.alt(|p| {
            let save = p.pos;
            if p.attempt(|p| p.inv_slash(lambda))?.is_none() {
                p.pos = save;
            }
            p.repeat(|p| p.inv_pmd(lambda))?;
            p.expect_op(Op::Star)?;
            if !p.eat_op(Op::Comma) {
                p.inv_pnd(lambda)?;
            }
            p.repeat(|p| p.inv_pmd(lambda))?;
            let a = p.expect_op(Op::Slash)?;
            Ok(p.raise_token("/ must be ahead of *", a))
        })?;
        // param_maybe_default+ '/' a='*'
        self.alt(|p| {
            if p.repeat(|p| p.inv_pmd(lambda))? == 0 {
                return Err(Fail::NoMatch);
            }
            p.expect_op(Op::Slash)?;
            let a = p.expect_op(Op::Star)?;
            Ok(p.raise_token("expected comma between / and *", a))
        })
    }

    /// `invalid_default`: `'=' &(')'|',')`.
    pub(super) fn invalid_default(&mut self) -> PResult<()> {
        self.alt(|p| {
            let a = p.expect_op(Op::Equal)?;
            if !(p.at_op(Op::Rpar) || p.at_op(Op::Comma)) {
                return Err(Fail::NoMatch);
            }
            Ok(p.raise_token("expected default value expression", a))
        })
    }

    /// `invalid_star_etc` / `invalid_lambda_star_etc`.
    pub(super) fn invalid_star_etc(&mut self, lambda: bool) -> PResult<()> {
        let end = if lambda { Op::Colon } else { Op::Rpar };
        self.alt(|p| {
            let a = p.expect_op(Op::Star)?;
            let ok = if p.at_op(end) {
                true
            } else if p.eat_op(Op::Comma) {
                p.at_op(end) || p.at_op(Op::DoubleStar)
            } else {
                false
            };
            if !ok {
                return Err(Fail::NoMatch);
            }
            if lambda {
                Ok(p.raise_here("named arguments must follow bare *"))
            } else {
                Ok(p.raise_token("named arguments must follow bare *", a))
            }
        })?;
        if !lambda {
            self.alt(|p| {
                p.expect_op(Op::Star)?;
                p.expect_op(Op::Comma)?;
                p.expect(K::TypeComment)?;
                Ok(p.raise_here("bare * has associated type comment"))
            })?;
        }
        self.alt(|p| {
            p.expect_op(Op::Star)?;
            p.inv_param(lambda)?;
            let a = p.expect_op(Op::Equal)?;
            Ok(p.raise_token("var-positional argument cannot have default value", a))
        })?;
        self.alt(|p| {
            p.expect_op(Op::Star)?;
            if !p.eat_op(Op::Comma) {
                p.inv_pnd(lambda)?;
            }
            p.repeat(|p| p.inv_pmd(lambda))?;
            let a = p.expect_op(Op::Star)?;
            if !p.eat_op(Op::Comma) {
                p.inv_pnd(lambda)?;
            }
            Ok(p.raise_token("* argument may appear only once", a))
        })
    }

    /// `invalid_kwds` / `invalid_lambda_kwds`.
    pub(super) fn invalid_kwds(&mut self, lambda: bool) -> PResult<()> {
        self.alt(|p| {
            p.expect_op(Op::DoubleStar)?;
            p.inv_param(lambda)?;
            let a = p.expect_op(Op::Equal)?;
            Ok(p.raise_token("var-keyword argument cannot have default value", a))
        })?;
        self.alt(|p| {
            p.expect_op(Op::DoubleStar)?;
            p.inv_param(lambda)?;
            p.expect_op(Op::Comma)?;
            let a = p.inv_param(lambda)?;
            Ok(p.raise_span("arguments cannot follow var-keyword argument", a))
        })?;
        self.alt(|p| {
            p.expect_op(Op::DoubleStar)?;
            p.inv_param(lambda)?;
            p.expect_op(Op::Comma)?;
            if !matches!(p.cur(), K::Op(Op::Star | Op::DoubleStar | Op::Slash)) {
                return Err(Fail::NoMatch);
            }
            let a = p.bump();
            Ok(p.raise_token("arguments cannot follow var-keyword argument", a))
        })
    }
}
