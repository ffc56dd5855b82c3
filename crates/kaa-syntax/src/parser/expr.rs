//! Expressions: from `star_expressions` down to atoms, comprehensions, slices and lambda.
//!
//! Binary operators use precedence climbing; everything else follows the grammar's rules.
//! Where the PEG grammar would try an alternative and fall back, the code does the same with
//! `attempt`, which keeps the furthest token read (and so error locations) as CPython's.

use super::fstring_expr::StringSub;
use super::tokens::{Kw, K};
use super::{mk, Fail, Memo, PResult, Parser};
use crate::ast::{
    Arguments, BoolOp, CmpOp, Comprehension, Constant, Expr, ExprContext, ExprKind, Operator, UnaryOp,
};
use crate::token::Op;

/// Can an `expression` start with this token?
#[inline]
pub(super) fn starts_expression(k: K) -> bool {
    matches!(
        k,
        K::Name
            | K::Number
            | K::String
            | K::Op(Op::Lpar | Op::Lsqb | Op::Lbrace | Op::Minus | Op::Plus | Op::Tilde | Op::Ellipsis)
            | K::Kw(Kw::Not | Kw::Lambda | Kw::Await | Kw::None | Kw::True | Kw::False)
    )
}

/// Can a `star_expression` / `star_named_expression` start with this token?
#[inline]
pub(super) fn starts_star_expression(k: K) -> bool {
    k == K::Op(Op::Star) || starts_expression(k)
}

/// The binary operator a token stands for, with its precedence (higher binds tighter).
#[inline]
fn binop(k: K) -> Option<(Operator, u8)> {
    let K::Op(op) = k else { return None };
    Some(match op {
        Op::Vbar => (Operator::BitOr, 1),
        Op::Circumflex => (Operator::BitXor, 2),
        Op::Amper => (Operator::BitAnd, 3),
        Op::LeftShift => (Operator::LShift, 4),
        Op::RightShift => (Operator::RShift, 4),
        Op::Plus => (Operator::Add, 5),
        Op::Minus => (Operator::Sub, 5),
        Op::Star => (Operator::Mult, 6),
        Op::Slash => (Operator::Div, 6),
        Op::DoubleSlash => (Operator::FloorDiv, 6),
        Op::Percent => (Operator::Mod, 6),
        Op::At => (Operator::MatMult, 6),
        _ => return None,
    })
}

#[inline]
fn boxed(e: Expr) -> Box<Expr> {
    Box::new(e)
}

impl<'a> Parser<'a> {
    /// Runs `f` one level deeper (CPython counts every rule call against its stack limit).
    #[inline]
    pub(super) fn guarded<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        self.enter()?;
        let r = f(self);
        self.leave();
        r
    }

    /// `expressions`: the eval-mode body.
    pub(super) fn expressions(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let first = self.expression()?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if !starts_expression(self.cur()) {
                break;
            }
            elts.push(self.expression()?);
        }
        Ok(mk(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.span_from(start)))
    }

    /// `star_expressions`: one star_expression, or a tuple of them.
    pub(super) fn star_expressions(&mut self) -> PResult<Expr> {
        self.memoized(Memo::StarExpressions, |p| {
            let start = p.pos;
            let first = p.star_expression()?;
            if !p.at_op(Op::Comma) {
                return Ok(first);
            }
            let mut elts = vec![first];
            while p.eat_op(Op::Comma) {
                if !starts_star_expression(p.cur()) {
                    break;
                }
                match p.attempt(|p| p.star_expression())? {
                    Some(e) => elts.push(e),
                    None => break,
                }
            }
            Ok(mk(ExprKind::Tuple { elts, ctx: ExprContext::Load }, p.span_from(start)))
        })
    }

    /// `star_expression`: `'*' bitwise_or | expression`.
    pub(super) fn star_expression(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let start = self.bump();
            let value = self.bitwise_or()?;
            return Ok(mk(
                ExprKind::Starred { value: boxed(value), ctx: ExprContext::Load },
                self.span_from(start),
            ));
        }
        self.expression()
    }

    /// `star_named_expressions`: a comma-separated list with optional trailing comma.
    pub(super) fn star_named_expressions(&mut self) -> PResult<Vec<Expr>> {
        let mut v = vec![self.star_named_expression()?];
        while self.eat_op(Op::Comma) {
            if !starts_star_expression(self.cur()) {
                break;
            }
            match self.attempt(|p| p.star_named_expression())? {
                Some(e) => v.push(e),
                None => break,
            }
        }
        Ok(v)
    }

    /// `star_named_expression`: `'*' bitwise_or | named_expression`.
    pub(super) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let start = self.bump();
            let value = self.bitwise_or()?;
            return Ok(mk(
                ExprKind::Starred { value: boxed(value), ctx: ExprContext::Load },
                self.span_from(start),
            ));
        }
        self.named_expression()
    }

    /// `named_expression`: `NAME ':=' expression | expression !':='`.
    pub(super) fn named_expression(&mut self) -> PResult<Expr> {
        if self.cur() == K::Name && self.peek2() == K::Op(Op::ColonEqual) {
            return self.assignment_expression();
        }
        if self.call_invalid {
            self.invalid_named_expression()?;
        }
        let e = self.expression()?;
        if self.at_op(Op::ColonEqual) {
            return Err(Fail::NoMatch);
        }
        Ok(e)
    }

    /// `assignment_expression`: `NAME ':=' ~ expression` (the caller checked the two tokens).
    pub(super) fn assignment_expression(&mut self) -> PResult<Expr> {
        let start = self.bump();
        let target =
            mk(ExprKind::Name { id: self.ident(start), ctx: ExprContext::Store }, self.tok_span(start));
        self.bump();
        let value = self.expression()?;
        Ok(mk(ExprKind::NamedExpr { target: boxed(target), value: boxed(value) }, self.span_from(start)))
    }

    /// `expression`: conditional expressions, lambdas, and everything below.
    pub(super) fn expression(&mut self) -> PResult<Expr> {
        self.memoized(Memo::Expression, |p| p.guarded(|p| p.expression_inner()))
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        if self.call_invalid {
            self.invalid_expression()?;
            self.invalid_legacy_expression()?;
        }
        self.expression_body()
    }

    /// `expression` without its invalid alternatives (also `expression_without_invalid`).
    pub(super) fn expression_body(&mut self) -> PResult<Expr> {
        if self.at_kw(Kw::Lambda) {
            return self.lambdef();
        }
        let start = self.pos;
        let body = self.disjunction()?;
        if self.at_kw(Kw::If) {
            let after_body = self.pos;
            let cond = self.attempt(|p| {
                p.bump();
                let test = p.disjunction()?;
                p.expect_kw(Kw::Else)?;
                let orelse = p.expression()?;
                Ok((test, orelse))
            })?;
            match cond {
                Some((test, orelse)) => {
                    return Ok(mk(
                        ExprKind::IfExp { test: boxed(test), body: boxed(body), orelse: boxed(orelse) },
                        self.span_from(start),
                    ))
                }
                None => self.pos = after_body,
            }
        }
        Ok(body)
    }

    /// `disjunction`: `conjunction ('or' conjunction)+` flattened into one BoolOp.
    pub(super) fn disjunction(&mut self) -> PResult<Expr> {
        self.memoized(Memo::Disjunction, |p| p.bool_chain(Kw::Or))
    }

    /// `conjunction`: as `disjunction` with `and`.
    pub(super) fn conjunction(&mut self) -> PResult<Expr> {
        self.bool_chain(Kw::And)
    }

    fn bool_chain(&mut self, kw: Kw) -> PResult<Expr> {
        let start = self.pos;
        let first = if kw == Kw::Or { self.conjunction()? } else { self.inversion()? };
        if !self.at_kw(kw) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.at_kw(kw) {
            let save = self.pos;
            self.bump();
            let next = self.attempt(|p| if kw == Kw::Or { p.conjunction() } else { p.inversion() })?;
            match next {
                Some(e) => values.push(e),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        if values.len() == 1 {
            return Ok(values.pop().unwrap());
        }
        let op = if kw == Kw::Or { BoolOp::Or } else { BoolOp::And };
        Ok(mk(ExprKind::BoolOp { op, values }, self.span_from(start)))
    }

    /// `inversion`: `'not' inversion | comparison`.
    pub(super) fn inversion(&mut self) -> PResult<Expr> {
        if self.at_kw(Kw::Not) {
            let start = self.pos;
            let r = self.attempt(|p| {
                p.bump();
                p.guarded(|p| p.inversion())
            })?;
            if let Some(operand) = r {
                return Ok(mk(
                    ExprKind::UnaryOp { op: UnaryOp::Not, operand: boxed(operand) },
                    self.span_from(start),
                ));
            }
        }
        self.comparison()
    }

    /// `comparison`: `bitwise_or (compare_op bitwise_or)*`.
    fn comparison(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let (op, n) = match self.cur() {
                K::Op(Op::EqEqual) => (CmpOp::Eq, 1),
                K::Op(Op::NotEqual) if self.text(self.pos) == "!=" => (CmpOp::NotEq, 1),
                K::Op(Op::LessEqual) => (CmpOp::LtE, 1),
                K::Op(Op::Less) => (CmpOp::Lt, 1),
                K::Op(Op::GreaterEqual) => (CmpOp::GtE, 1),
                K::Op(Op::Greater) => (CmpOp::Gt, 1),
                K::Kw(Kw::Not) if self.peek2() == K::Kw(Kw::In) => (CmpOp::NotIn, 2),
                K::Kw(Kw::In) => (CmpOp::In, 1),
                K::Kw(Kw::Is) => {
                    if self.peek2() == K::Kw(Kw::Not) {
                        // `is not x`, and if that fails, `is (not ...)` cannot follow either.
                        (CmpOp::IsNot, 2)
                    } else {
                        (CmpOp::Is, 1)
                    }
                }
                _ => break,
            };
            let save = self.pos;
            self.pos += n;
            match self.attempt(|p| p.bitwise_or())? {
                Some(e) => {
                    ops.push(op);
                    comparators.push(e);
                }
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(mk(ExprKind::Compare { left: boxed(left), ops, comparators }, self.span_from(start)))
    }

    /// `bitwise_or` and everything down to `term`.
    pub(super) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.memoized(Memo::BitwiseOr, |p| p.binary(1))
    }

    /// Left-associative binary operators of precedence `min` and above.
    fn binary(&mut self, min: u8) -> PResult<Expr> {
        let start = self.pos;
        let mut left = self.factor()?;
        let mut chain = 0;
        while let Some((op, prec)) = binop(self.cur()) {
            if prec < min {
                break;
            }
            let save = self.pos;
            self.bump();
            match self.attempt(|p| p.binary(prec + 1))? {
                Some(right) => {
                    chain += 1;
                    self.check_chain(chain)?;
                    left = mk(
                        ExprKind::BinOp { left: boxed(left), op, right: boxed(right) },
                        self.span_from(start),
                    );
                }
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        Ok(left)
    }

    /// `factor`: unary `+`, `-`, `~`, then `power`.
    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.cur() {
            K::Op(Op::Plus) => UnaryOp::UAdd,
            K::Op(Op::Minus) => UnaryOp::USub,
            K::Op(Op::Tilde) => UnaryOp::Invert,
            _ => return self.power(),
        };
        let start = self.bump();
        let operand = self.guarded(|p| p.factor())?;
        Ok(mk(ExprKind::UnaryOp { op, operand: boxed(operand) }, self.span_from(start)))
    }

    /// `power`: `await_primary '**' factor | await_primary`.
    fn power(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let left = self.await_primary()?;
        if self.at_op(Op::DoubleStar) {
            let save = self.pos;
            self.bump();
            match self.attempt(|p| p.guarded(|p| p.factor()))? {
                Some(right) => {
                    return Ok(mk(
                        ExprKind::BinOp { left: boxed(left), op: Operator::Pow, right: boxed(right) },
                        self.span_from(start),
                    ))
                }
                None => self.pos = save,
            }
        }
        Ok(left)
    }

    /// `await_primary`: `AWAIT primary | primary`.
    fn await_primary(&mut self) -> PResult<Expr> {
        if self.at_kw(Kw::Await) {
            let start = self.bump();
            let value = self.primary()?;
            return Ok(mk(ExprKind::Await { value: boxed(value) }, self.span_from(start)));
        }
        self.primary()
    }

    /// `primary`: an atom followed by attribute, call and subscript trailers.
    pub(super) fn primary(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let mut e = self.atom()?;
        let mut chain = 0;
        loop {
            chain += 1;
            self.check_chain(chain)?;
            match self.cur() {
                K::Op(Op::Dot) => {
                    if self.peek2() != K::Name {
                        break;
                    }
                    self.bump();
                    let n = self.bump();
                    e = mk(
                        ExprKind::Attribute { value: boxed(e), attr: self.ident(n), ctx: ExprContext::Load },
                        self.span_from(start),
                    );
                }
                K::Op(Op::Lpar) => {
                    let save = self.pos;
                    match self.attempt(|p| p.call_trailer())? {
                        Some((args, keywords)) => {
                            e = mk(ExprKind::Call { func: boxed(e), args, keywords }, self.span_from(start));
                        }
                        None => {
                            self.pos = save;
                            break;
                        }
                    }
                }
                K::Op(Op::Lsqb) => {
                    let save = self.pos;
                    let r = self.attempt(|p| {
                        p.bump();
                        let s = p.slices()?;
                        p.expect_op(Op::Rsqb)?;
                        Ok(s)
                    })?;
                    match r {
                        Some(slice) => {
                            e = mk(
                                ExprKind::Subscript {
                                    value: boxed(e),
                                    slice: boxed(slice),
                                    ctx: ExprContext::Load,
                                },
                                self.span_from(start),
                            );
                        }
                        None => {
                            self.pos = save;
                            break;
                        }
                    }
                }
                _ => break,
            }
        }
        Ok(e)
    }

    /// `slices`: one slice, or a tuple of slices and starred expressions.
    pub(super) fn slices(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let first = self.slice_item()?;
        let starred = matches!(first.kind, ExprKind::Starred { .. });
        if !self.at_op(Op::Comma) && !starred {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if !(starts_expression(self.cur()) || self.at_op(Op::Colon) || self.at_op(Op::Star)) {
                break;
            }
            match self.attempt(|p| p.slice_item())? {
                Some(e) => elts.push(e),
                None => break,
            }
        }
        Ok(mk(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.span_from(start)))
    }

    /// `slice | starred_expression`.
    fn slice_item(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            return self.starred_expression();
        }
        self.slice()
    }

    /// `slice`: `[expression] ':' [expression] [':' [expression]] | named_expression`.
    fn slice(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if self.cur() == K::Name && self.peek2() == K::Op(Op::ColonEqual) {
            return self.named_expression();
        }
        let lower = if self.at_op(Op::Colon) { None } else { self.attempt(|p| p.expression())? };
        if !self.at_op(Op::Colon) {
            if lower.is_none() && !self.pass2 {
                // named_expression would fail the same way (and re-reading it at every level of
                // `x[(x[(...` would take exponential time).
                return Err(Fail::NoMatch);
            }
            if self.call_invalid || lower.is_none() {
                self.pos = start;
                return self.named_expression();
            }
            if self.at_op(Op::ColonEqual) {
                return Err(Fail::NoMatch);
            }
            return Ok(lower.unwrap());
        }
        self.bump();
        let upper = self.optional_expression()?;
        let step = if self.eat_op(Op::Colon) { self.optional_expression()? } else { None };
        Ok(mk(
            ExprKind::Slice { lower: lower.map(boxed), upper: upper.map(boxed), step: step.map(boxed) },
            self.span_from(start),
        ))
    }

    /// `[expression]`.
    fn optional_expression(&mut self) -> PResult<Option<Expr>> {
        if !starts_expression(self.cur()) {
            return Ok(None);
        }
        self.attempt(|p| p.expression())
    }

    /// `starred_expression`: `'*' expression`.
    pub(super) fn starred_expression(&mut self) -> PResult<Expr> {
        let start = self.expect_op(Op::Star)?;
        let value = self.expression()?;
        Ok(mk(ExprKind::Starred { value: boxed(value), ctx: ExprContext::Load }, self.span_from(start)))
    }

    /// `atom`.
    pub(super) fn atom(&mut self) -> PResult<Expr> {
        let i = self.pos;
        let k = self.cur();
        let constant = |p: &mut Self, value: Constant| {
            p.bump();
            Ok(mk(ExprKind::Constant { value, kind: None }, p.tok_span(i)))
        };
        match k {
            K::Name => {
                self.bump();
                Ok(mk(ExprKind::Name { id: self.ident(i), ctx: ExprContext::Load }, self.tok_span(i)))
            }
            K::Kw(Kw::True) => constant(self, Constant::Bool(true)),
            K::Kw(Kw::False) => constant(self, Constant::Bool(false)),
            K::Kw(Kw::None) => constant(self, Constant::None),
            K::Op(Op::Ellipsis) => constant(self, Constant::Ellipsis),
            K::Number => self.number(),
            K::String => self.strings(),
            K::Op(Op::Lpar) => self.paren_atom(),
            K::Op(Op::Lsqb) => self.bracket_atom(),
            K::Op(Op::Lbrace) => self.brace_atom(),
            _ => Err(Fail::NoMatch),
        }
    }

    /// A NUMBER token's constant.
    pub(super) fn number(&mut self) -> PResult<Expr> {
        let i = self.expect(K::Number)?;
        match super::strings::parse_number(self.text(i)) {
            Ok(value) => Ok(mk(ExprKind::Constant { value, kind: None }, self.tok_span(i))),
            Err(msg) => {
                let t = self.ts.toks[i];
                Err(self.raise_raw(crate::SyntaxErrorKind::SyntaxError, &msg, t.lineno, 0, t.end_lineno, 0))
            }
        }
    }

    /// `strings`: adjacent STRING tokens, decoded by the literal module.
    pub(super) fn strings(&mut self) -> PResult<Expr> {
        let first = self.pos;
        while self.at(K::String) {
            self.bump();
        }
        // The STRING+ loop has looked at the token after the group.
        self.cur();
        let last = self.pos;
        let after = self.ts.raw[last - 1] as usize + 1;
        let raw_after = self.raw.get(after..).unwrap_or(&[]);
        let mut sub = StringSub {
            after: raw_after,
            depth: self.fstring_depth,
            fstring_col_offset: self.fstring.map(|f| f.starting_col_offset),
            byte_columns: self.byte_columns,
        };
        let toks = &self.ts.toks[first..last];
        match super::strings::parse_string_group(self.src, toks, &mut sub) {
            Ok(e) => Ok(e),
            Err(e) => Err(Fail::Error(Box::new(e))),
        }
    }

    /// `tuple | group | genexp`.
    fn paren_atom(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let r = self.attempt(|p| p.paren_atom_inner())?;
        match r {
            Some(e) => Ok(e),
            None => {
                if self.call_invalid {
                    self.invalid_group()?;
                    self.invalid_comprehension()?;
                }
                self.pos = start;
                Err(Fail::NoMatch)
            }
        }
    }

    fn paren_atom_inner(&mut self) -> PResult<Expr> {
        let start = self.bump();
        if self.eat_op(Op::Rpar) {
            return Ok(mk(ExprKind::Tuple { elts: vec![], ctx: ExprContext::Load }, self.span_from(start)));
        }
        if self.at_kw(Kw::Yield) {
            let e = self.yield_expr()?;
            self.expect_op(Op::Rpar)?;
            return Ok(e);
        }
        let first = self.star_named_expression()?;
        let starred = matches!(first.kind, ExprKind::Starred { .. });
        match self.cur() {
            K::Op(Op::Comma) => {
                let mut elts = vec![first];
                while self.eat_op(Op::Comma) {
                    if !starts_star_expression(self.cur()) {
                        break;
                    }
                    match self.attempt(|p| p.star_named_expression())? {
                        Some(e) => elts.push(e),
                        None => break,
                    }
                }
                self.expect_op(Op::Rpar)?;
                Ok(mk(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.span_from(start)))
            }
            K::Op(Op::Rpar) if !starred => {
                self.bump();
                Ok(first)
            }
            K::Kw(Kw::For | Kw::Async) if !starred => {
                let generators = self.for_if_clauses()?;
                self.expect_op(Op::Rpar)?;
                Ok(mk(ExprKind::GeneratorExp { elt: boxed(first), generators }, self.span_from(start)))
            }
            _ => Err(Fail::NoMatch),
        }
    }

    /// `list | listcomp`.
    fn bracket_atom(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let r = self.attempt(|p| {
            p.bump();
            if p.eat_op(Op::Rsqb) {
                return Ok(mk(ExprKind::List { elts: vec![], ctx: ExprContext::Load }, p.span_from(start)));
            }
            let first = p.star_named_expression()?;
            if matches!(p.cur(), K::Kw(Kw::For | Kw::Async))
                && !matches!(first.kind, ExprKind::Starred { .. })
            {
                let generators = p.for_if_clauses()?;
                p.expect_op(Op::Rsqb)?;
                return Ok(mk(ExprKind::ListComp { elt: boxed(first), generators }, p.span_from(start)));
            }
            let mut elts = vec![first];
            while p.eat_op(Op::Comma) {
                if !starts_star_expression(p.cur()) {
                    break;
                }
                match p.attempt(|p| p.star_named_expression())? {
                    Some(e) => elts.push(e),
                    None => break,
                }
            }
            p.expect_op(Op::Rsqb)?;
            Ok(mk(ExprKind::List { elts, ctx: ExprContext::Load }, p.span_from(start)))
        })?;
        match r {
            Some(e) => Ok(e),
            None => {
                if self.call_invalid {
                    self.invalid_comprehension()?;
                }
                Err(Fail::NoMatch)
            }
        }
    }

    /// `dict | set | dictcomp | setcomp`.
    fn brace_atom(&mut self) -> PResult<Expr> {
        if self.pass2 {
            return self.brace_atom_checked();
        }
        match self.attempt(|p| p.brace_atom_inner())? {
            Some(e) => Ok(e),
            None => {
                // dict's second alternative is not guarded by the invalid-rules switch.
                self.memo_on += 1;
                let r = self.invalid_double_starred_kvpairs_in_dict();
                self.memo_on -= 1;
                r?;
                Err(Fail::NoMatch)
            }
        }
    }

    /// The second pass tries the alternatives one by one, in the grammar's order. CPython's
    /// unguarded `'{' invalid_double_starred_kvpairs '}'` leaves the invalid rules on for the
    /// alternatives after it, even inside `expression_without_invalid` (observed: `1 {a.b := 1}`
    /// reports the walrus).
    fn brace_atom_checked(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let dict = self.attempt(|p| {
            p.bump();
            if p.eat_op(Op::Rbrace) {
                return Ok(mk(ExprKind::Dict { keys: vec![], values: vec![] }, p.span_from(start)));
            }
            let (k, v) = p.double_starred_kvpair()?;
            let (mut keys, mut values) = (vec![k], vec![v]);
            while p.eat_op(Op::Comma) {
                if !(starts_expression(p.cur()) || p.at_op(Op::DoubleStar)) {
                    break;
                }
                match p.attempt(|p| p.double_starred_kvpair())? {
                    Some((k, v)) => {
                        keys.push(k);
                        values.push(v);
                    }
                    None => break,
                }
            }
            p.expect_op(Op::Rbrace)?;
            Ok(mk(ExprKind::Dict { keys, values }, p.span_from(start)))
        })?;
        if let Some(d) = dict {
            return Ok(d);
        }
        self.invalid_double_starred_kvpairs_in_dict()?;
        self.with_invalid_in_pass2(|p| {
            let set = p.attempt(|p| {
                p.bump();
                let elts = p.star_named_expressions()?;
                p.expect_op(Op::Rbrace)?;
                Ok(mk(ExprKind::Set { elts }, p.span_from(start)))
            })?;
            if let Some(e) = set {
                return Ok(e);
            }
            let dictcomp = p.attempt(|p| {
                p.bump();
                let k = p.expression()?;
                p.expect_op(Op::Colon)?;
                let v = p.expression()?;
                let generators = p.for_if_clauses()?;
                p.expect_op(Op::Rbrace)?;
                Ok(mk(ExprKind::DictComp { key: boxed(k), value: boxed(v), generators }, p.span_from(start)))
            })?;
            if let Some(e) = dictcomp {
                return Ok(e);
            }
            p.invalid_dict_comprehension()?;
            let setcomp = p.attempt(|p| {
                p.bump();
                let e = p.named_expression()?;
                let generators = p.for_if_clauses()?;
                p.expect_op(Op::Rbrace)?;
                Ok(mk(ExprKind::SetComp { elt: boxed(e), generators }, p.span_from(start)))
            })?;
            if let Some(e) = setcomp {
                return Ok(e);
            }
            p.invalid_comprehension()?;
            Err(Fail::NoMatch)
        })
    }

    fn brace_atom_inner(&mut self) -> PResult<Expr> {
        let start = self.bump();
        if self.eat_op(Op::Rbrace) {
            return Ok(mk(ExprKind::Dict { keys: vec![], values: vec![] }, self.span_from(start)));
        }
        if self.at_op(Op::DoubleStar) {
            return self.dict_rest(start, None);
        }
        let first =
            if self.at_op(Op::Star) || (self.cur() == K::Name && self.peek2() == K::Op(Op::ColonEqual)) {
                None
            } else {
                let e = self.expression()?;
                if self.at_op(Op::Colon) {
                    return self.dict_rest(start, Some(e));
                }
                if self.at_op(Op::ColonEqual) {
                    return Err(Fail::NoMatch);
                }
                Some(e)
            };
        self.set_rest(start, first)
    }

    /// A set display or comprehension after its `{` (`first`: its parsed first element).
    fn set_rest(&mut self, start: usize, first: Option<Expr>) -> PResult<Expr> {
        let first = match first {
            Some(e) => e,
            None => self.star_named_expression()?,
        };
        let starred = matches!(first.kind, ExprKind::Starred { .. });
        if matches!(self.cur(), K::Kw(Kw::For | Kw::Async)) && !starred {
            let generators = self.for_if_clauses()?;
            self.expect_op(Op::Rbrace)?;
            return Ok(mk(ExprKind::SetComp { elt: boxed(first), generators }, self.span_from(start)));
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if !starts_star_expression(self.cur()) {
                break;
            }
            match self.attempt(|p| p.star_named_expression())? {
                Some(e) => elts.push(e),
                None => break,
            }
        }
        self.expect_op(Op::Rbrace)?;
        Ok(mk(ExprKind::Set { elts }, self.span_from(start)))
    }

    /// The rest of a dict display or comprehension; `first_key` is parsed and `:` is next, or
    /// `**` is next when it is `None`.
    fn dict_rest(&mut self, start: usize, first_key: Option<Expr>) -> PResult<Expr> {
        let mut keys = Vec::new();
        let mut values = Vec::new();
        match first_key {
            Some(k) => {
                self.expect_op(Op::Colon)?;
                let v = self.expression()?;
                if matches!(self.cur(), K::Kw(Kw::For | Kw::Async)) {
                    let generators = self.for_if_clauses()?;
                    self.expect_op(Op::Rbrace)?;
                    return Ok(mk(
                        ExprKind::DictComp { key: boxed(k), value: boxed(v), generators },
                        self.span_from(start),
                    ));
                }
                keys.push(Some(k));
                values.push(v);
            }
            None => {
                let (k, v) = self.double_starred_kvpair()?;
                keys.push(k);
                values.push(v);
            }
        }
        while self.eat_op(Op::Comma) {
            if !(starts_expression(self.cur()) || self.at_op(Op::DoubleStar)) {
                break;
            }
            match self.attempt(|p| p.double_starred_kvpair())? {
                Some((k, v)) => {
                    keys.push(k);
                    values.push(v);
                }
                None => break,
            }
        }
        self.expect_op(Op::Rbrace)?;
        Ok(mk(ExprKind::Dict { keys, values }, self.span_from(start)))
    }

    /// `double_starred_kvpair`: `'**' bitwise_or | expression ':' expression`.
    pub(super) fn double_starred_kvpair(&mut self) -> PResult<(Option<Expr>, Expr)> {
        if self.eat_op(Op::DoubleStar) {
            let v = self.bitwise_or()?;
            return Ok((None, v));
        }
        let k = self.expression()?;
        self.expect_op(Op::Colon)?;
        let v = self.expression()?;
        Ok((Some(k), v))
    }

    /// `for_if_clauses`: one or more `[async] for ... in ... [if ...]*`.
    pub(super) fn for_if_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut v = Vec::new();
        loop {
            let k = self.cur();
            if !(k == K::Kw(Kw::For) || (k == K::Kw(Kw::Async) && self.peek2() == K::Kw(Kw::For))) {
                if k == K::Kw(Kw::Async) && v.is_empty() {
                    // `ASYNC 'for'` failed on its second token.
                    return Err(Fail::NoMatch);
                }
                break;
            }
            if v.is_empty() {
                v.push(self.for_if_clause()?);
            } else {
                match self.attempt(|p| p.for_if_clause())? {
                    Some(c) => v.push(c),
                    None => break,
                }
            }
        }
        if v.is_empty() {
            return Err(Fail::NoMatch);
        }
        Ok(v)
    }

    /// `for_if_clause`.
    fn for_if_clause(&mut self) -> PResult<Comprehension> {
        let start = self.pos;
        let is_async = self.eat_kw(Kw::Async);
        self.expect_kw(Kw::For)?;
        let target = match self.attempt(|p| {
            let t = p.star_targets()?;
            p.expect_kw(Kw::In)?;
            Ok(t)
        })? {
            Some(t) => t,
            None => {
                if self.call_invalid {
                    self.pos = start;
                    self.invalid_for_target()?;
                }
                return Err(Fail::NoMatch);
            }
        };
        // After `in` the clause is committed (`~`).
        let iter = self.disjunction()?;
        let mut ifs = Vec::new();
        while self.at_kw(Kw::If) {
            let save = self.pos;
            self.bump();
            match self.attempt(|p| p.disjunction())? {
                Some(e) => ifs.push(e),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        Ok(Comprehension { target: boxed(target), iter: boxed(iter), ifs, is_async: is_async as i64 })
    }

    /// `yield_expr`: `'yield' 'from' expression | 'yield' [star_expressions]`.
    pub(super) fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.expect_kw(Kw::Yield)?;
        if self.eat_kw(Kw::From) {
            let value = self.expression()?;
            return Ok(mk(ExprKind::YieldFrom { value: boxed(value) }, self.span_from(start)));
        }
        let value =
            if starts_star_expression(self.cur()) { self.attempt(|p| p.star_expressions())? } else { None };
        Ok(mk(ExprKind::Yield { value: value.map(boxed) }, self.span_from(start)))
    }

    /// `lambdef`: `'lambda' [lambda_params] ':' expression`.
    pub(super) fn lambdef(&mut self) -> PResult<Expr> {
        let start = self.expect_kw(Kw::Lambda)?;
        let args = if self.at_op(Op::Colon) { None } else { self.attempt(|p| p.lambda_params())? };
        self.expect_op(Op::Colon)?;
        let body = self.expression()?;
        let args = args.unwrap_or_else(empty_arguments);
        Ok(mk(ExprKind::Lambda { args: Box::new(args), body: boxed(body) }, self.span_from(start)))
    }
}

/// `_PyPegen_empty_arguments`.
pub(super) fn empty_arguments() -> Arguments {
    Arguments {
        posonlyargs: vec![],
        args: vec![],
        vararg: None,
        kwonlyargs: vec![],
        kw_defaults: vec![],
        kwarg: None,
        defaults: vec![],
    }
}
