//! Function and lambda parameters (`parameters`, `lambda_parameters`).
//!
//! The grammar's five `parameters` alternatives amount to one left-to-right scan: plain
//! parameters, an optional `/` that turns the ones before it positional-only, parameters with
//! defaults (no plain one may follow), then `*args` or a bare `*` with keyword-only parameters,
//! then `**kwargs`. A `def` parameter may carry an annotation and a type comment; a lambda's
//! end with `:` instead of `)`.

use super::tokens::K;
use super::{Fail, PResult, Parser};
use crate::ast::{Arg, Arguments, Expr};
use crate::token::Op;

impl<'a> Parser<'a> {
    /// `params` of a `def`, up to (not including) the `)`.
    pub(super) fn params(&mut self) -> PResult<Arguments> {
        if self.call_invalid {
            self.invalid_parameters(false)?;
        }
        self.parameters(false)
    }

    /// `lambda_params`, up to (not including) the `:`.
    pub(super) fn lambda_params(&mut self) -> PResult<Arguments> {
        if self.call_invalid {
            self.invalid_parameters(true)?;
        }
        self.parameters(true)
    }

    /// The token that ends the parameter list.
    #[inline]
    fn params_end(&self, lambda: bool) -> K {
        if lambda {
            K::Op(Op::Colon)
        } else {
            K::Op(Op::Rpar)
        }
    }

    fn parameters(&mut self, lambda: bool) -> PResult<Arguments> {
        let mut posonly: Vec<Arg> = Vec::new();
        let mut plain: Vec<Arg> = Vec::new();
        let mut defaults: Vec<Expr> = Vec::new();
        let mut slash = false;
        let mut any = false;
        loop {
            match self.cur() {
                K::Name => {
                    let mut arg = self.param(lambda, false)?;
                    let default = if self.at_op(Op::Equal) { Some(self.default()?) } else { None };
                    match default {
                        Some(d) => defaults.push(d),
                        None if !defaults.is_empty() => return Err(Fail::NoMatch),
                        None => {}
                    }
                    arg.type_comment = self.param_end(lambda)?;
                    plain.push(arg);
                    any = true;
                }
                K::Op(Op::Slash) => {
                    if slash || plain.is_empty() {
                        return Err(Fail::NoMatch);
                    }
                    self.bump();
                    if !self.eat_op(Op::Comma) && self.cur() != self.params_end(lambda) {
                        return Err(Fail::NoMatch);
                    }
                    posonly = std::mem::take(&mut plain);
                    slash = true;
                }
                K::Op(Op::Star | Op::DoubleStar) => {
                    let (vararg, kwonly, kw_defaults, kwarg) = self.star_etc(lambda)?;
                    return Ok(Arguments {
                        posonlyargs: posonly,
                        args: plain,
                        vararg,
                        kwonlyargs: kwonly,
                        kw_defaults,
                        kwarg,
                        defaults,
                    });
                }
                _ => break,
            }
        }
        if !any && !slash {
            return Err(Fail::NoMatch);
        }
        Ok(Arguments {
            posonlyargs: posonly,
            args: plain,
            vararg: None,
            kwonlyargs: vec![],
            kw_defaults: vec![],
            kwarg: None,
            defaults,
        })
    }

    /// `param`: `NAME [annotation]` (`star_annotation` allowed for `*args`).
    fn param(&mut self, lambda: bool, star: bool) -> PResult<Arg> {
        let start = self.expect(K::Name)?;
        let mut annotation = None;
        if !lambda && self.at_op(Op::Colon) {
            self.bump();
            let e = if star && self.at_op(Op::Star) { self.star_expression()? } else { self.expression()? };
            annotation = Some(Box::new(e));
        }
        Ok(Arg { arg: self.ident(start), annotation, type_comment: None, span: self.span_from(start) })
    }

    /// `default`: `'=' expression`, or in the second pass `invalid_default`.
    fn default(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.expect_op(Op::Equal)?;
        match self.attempt(|p| p.expression())? {
            Some(e) => Ok(e),
            None => {
                if self.call_invalid {
                    self.pos = start;
                    self.invalid_default()?;
                }
                Err(Fail::NoMatch)
            }
        }
    }

    /// After a parameter: `',' [TYPE_COMMENT]` or `[TYPE_COMMENT] &')'` (a lambda: `','` or
    /// `&':'`). Gives the type comment.
    fn param_end(&mut self, lambda: bool) -> PResult<Option<String>> {
        if self.eat_op(Op::Comma) {
            if !lambda && self.at(K::TypeComment) {
                let i = self.bump();
                return Ok(Some(self.text(i).to_string()));
            }
            return Ok(None);
        }
        let mut tc = None;
        if !lambda && self.at(K::TypeComment) {
            let i = self.pos;
            if self.kind_at(i + 1) == K::Op(Op::Rpar) {
                self.bump();
                tc = Some(self.text(i).to_string());
            }
        }
        if self.cur() == self.params_end(lambda) {
            Ok(tc)
        } else {
            Err(Fail::NoMatch)
        }
    }

    /// `star_etc`: `*args` or bare `*` with keyword-only parameters, and/or `**kwargs`.
    #[allow(clippy::type_complexity)]
    fn star_etc(
        &mut self,
        lambda: bool,
    ) -> PResult<(Option<Box<Arg>>, Vec<Arg>, Vec<Option<Expr>>, Option<Box<Arg>>)> {
        if self.call_invalid {
            self.invalid_star_etc(lambda)?;
        }
        let mut vararg = None;
        let mut kwonly = Vec::new();
        let mut kw_defaults = Vec::new();
        if self.eat_op(Op::Star) {
            if self.eat_op(Op::Comma) {
                // A bare `*` needs at least one keyword-only parameter.
                if self.cur() != K::Name {
                    return Err(Fail::NoMatch);
                }
            } else {
                let mut arg = self.param(lambda, true)?;
                arg.type_comment = self.param_end(lambda)?;
                vararg = Some(Box::new(arg));
            }
            while self.at(K::Name) {
                let mut arg = self.param(lambda, false)?;
                let default = if self.at_op(Op::Equal) { Some(self.default()?) } else { None };
                arg.type_comment = self.param_end(lambda)?;
                kwonly.push(arg);
                kw_defaults.push(default);
            }
        }
        let kwarg = if self.at_op(Op::DoubleStar) { Some(Box::new(self.kwds(lambda)?)) } else { None };
        if vararg.is_none() && kwonly.is_empty() && kwarg.is_none() {
            return Err(Fail::NoMatch);
        }
        Ok((vararg, kwonly, kw_defaults, kwarg))
    }

    /// `kwds`: `'**' param_no_default`.
    fn kwds(&mut self, lambda: bool) -> PResult<Arg> {
        if self.call_invalid {
            self.invalid_kwds(lambda)?;
        }
        self.expect_op(Op::DoubleStar)?;
        let mut arg = self.param(lambda, false)?;
        arg.type_comment = self.param_end(lambda)?;
        Ok(arg)
    }
}
