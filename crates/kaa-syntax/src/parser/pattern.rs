//! `match` patterns (PEP 634): literal, capture, wildcard, value, group, sequence, mapping,
//! class, or- and as-patterns, as CPython's `patterns` rule builds them.

use super::tokens::{Kw, K};
use super::{mk, Fail, PResult, Parser};
use crate::ast::{Constant, Expr, ExprContext, ExprKind, Operator, Pattern, PatternKind, UnaryOp};
use crate::token::Op;

#[inline]
fn pat(kind: PatternKind, span: crate::ast::Span) -> Pattern {
    Pattern { kind, span }
}

fn is_complex(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Constant { value: Constant::Complex { .. }, .. })
}

impl<'a> Parser<'a> {
    /// `patterns`: `open_sequence_pattern | pattern`.
    pub(super) fn patterns(&mut self) -> PResult<Pattern> {
        let start = self.pos;
        let first = self.maybe_star_pattern()?;
        if self.at_op(Op::Comma) {
            self.bump();
            let mut patterns = vec![first];
            if self.starts_pattern() {
                if let Some(rest) = self.attempt(|p| p.maybe_sequence_pattern())? {
                    patterns.extend(rest);
                }
            }
            return Ok(pat(PatternKind::MatchSequence { patterns }, self.span_from(start)));
        }
        if matches!(first.kind, PatternKind::MatchStar { .. }) {
            return Err(Fail::NoMatch);
        }
        Ok(first)
    }

    fn starts_pattern(&mut self) -> bool {
        matches!(
            self.cur(),
            K::Name
                | K::Number
                | K::String
                | K::Op(Op::Minus | Op::Lpar | Op::Lsqb | Op::Lbrace | Op::Star)
                | K::Kw(Kw::None | Kw::True | Kw::False)
        )
    }

    /// `maybe_sequence_pattern`: `','.maybe_star_pattern+ ','?`.
    fn maybe_sequence_pattern(&mut self) -> PResult<Vec<Pattern>> {
        let mut v = vec![self.maybe_star_pattern()?];
        while self.eat_op(Op::Comma) {
            if !self.starts_pattern() {
                break;
            }
            match self.attempt(|p| p.maybe_star_pattern())? {
                Some(x) => v.push(x),
                None => break,
            }
        }
        Ok(v)
    }

    /// `maybe_star_pattern`: `star_pattern | pattern`.
    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if self.at_op(Op::Star) {
            let start = self.bump();
            let name = if self.is_name(self.pos, "_") {
                self.bump();
                None
            } else {
                Some(self.pattern_capture_target()?)
            };
            return Ok(pat(PatternKind::MatchStar { name }, self.span_from(start)));
        }
        self.pattern()
    }

    /// `pattern`: `as_pattern | or_pattern`.
    pub(super) fn pattern(&mut self) -> PResult<Pattern> {
        self.guarded(|p| p.pattern_inner())
    }

    fn pattern_inner(&mut self) -> PResult<Pattern> {
        let start = self.pos;
        let p = self.or_pattern()?;
        if self.at_kw(Kw::As) {
            let save = self.pos;
            let name = self.attempt(|p| {
                p.bump();
                p.pattern_capture_target()
            })?;
            if let Some(name) = name {
                return Ok(pat(
                    PatternKind::MatchAs { pattern: Some(Box::new(p)), name: Some(name) },
                    self.span_from(start),
                ));
            }
            if self.call_invalid {
                self.pos = save;
                self.invalid_as_pattern()?;
            }
            self.pos = save;
        }
        Ok(p)
    }

    /// `pattern_capture_target`: `!"_" NAME !('.' | '(' | '=')`.
    fn pattern_capture_target(&mut self) -> PResult<String> {
        if self.cur() != K::Name || self.text(self.pos) == "_" {
            return Err(Fail::NoMatch);
        }
        if matches!(self.peek2(), K::Op(Op::Dot | Op::Lpar | Op::Equal)) {
            return Err(Fail::NoMatch);
        }
        let i = self.bump();
        Ok(self.ident(i))
    }

    /// `or_pattern`: `'|'.closed_pattern+`.
    fn or_pattern(&mut self) -> PResult<Pattern> {
        let start = self.pos;
        let first = self.closed_pattern()?;
        if !self.at_op(Op::Vbar) {
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.at_op(Op::Vbar) {
            let save = self.pos;
            self.bump();
            match self.attempt(|p| p.closed_pattern())? {
                Some(x) => patterns.push(x),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        if patterns.len() == 1 {
            return Ok(patterns.pop().unwrap());
        }
        Ok(pat(PatternKind::MatchOr { patterns }, self.span_from(start)))
    }

    /// `closed_pattern`.
    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let start = self.pos;
        match self.cur() {
            K::Number | K::Op(Op::Minus) => {
                let value = self.signed_or_complex()?;
                Ok(pat(PatternKind::MatchValue { value: Box::new(value) }, self.span_from(start)))
            }
            K::String => {
                let value = self.strings()?;
                Ok(pat(PatternKind::MatchValue { value: Box::new(value) }, self.span_from(start)))
            }
            K::Kw(kw @ (Kw::None | Kw::True | Kw::False)) => {
                self.bump();
                let value = match kw {
                    Kw::None => Constant::None,
                    Kw::True => Constant::Bool(true),
                    _ => Constant::Bool(false),
                };
                Ok(pat(PatternKind::MatchSingleton { value }, self.span_from(start)))
            }
            K::Name => {
                let next = self.peek2();
                if self.text(start) == "_" {
                    self.bump();
                    return Ok(pat(
                        PatternKind::MatchAs { pattern: None, name: None },
                        self.span_from(start),
                    ));
                }
                if !matches!(next, K::Op(Op::Dot | Op::Lpar | Op::Equal)) {
                    let i = self.bump();
                    let name = self.ident(i);
                    return Ok(pat(
                        PatternKind::MatchAs { pattern: None, name: Some(name) },
                        self.span_from(start),
                    ));
                }
                let cls = self.name_or_attr()?;
                if self.at_op(Op::Lpar) {
                    return self.class_pattern(start, cls);
                }
                // value_pattern: attr !('.' | '(' | '=')
                if !matches!(cls.kind, ExprKind::Attribute { .. }) || self.at_op(Op::Equal) {
                    return Err(Fail::NoMatch);
                }
                Ok(pat(PatternKind::MatchValue { value: Box::new(cls) }, self.span_from(start)))
            }
            K::Op(Op::Lpar) => {
                self.bump();
                if self.eat_op(Op::Rpar) {
                    return Ok(pat(PatternKind::MatchSequence { patterns: vec![] }, self.span_from(start)));
                }
                let first = self.maybe_star_pattern()?;
                if self.eat_op(Op::Comma) {
                    let mut patterns = vec![first];
                    if self.starts_pattern() {
                        if let Some(rest) = self.attempt(|p| p.maybe_sequence_pattern())? {
                            patterns.extend(rest);
                        }
                    }
                    self.expect_op(Op::Rpar)?;
                    return Ok(pat(PatternKind::MatchSequence { patterns }, self.span_from(start)));
                }
                if matches!(first.kind, PatternKind::MatchStar { .. }) {
                    return Err(Fail::NoMatch);
                }
                self.expect_op(Op::Rpar)?;
                Ok(first)
            }
            K::Op(Op::Lsqb) => {
                self.bump();
                let patterns = if self.at_op(Op::Rsqb) { vec![] } else { self.maybe_sequence_pattern()? };
                self.expect_op(Op::Rsqb)?;
                Ok(pat(PatternKind::MatchSequence { patterns }, self.span_from(start)))
            }
            K::Op(Op::Lbrace) => self.mapping_pattern(),
            _ => Err(Fail::NoMatch),
        }
    }

    /// `signed_number !('+' | '-') | complex_number`.
    fn signed_or_complex(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let neg = self.eat_op(Op::Minus);
        let num = self.number()?;
        let signed = |p: &Self, num: Expr| {
            if neg {
                mk(ExprKind::UnaryOp { op: UnaryOp::USub, operand: Box::new(num) }, p.span_from(start))
            } else {
                num
            }
        };
        if !(self.at_op(Op::Plus) || self.at_op(Op::Minus)) {
            return Ok(signed(self, num));
        }
        if is_complex(&num) {
            let s = num.span;
            return Err(self.raise_span("real number required in complex literal", s));
        }
        let real = signed(self, num);
        let op = if self.at_op(Op::Plus) { Operator::Add } else { Operator::Sub };
        self.bump();
        let imag = self.number()?;
        if !is_complex(&imag) {
            let s = imag.span;
            return Err(self.raise_span("imaginary number required in complex literal", s));
        }
        Ok(mk(ExprKind::BinOp { left: Box::new(real), op, right: Box::new(imag) }, self.span_from(start)))
    }

    /// `name_or_attr`: `NAME ('.' NAME)*` as a Name or Attribute chain.
    fn name_or_attr(&mut self) -> PResult<Expr> {
        let start = self.expect(K::Name)?;
        let mut e =
            mk(ExprKind::Name { id: self.ident(start), ctx: ExprContext::Load }, self.tok_span(start));
        while self.at_op(Op::Dot) && self.peek2() == K::Name {
            self.bump();
            let i = self.bump();
            e = mk(
                ExprKind::Attribute { value: Box::new(e), attr: self.ident(i), ctx: ExprContext::Load },
                self.span_from(start),
            );
        }
        Ok(e)
    }

    /// `class_pattern`, after its `name_or_attr`.
    fn class_pattern(&mut self, start: usize, cls: Expr) -> PResult<Pattern> {
        let r = self.attempt(|p| {
            p.expect_op(Op::Lpar)?;
            let mut patterns = Vec::new();
            let mut kwd_attrs = Vec::new();
            let mut kwd_patterns = Vec::new();
            while !p.at_op(Op::Rpar) {
                if p.cur() == K::Name && p.peek2() == K::Op(Op::Equal) {
                    let i = p.bump();
                    p.bump();
                    kwd_attrs.push(p.ident(i));
                    kwd_patterns.push(p.pattern()?);
                } else {
                    if !kwd_attrs.is_empty() {
                        return Err(Fail::NoMatch);
                    }
                    patterns.push(p.pattern()?);
                }
                if !p.eat_op(Op::Comma) {
                    break;
                }
            }
            p.expect_op(Op::Rpar)?;
            Ok((patterns, kwd_attrs, kwd_patterns))
        })?;
        match r {
            Some((patterns, kwd_attrs, kwd_patterns)) => Ok(pat(
                PatternKind::MatchClass { cls: Box::new(cls), patterns, kwd_attrs, kwd_patterns },
                self.span_from(start),
            )),
            None => {
                if self.call_invalid {
                    self.invalid_class_pattern()?;
                }
                Err(Fail::NoMatch)
            }
        }
    }

    /// `mapping_pattern`.
    fn mapping_pattern(&mut self) -> PResult<Pattern> {
        let start = self.expect_op(Op::Lbrace)?;
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        while !self.at_op(Op::Rbrace) {
            if self.eat_op(Op::DoubleStar) {
                rest = Some(self.pattern_capture_target()?);
                self.eat_op(Op::Comma);
                break;
            }
            let key = self.mapping_key()?;
            self.expect_op(Op::Colon)?;
            let value = self.pattern()?;
            keys.push(key);
            patterns.push(value);
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        self.expect_op(Op::Rbrace)?;
        Ok(pat(PatternKind::MatchMapping { keys, patterns, rest }, self.span_from(start)))
    }

    /// `literal_expr | attr`: a mapping pattern key.
    fn mapping_key(&mut self) -> PResult<Expr> {
        let i = self.pos;
        match self.cur() {
            K::Number | K::Op(Op::Minus) => self.signed_or_complex(),
            K::String => self.strings(),
            K::Kw(kw @ (Kw::None | Kw::True | Kw::False)) => {
                self.bump();
                let value = match kw {
                    Kw::None => Constant::None,
                    Kw::True => Constant::Bool(true),
                    _ => Constant::Bool(false),
                };
                Ok(mk(ExprKind::Constant { value, kind: None }, self.tok_span(i)))
            }
            K::Name => {
                let e = self.name_or_attr()?;
                if !matches!(e.kind, ExprKind::Attribute { .. }) {
                    return Err(Fail::NoMatch);
                }
                Ok(e)
            }
            _ => Err(Fail::NoMatch),
        }
    }
}
