//! Assignment, `for`, `with ... as` and `del` targets.
//!
//! A target is read as a `primary` (an atom with trailers) and then checked: it must end in an
//! attribute or subscript, or be a name, or a parenthesized/bracketed sequence of targets,
//! exactly the forms of the grammar's `star_target` / `del_target`. Checking and setting the
//! context (`Store`, `Del`) is one walk. Assignment statements parse their left-hand sides as
//! expressions first and convert them the same way.

use super::expr::starts_expression;
use super::{mk, Fail, PResult, Parser};
use crate::ast::{Expr, ExprContext, ExprKind};
use crate::token::Op;

/// Checks that `e` is a valid `star_targets` and sets `Store` contexts (the `Starred` of a
/// target and the elements of tuples and lists included).
pub(super) fn to_store(e: &mut Expr) -> bool {
    match &mut e.kind {
        ExprKind::Name { ctx, .. } | ExprKind::Attribute { ctx, .. } | ExprKind::Subscript { ctx, .. } => {
            *ctx = ExprContext::Store;
            true
        }
        ExprKind::Starred { value, ctx } => {
            if matches!(value.kind, ExprKind::Starred { .. }) {
                return false;
            }
            *ctx = ExprContext::Store;
            to_store(value)
        }
        ExprKind::Tuple { elts, ctx } | ExprKind::List { elts, ctx } => {
            *ctx = ExprContext::Store;
            elts.iter_mut().all(to_store)
        }
        _ => false,
    }
}

/// Checks that `e` is a valid `del_target` list element and sets `Del` contexts.
fn to_del(e: &mut Expr) -> bool {
    match &mut e.kind {
        ExprKind::Name { ctx, .. } | ExprKind::Attribute { ctx, .. } | ExprKind::Subscript { ctx, .. } => {
            *ctx = ExprContext::Del;
            true
        }
        ExprKind::Tuple { elts, ctx } | ExprKind::List { elts, ctx } => {
            *ctx = ExprContext::Del;
            elts.iter_mut().all(to_del)
        }
        _ => false,
    }
}

/// `single_target`: a name, attribute or subscript, possibly in parentheses.
pub(super) fn is_single_target(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. })
}

/// Sets `Store` on a single target.
pub(super) fn store_single(e: &mut Expr) {
    if let ExprKind::Name { ctx, .. } | ExprKind::Attribute { ctx, .. } | ExprKind::Subscript { ctx, .. } =
        &mut e.kind
    {
        *ctx = ExprContext::Store;
    }
}

/// Can a target start with this token (`star_target` or `del_target`)?
#[inline]
fn starts_target(p: &mut Parser) -> bool {
    let k = p.cur();
    starts_expression(k) || p.at_op(Op::Star)
}

impl<'a> Parser<'a> {
    /// `star_targets`: one target, or a tuple of them (with `Store` context).
    pub(super) fn star_targets(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let first = self.star_target()?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if !starts_target(self) {
                break;
            }
            match self.attempt(|p| p.star_target())? {
                Some(t) => elts.push(t),
                None => break,
            }
        }
        Ok(mk(ExprKind::Tuple { elts, ctx: ExprContext::Store }, self.span_from(start)))
    }

    /// `star_target`: `'*' star_target | target_with_star_atom`.
    pub(super) fn star_target(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let start = self.bump();
            if self.at_op(Op::Star) {
                return Err(Fail::NoMatch);
            }
            let inner = self.guarded(|p| p.star_target())?;
            return Ok(mk(
                ExprKind::Starred { value: Box::new(inner), ctx: ExprContext::Store },
                self.span_from(start),
            ));
        }
        self.target_with_star_atom()
    }

    /// `target_with_star_atom`: a primary that is a valid target (not starred itself).
    fn target_with_star_atom(&mut self) -> PResult<Expr> {
        let mut e = self.primary()?;
        if matches!(e.kind, ExprKind::Starred { .. }) || !to_store(&mut e) {
            return Err(Fail::NoMatch);
        }
        Ok(e)
    }

    /// `del_targets`: `','.del_target+ [',']`.
    pub(super) fn del_targets(&mut self) -> PResult<Vec<Expr>> {
        let mut v = vec![self.del_target()?];
        while self.eat_op(Op::Comma) {
            if !starts_target(self) {
                break;
            }
            match self.attempt(|p| p.del_target())? {
                Some(t) => v.push(t),
                None => break,
            }
        }
        Ok(v)
    }

    /// `del_target`.
    fn del_target(&mut self) -> PResult<Expr> {
        let mut e = self.primary()?;
        if !to_del(&mut e) {
            return Err(Fail::NoMatch);
        }
        Ok(e)
    }
}
