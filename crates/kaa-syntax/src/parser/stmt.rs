//! Statements: simple statements, compound statements and blocks, and the start rules of the
//! `single` and `func_type` modes.

use super::expr::{empty_arguments, starts_star_expression};
use super::targets::{is_single_target, store_single, to_store};
use super::tokens::{Kw, K};
use super::{mk, Fail, PResult, Parser};
use crate::ast::{
    Alias, ExceptHandler, Expr, ExprContext, ExprKind, MatchCase, Mod, Operator, Stmt, StmtKind, WithItem,
};
use crate::token::Op;

#[inline]
fn st(kind: StmtKind, span: crate::ast::Span) -> Stmt {
    Stmt { kind, span }
}

/// The operator of an augmented assignment token.
fn augassign(k: K) -> Option<Operator> {
    let K::Op(op) = k else { return None };
    Some(match op {
        Op::PlusEqual => Operator::Add,
        Op::MinEqual => Operator::Sub,
        Op::StarEqual => Operator::Mult,
        Op::AtEqual => Operator::MatMult,
        Op::SlashEqual => Operator::Div,
        Op::PercentEqual => Operator::Mod,
        Op::AmperEqual => Operator::BitAnd,
        Op::VbarEqual => Operator::BitOr,
        Op::CircumflexEqual => Operator::BitXor,
        Op::LeftShiftEqual => Operator::LShift,
        Op::RightShiftEqual => Operator::RShift,
        Op::DoubleStarEqual => Operator::Pow,
        Op::DoubleSlashEqual => Operator::FloorDiv,
        _ => return None,
    })
}

pub(super) fn is_augassign(k: K) -> bool {
    augassign(k).is_some()
}

impl<'a> Parser<'a> {
    /// `file`: `[statements] ENDMARKER`.
    pub(super) fn file(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        while !self.at(K::EndMarker) {
            self.statement(&mut body)?;
        }
        Ok(body)
    }

    /// `statement`: `compound_stmt | simple_stmts`.
    fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        match self.cur() {
            K::Kw(Kw::Def | Kw::If | Kw::Class | Kw::With | Kw::For | Kw::Try | Kw::While | Kw::Async)
            | K::Op(Op::At) => {
                let s = self.compound_stmt()?;
                out.push(s);
                Ok(())
            }
            K::Name if self.text(self.pos) == "match" => {
                if let Some(s) = self.attempt(|p| p.match_stmt())? {
                    out.push(s);
                    return Ok(());
                }
                self.simple_stmts(out)
            }
            _ => self.simple_stmts(out),
        }
    }

    /// `simple_stmts`: `;`-separated simple statements ending in NEWLINE.
    fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let s = self.simple_stmt()?;
            out.push(s);
            if self.eat_op(Op::Semi) {
                if self.at(K::Newline) {
                    break;
                }
                continue;
            }
            break;
        }
        self.expect(K::Newline)?;
        Ok(())
    }

    /// `simple_stmt`.
    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        let kind = match self.cur() {
            K::Kw(Kw::Return) => {
                self.bump();
                let value = if starts_star_expression(self.cur()) {
                    self.attempt(|p| p.star_expressions())?
                } else {
                    None
                };
                StmtKind::Return { value: value.map(Box::new) }
            }
            K::Kw(Kw::Import) => return self.import_name(),
            K::Kw(Kw::From) => return self.import_from(),
            K::Kw(Kw::Raise) => {
                self.bump();
                let r = self.attempt(|p| {
                    let exc = p.expression()?;
                    let cause = if p.at_kw(Kw::From) {
                        p.attempt(|p| {
                            p.bump();
                            p.expression()
                        })?
                    } else {
                        None
                    };
                    Ok((exc, cause))
                })?;
                match r {
                    Some((exc, cause)) => {
                        StmtKind::Raise { exc: Some(Box::new(exc)), cause: cause.map(Box::new) }
                    }
                    None => StmtKind::Raise { exc: None, cause: None },
                }
            }
            K::Kw(Kw::Pass) => {
                self.bump();
                StmtKind::Pass
            }
            K::Kw(Kw::Break) => {
                self.bump();
                StmtKind::Break
            }
            K::Kw(Kw::Continue) => {
                self.bump();
                StmtKind::Continue
            }
            K::Kw(Kw::Del) => return self.del_stmt(),
            K::Kw(Kw::Assert) => {
                self.bump();
                let test = self.expression()?;
                let msg = if self.at_op(Op::Comma) {
                    self.attempt(|p| {
                        p.bump();
                        p.expression()
                    })?
                } else {
                    None
                };
                StmtKind::Assert { test: Box::new(test), msg: msg.map(Box::new) }
            }
            K::Kw(kw @ (Kw::Global | Kw::Nonlocal)) => {
                self.bump();
                let first = self.expect(K::Name)?;
                let mut names = vec![self.ident(first)];
                while self.at_op(Op::Comma) && self.peek2() == K::Name {
                    self.bump();
                    let i = self.bump();
                    names.push(self.ident(i));
                }
                if kw == Kw::Global {
                    StmtKind::Global { names }
                } else {
                    StmtKind::Nonlocal { names }
                }
            }
            _ => return self.expr_stmt(),
        };
        Ok(st(kind, self.span_from(start)))
    }

    /// Assignments and expression statements (the `assignment` and `star_expressions`
    /// alternatives of `simple_stmt`).
    fn expr_stmt(&mut self) -> PResult<Stmt> {
        if !self.call_invalid {
            return self.expr_stmt_inner();
        }
        // CPython tries the assignment forms, then `invalid_assignment`, then the expression
        // statement: the invalid rule runs whenever no assignment matched.
        let start = self.pos;
        let r = self.attempt(|p| p.expr_stmt_inner())?;
        if let Some(s) = &r {
            if !matches!(s.kind, StmtKind::Expr { .. }) {
                return Ok(r.unwrap());
            }
        }
        let end = self.pos;
        self.pos = start;
        self.invalid_assignment()?;
        match r {
            Some(s) => {
                self.pos = end;
                Ok(s)
            }
            None => {
                self.pos = start;
                Err(Fail::NoMatch)
            }
        }
    }

    fn expr_stmt_inner(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        let first = if self.at_kw(Kw::Yield) { self.yield_expr()? } else { self.star_expressions()? };
        let k = self.cur();
        match k {
            K::Op(Op::Equal) => self.assign_rest(start, first),
            K::Op(Op::Colon) => self.ann_assign_rest(start, first),
            _ => match augassign(k) {
                Some(op) => {
                    let mut target = first;
                    if !is_single_target(&target) {
                        return Err(Fail::NoMatch);
                    }
                    store_single(&mut target);
                    self.bump();
                    let value = self.annotated_rhs()?;
                    Ok(st(
                        StmtKind::AugAssign { target: Box::new(target), op, value: Box::new(value) },
                        self.span_from(start),
                    ))
                }
                None => Ok(st(StmtKind::Expr { value: Box::new(first) }, self.span_from(start))),
            },
        }
    }

    /// `annotated_rhs`: `yield_expr | star_expressions`.
    pub(super) fn annotated_rhs(&mut self) -> PResult<Expr> {
        if self.at_kw(Kw::Yield) {
            self.yield_expr()
        } else {
            self.star_expressions()
        }
    }

    fn assign_rest(&mut self, start: usize, first: Expr) -> PResult<Stmt> {
        let mut targets = vec![first];
        let value = loop {
            self.expect_op(Op::Equal)?;
            let v = self.annotated_rhs()?;
            if !self.at_op(Op::Equal) {
                break v;
            }
            targets.push(v);
        };
        for t in &mut targets {
            if !to_store(t) {
                return Err(Fail::NoMatch);
            }
        }
        let type_comment = if self.at(K::TypeComment) {
            let i = self.bump();
            Some(self.text(i).to_string())
        } else {
            None
        };
        Ok(st(StmtKind::Assign { targets, value: Box::new(value), type_comment }, self.span_from(start)))
    }

    fn ann_assign_rest(&mut self, start: usize, first: Expr) -> PResult<Stmt> {
        let mut target = first;
        if !is_single_target(&target) {
            return Err(Fail::NoMatch);
        }
        let simple = matches!(target.kind, ExprKind::Name { .. }) && self.ts.kinds[start] == K::Name;
        store_single(&mut target);
        self.bump();
        let annotation = self.expression()?;
        let value = if self.at_op(Op::Equal) {
            self.attempt(|p| {
                p.bump();
                p.annotated_rhs()
            })?
        } else {
            None
        };
        Ok(st(
            StmtKind::AnnAssign {
                target: Box::new(target),
                annotation: Box::new(annotation),
                value: value.map(Box::new),
                simple: simple as i64,
            },
            self.span_from(start),
        ))
    }

    /// `del_stmt`: `'del' del_targets &(';' | NEWLINE) | invalid_del_stmt`.
    fn del_stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        let r = self.attempt(|p| {
            p.bump();
            let targets = p.del_targets()?;
            if !(p.at_op(Op::Semi) || p.at(K::Newline)) {
                return Err(Fail::NoMatch);
            }
            Ok(targets)
        })?;
        match r {
            Some(targets) => Ok(st(StmtKind::Delete { targets }, self.span_from(start))),
            None => {
                if self.call_invalid {
                    self.invalid_del_stmt()?;
                }
                Err(Fail::NoMatch)
            }
        }
    }

    /// `import_name`: `'import' dotted_as_names`.
    fn import_name(&mut self) -> PResult<Stmt> {
        let start = self.bump();
        let mut names = vec![self.dotted_as_name()?];
        while self.at_op(Op::Comma) {
            let save = self.pos;
            self.bump();
            match self.attempt(|p| p.dotted_as_name())? {
                Some(a) => names.push(a),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        Ok(st(StmtKind::Import { names }, self.span_from(start)))
    }

    fn dotted_as_name(&mut self) -> PResult<Alias> {
        let start = self.pos;
        let name = self.dotted_name()?;
        let asname = self.as_name()?;
        Ok(Alias { name, asname, span: self.span_from(start) })
    }

    /// `['as' NAME]`.
    fn as_name(&mut self) -> PResult<Option<String>> {
        if self.at_kw(Kw::As) && self.peek2() == K::Name {
            self.bump();
            let i = self.bump();
            return Ok(Some(self.ident(i)));
        }
        Ok(None)
    }

    /// `dotted_name`: names joined with dots.
    fn dotted_name(&mut self) -> PResult<String> {
        let first = self.expect(K::Name)?;
        let mut name = self.ident(first);
        while self.at_op(Op::Dot) && self.peek2() == K::Name {
            self.bump();
            let i = self.bump();
            name.push('.');
            name.push_str(&self.ident(i));
        }
        Ok(name)
    }

    /// `import_from`.
    fn import_from(&mut self) -> PResult<Stmt> {
        let start = self.bump();
        let mut level = 0;
        loop {
            match self.cur() {
                K::Op(Op::Dot) => level += 1,
                K::Op(Op::Ellipsis) => level += 3,
                _ => break,
            }
            self.bump();
        }
        let module = if self.at(K::Name) {
            Some(self.dotted_name()?)
        } else if level == 0 {
            return Err(Fail::NoMatch);
        } else {
            None
        };
        self.expect_kw(Kw::Import)?;
        let names = self.import_from_targets()?;
        Ok(st(StmtKind::ImportFrom { module, names, level: Some(level) }, self.span_from(start)))
    }

    /// `import_from_targets`.
    fn import_from_targets(&mut self) -> PResult<Vec<Alias>> {
        let start = self.pos;
        match self.cur() {
            K::Op(Op::Lpar) => {
                self.bump();
                let names = self.import_from_as_names()?;
                self.eat_op(Op::Comma);
                self.expect_op(Op::Rpar)?;
                Ok(names)
            }
            K::Op(Op::Star) => {
                let i = self.bump();
                Ok(vec![Alias { name: "*".into(), asname: None, span: self.tok_span(i) }])
            }
            _ => {
                let r = self.attempt(|p| {
                    let names = p.import_from_as_names()?;
                    if p.at_op(Op::Comma) {
                        return Err(Fail::NoMatch);
                    }
                    Ok(names)
                })?;
                match r {
                    Some(names) => Ok(names),
                    None => {
                        if self.call_invalid {
                            self.pos = start;
                            self.invalid_import_from_targets()?;
                        }
                        Err(Fail::NoMatch)
                    }
                }
            }
        }
    }

    /// `import_from_as_names`: `','.import_from_as_name+`.
    pub(super) fn import_from_as_names(&mut self) -> PResult<Vec<Alias>> {
        let mut names = vec![self.import_from_as_name()?];
        while self.at_op(Op::Comma) && self.peek2() == K::Name {
            self.bump();
            names.push(self.import_from_as_name()?);
        }
        Ok(names)
    }

    fn import_from_as_name(&mut self) -> PResult<Alias> {
        let start = self.expect(K::Name)?;
        let name = self.ident(start);
        let asname = self.as_name()?;
        Ok(Alias { name, asname, span: self.span_from(start) })
    }

    // ----- compound statements -----

    /// `compound_stmt`.
    fn compound_stmt(&mut self) -> PResult<Stmt> {
        match self.cur() {
            K::Op(Op::At) => {
                let decorators = self.decorators()?;
                match self.cur() {
                    K::Kw(Kw::Class) => self.class_def(decorators),
                    _ => self.function_def(decorators),
                }
            }
            K::Kw(Kw::Def) => self.function_def(vec![]),
            K::Kw(Kw::Class) => self.class_def(vec![]),
            K::Kw(Kw::If) => self.if_stmt(Kw::If),
            K::Kw(Kw::With) => self.with_stmt(),
            K::Kw(Kw::For) => self.for_stmt(),
            K::Kw(Kw::Try) => self.try_stmt(),
            K::Kw(Kw::While) => self.while_stmt(),
            K::Kw(Kw::Async) => match self.peek2() {
                K::Kw(Kw::Def) => self.function_def(vec![]),
                K::Kw(Kw::With) => self.with_stmt(),
                K::Kw(Kw::For) => self.for_stmt(),
                _ => Err(Fail::NoMatch),
            },
            _ => Err(Fail::NoMatch),
        }
    }

    /// `decorators`: `('@' named_expression NEWLINE)+`.
    fn decorators(&mut self) -> PResult<Vec<Expr>> {
        let mut v = Vec::new();
        while self.eat_op(Op::At) {
            v.push(self.named_expression()?);
            self.expect(K::Newline)?;
        }
        Ok(v)
    }

    /// `block`: an indented suite or simple statements on the same line.
    pub(super) fn block(&mut self) -> PResult<Vec<Stmt>> {
        self.guarded(|p| p.block_inner())
    }

    fn block_inner(&mut self) -> PResult<Vec<Stmt>> {
        if self.at(K::Newline) {
            if self.peek2() == K::Indent {
                self.pos += 2;
                let mut body = Vec::new();
                loop {
                    self.statement(&mut body)?;
                    if self.eat(K::Dedent) {
                        break;
                    }
                }
                return Ok(body);
            }
            if self.call_invalid {
                // invalid_block: NEWLINE !INDENT
                return Err(self.raise_indent("expected an indented block"));
            }
            return Err(Fail::NoMatch);
        }
        let mut body = Vec::new();
        self.simple_stmts(&mut body)?;
        Ok(body)
    }

    /// A token the grammar forces (`&&':'`): missing, it is an error at once.
    pub(super) fn expect_forced(&mut self, op: Op, spelling: &str) -> PResult<usize> {
        if self.at_op(op) {
            return Ok(self.bump());
        }
        let i = self.pos;
        self.cur();
        Err(self.raise_token(&format!("expected '{spelling}'"), i))
    }

    /// `function_def_raw` (with decorators already read).
    fn function_def(&mut self, decorator_list: Vec<Expr>) -> PResult<Stmt> {
        if self.call_invalid {
            self.invalid_def_raw()?;
        }
        let start = self.pos;
        let is_async = self.eat_kw(Kw::Async);
        self.expect_kw(Kw::Def)?;
        let name_i = self.expect(K::Name)?;
        self.expect_forced(Op::Lpar, "(")?;
        let args = if self.at_op(Op::Rpar) { None } else { self.attempt(|p| p.params())? };
        self.expect_op(Op::Rpar)?;
        let returns = if self.at_op(Op::Rarrow) {
            self.attempt(|p| {
                p.bump();
                p.expression()
            })?
        } else {
            None
        };
        self.expect_forced(Op::Colon, ":")?;
        let type_comment = self.func_type_comment()?;
        let body = self.block()?;
        let args = Box::new(args.unwrap_or_else(empty_arguments));
        let name = self.ident(name_i);
        let returns = returns.map(Box::new);
        let kind = if is_async {
            StmtKind::AsyncFunctionDef { name, args, body, decorator_list, returns, type_comment }
        } else {
            StmtKind::FunctionDef { name, args, body, decorator_list, returns, type_comment }
        };
        Ok(st(kind, self.span_from(start)))
    }

    /// `func_type_comment`.
    fn func_type_comment(&mut self) -> PResult<Option<String>> {
        let i = self.pos;
        if self.at(K::Newline)
            && self.peek2() == K::TypeComment
            && self.kind_at(i + 2) == K::Newline
            && self.kind_at(i + 3) == K::Indent
        {
            self.pos += 2;
            return Ok(Some(self.text(i + 1).to_string()));
        }
        if self.call_invalid {
            self.invalid_double_type_comments()?;
        }
        if self.at(K::TypeComment) {
            self.bump();
            return Ok(Some(self.text(i).to_string()));
        }
        Ok(None)
    }

    /// `class_def_raw` (with decorators already read).
    fn class_def(&mut self, decorator_list: Vec<Expr>) -> PResult<Stmt> {
        if self.call_invalid {
            self.invalid_class_def_raw()?;
        }
        let start = self.expect_kw(Kw::Class)?;
        let name_i = self.expect(K::Name)?;
        let mut bases = Vec::new();
        let mut keywords = Vec::new();
        if self.at_op(Op::Lpar) {
            let r = self.attempt(|p| {
                p.bump();
                let a = if p.at_op(Op::Rpar) { None } else { p.attempt(|p| p.arguments())? };
                p.expect_op(Op::Rpar)?;
                Ok(a)
            })?;
            if let Some(Some((b, k))) = r {
                bases = b;
                keywords = k;
            }
        }
        self.expect_op(Op::Colon)?;
        let body = self.block()?;
        Ok(st(
            StmtKind::ClassDef { name: self.ident(name_i), bases, keywords, body, decorator_list },
            self.span_from(start),
        ))
    }

    /// `if_stmt` / `elif_stmt`.
    fn if_stmt(&mut self, kw: Kw) -> PResult<Stmt> {
        if self.call_invalid {
            self.invalid_if_stmt(kw)?;
        }
        let start = self.expect_kw(kw)?;
        let test = self.named_expression()?;
        self.expect_op(Op::Colon)?;
        let body = self.block()?;
        let orelse = match self.cur() {
            K::Kw(Kw::Elif) => vec![self.guarded(|p| p.if_stmt(Kw::Elif))?],
            K::Kw(Kw::Else) => self.else_block()?,
            _ => vec![],
        };
        Ok(st(StmtKind::If { test: Box::new(test), body, orelse }, self.span_from(start)))
    }

    /// `else_block`: `'else' &&':' block`.
    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if self.call_invalid {
            self.invalid_else_stmt()?;
        }
        self.expect_kw(Kw::Else)?;
        self.expect_forced(Op::Colon, ":")?;
        self.block()
    }

    /// `[else_block]`.
    fn opt_else(&mut self) -> PResult<Vec<Stmt>> {
        if self.at_kw(Kw::Else) {
            self.else_block()
        } else {
            Ok(vec![])
        }
    }

    /// `while_stmt`.
    fn while_stmt(&mut self) -> PResult<Stmt> {
        if self.call_invalid {
            self.invalid_while_stmt()?;
        }
        let start = self.expect_kw(Kw::While)?;
        let test = self.named_expression()?;
        self.expect_op(Op::Colon)?;
        let body = self.block()?;
        let orelse = self.opt_else()?;
        Ok(st(StmtKind::While { test: Box::new(test), body, orelse }, self.span_from(start)))
    }

    /// `for_stmt`.
    fn for_stmt(&mut self) -> PResult<Stmt> {
        if self.call_invalid {
            self.invalid_for_stmt()?;
        }
        let start = self.pos;
        let r = self.attempt(|p| {
            let is_async = p.eat_kw(Kw::Async);
            p.expect_kw(Kw::For)?;
            let target = p.star_targets()?;
            p.expect_kw(Kw::In)?;
            Ok((is_async, target))
        })?;
        let Some((is_async, target)) = r else {
            if self.call_invalid {
                self.pos = start;
                self.invalid_for_target()?;
            }
            return Err(Fail::NoMatch);
        };
        // Committed after `in` (`~`).
        let iter = self.star_expressions()?;
        self.expect_op(Op::Colon)?;
        let type_comment = if self.at(K::TypeComment) {
            let i = self.bump();
            Some(self.text(i).to_string())
        } else {
            None
        };
        let body = self.block()?;
        let orelse = self.opt_else()?;
        let (target, iter) = (Box::new(target), Box::new(iter));
        let kind = if is_async {
            StmtKind::AsyncFor { target, iter, body, orelse, type_comment }
        } else {
            StmtKind::For { target, iter, body, orelse, type_comment }
        };
        Ok(st(kind, self.span_from(start)))
    }

    /// `with_stmt`.
    fn with_stmt(&mut self) -> PResult<Stmt> {
        if self.call_invalid {
            self.invalid_with_stmt_indent()?;
        }
        let start = self.pos;
        let is_async = self.eat_kw(Kw::Async);
        self.expect_kw(Kw::With)?;
        let after_with = self.pos;
        if self.at_op(Op::Lpar) {
            let r = self.attempt(|p| {
                p.bump();
                let items = p.with_items()?;
                p.eat_op(Op::Comma);
                p.expect_op(Op::Rpar)?;
                p.expect_op(Op::Colon)?;
                // With a type comment only the unparenthesized form can match.
                if p.at(K::TypeComment) {
                    return Err(Fail::NoMatch);
                }
                Ok(items)
            })?;
            if let Some(items) = r {
                let body = self.block()?;
                let kind = if is_async {
                    StmtKind::AsyncWith { items, body, type_comment: None }
                } else {
                    StmtKind::With { items, body, type_comment: None }
                };
                return Ok(st(kind, self.span_from(start)));
            }
            self.pos = after_with;
        }
        let r = self.attempt(|p| {
            let items = p.with_items()?;
            p.expect_op(Op::Colon)?;
            Ok(items)
        })?;
        let Some(items) = r else {
            if self.call_invalid {
                self.pos = start;
                self.invalid_with_stmt()?;
            }
            return Err(Fail::NoMatch);
        };
        let type_comment = if self.at(K::TypeComment) {
            let i = self.bump();
            Some(self.text(i).to_string())
        } else {
            None
        };
        let body = self.block()?;
        let kind = if is_async {
            StmtKind::AsyncWith { items, body, type_comment }
        } else {
            StmtKind::With { items, body, type_comment }
        };
        Ok(st(kind, self.span_from(start)))
    }

    /// `','.with_item+`.
    fn with_items(&mut self) -> PResult<Vec<WithItem>> {
        let mut items = vec![self.with_item()?];
        while self.at_op(Op::Comma) {
            let save = self.pos;
            self.bump();
            match self.attempt(|p| p.with_item())? {
                Some(it) => items.push(it),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        Ok(items)
    }

    /// `with_item`: `expression 'as' star_target &(',' | ')' | ':') | expression`.
    fn with_item(&mut self) -> PResult<WithItem> {
        let e = self.expression()?;
        if self.at_kw(Kw::As) {
            let save = self.pos;
            let t = self.attempt(|p| {
                p.bump();
                let t = p.star_target()?;
                if !(p.at_op(Op::Comma) || p.at_op(Op::Rpar) || p.at_op(Op::Colon)) {
                    return Err(Fail::NoMatch);
                }
                Ok(t)
            })?;
            if let Some(t) = t {
                return Ok(WithItem { context_expr: Box::new(e), optional_vars: Some(Box::new(t)) });
            }
            self.pos = save;
            if self.call_invalid {
                self.invalid_with_item()?;
            }
        }
        Ok(WithItem { context_expr: Box::new(e), optional_vars: None })
    }

    /// `try_stmt`.
    fn try_stmt(&mut self) -> PResult<Stmt> {
        if self.call_invalid {
            self.invalid_try_stmt()?;
        }
        let start = self.expect_kw(Kw::Try)?;
        self.expect_forced(Op::Colon, ":")?;
        let body = self.block()?;
        let mut handlers = Vec::new();
        let mut star = false;
        if self.at_kw(Kw::Except) {
            star = self.peek2() == K::Op(Op::Star);
            while self.at_kw(Kw::Except) && (self.peek2() == K::Op(Op::Star)) == star {
                handlers.push(self.except_block(star)?);
            }
        } else if !self.at_kw(Kw::Finally) {
            return Err(Fail::NoMatch);
        }
        let orelse = if handlers.is_empty() { vec![] } else { self.opt_else()? };
        let finalbody = if self.at_kw(Kw::Finally) { self.finally_block()? } else { vec![] };
        let kind = if star {
            StmtKind::TryStar { body, handlers, orelse, finalbody }
        } else {
            StmtKind::Try { body, handlers, orelse, finalbody }
        };
        Ok(st(kind, self.span_from(start)))
    }

    /// `except_block` / `except_star_block`.
    pub(super) fn except_block(&mut self, star: bool) -> PResult<ExceptHandler> {
        if self.call_invalid {
            self.invalid_except_stmt_indent(star)?;
        }
        let start = self.pos;
        let r = self.attempt(|p| {
            p.expect_kw(Kw::Except)?;
            if star {
                p.expect_op(Op::Star)?;
            }
            let mut type_ = None;
            let mut name = None;
            if star || !p.at_op(Op::Colon) {
                type_ = Some(Box::new(p.expression()?));
                if p.at_kw(Kw::As) && p.peek2() == K::Name {
                    p.bump();
                    let i = p.bump();
                    name = Some(p.ident(i));
                }
            }
            p.expect_op(Op::Colon)?;
            Ok((type_, name))
        })?;
        let Some((type_, name)) = r else {
            if self.call_invalid {
                self.pos = start;
                self.invalid_except_stmt()?;
            }
            return Err(Fail::NoMatch);
        };
        let body = self.block()?;
        Ok(ExceptHandler { type_, name, body, span: self.span_from(start) })
    }

    /// `finally_block`: `'finally' &&':' block`.
    fn finally_block(&mut self) -> PResult<Vec<Stmt>> {
        if self.call_invalid {
            self.invalid_finally_stmt()?;
        }
        self.expect_kw(Kw::Finally)?;
        self.expect_forced(Op::Colon, ":")?;
        self.block()
    }

    /// `match_stmt`.
    fn match_stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        let r = self.attempt(|p| {
            p.bump();
            let subject = p.subject_expr()?;
            p.expect_op(Op::Colon)?;
            p.expect(K::Newline)?;
            p.expect(K::Indent)?;
            Ok(subject)
        })?;
        let Some(subject) = r else {
            if self.call_invalid {
                self.pos = start;
                self.invalid_match_stmt()?;
            }
            return Err(Fail::NoMatch);
        };
        let mut cases = Vec::new();
        loop {
            if !self.is_name(self.pos, "case") {
                if cases.is_empty() {
                    return Err(Fail::NoMatch);
                }
                break;
            }
            if cases.is_empty() {
                cases.push(self.case_block()?);
            } else {
                match self.attempt(|p| p.case_block())? {
                    Some(c) => cases.push(c),
                    None => break,
                }
            }
        }
        self.expect(K::Dedent)?;
        Ok(st(StmtKind::Match { subject: Box::new(subject), cases }, self.span_from(start)))
    }

    /// `subject_expr`.
    pub(super) fn subject_expr(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let first = self.star_named_expression()?;
        if self.at_op(Op::Comma) {
            self.bump();
            let mut elts = vec![first];
            if starts_star_expression(self.cur()) {
                if let Some(rest) = self.attempt(|p| p.star_named_expressions())? {
                    elts.extend(rest);
                }
            }
            return Ok(mk(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.span_from(start)));
        }
        if matches!(first.kind, ExprKind::Starred { .. }) || self.call_invalid {
            self.pos = start;
            return self.named_expression();
        }
        Ok(first)
    }

    /// `case_block`.
    fn case_block(&mut self) -> PResult<MatchCase> {
        if self.call_invalid {
            self.invalid_case_block()?;
        }
        if !self.is_name(self.pos, "case") {
            return Err(Fail::NoMatch);
        }
        self.bump();
        let pattern = self.patterns()?;
        let guard = if self.at_kw(Kw::If) {
            self.attempt(|p| {
                p.bump();
                p.named_expression()
            })?
        } else {
            None
        };
        self.expect_op(Op::Colon)?;
        let body = self.block()?;
        Ok(MatchCase { pattern: Box::new(pattern), guard: guard.map(Box::new), body })
    }

    // ----- other modes -----

    /// `interactive`: `statement_newline`.
    pub(super) fn interactive(&mut self) -> PResult<Vec<Stmt>> {
        let start = self.pos;
        let body = match self.cur() {
            K::Newline => {
                let i = self.bump();
                vec![st(StmtKind::Pass, self.tok_span(i))]
            }
            K::EndMarker => return Err(Fail::NoMatch),
            K::Kw(Kw::Def | Kw::If | Kw::Class | Kw::With | Kw::For | Kw::Try | Kw::While | Kw::Async)
            | K::Op(Op::At) => {
                let s = self.compound_stmt()?;
                // The C tokenizer turns the end of input into one more NEWLINE here.
                if !self.eat(K::Newline) {
                    self.expect(K::EndMarker)?;
                }
                vec![s]
            }
            _ => {
                let mut v = Vec::new();
                if self.is_name(start, "match") {
                    if let Some(s) = self.attempt(|p| p.match_stmt())? {
                        v.push(s);
                    } else {
                        self.simple_stmts(&mut v)?;
                    }
                } else {
                    self.simple_stmts(&mut v)?;
                }
                v
            }
        };
        // CPython reports extra statements at the last token it read: the NEWLINE ending a
        // simple statement.
        let statement_end = match self.pos.checked_sub(1) {
            Some(i) if self.kind_at(i) == K::Newline => Some(i),
            _ => None,
        };
        while self.at(K::Dedent) || self.at(K::Newline) {
            self.bump();
        }
        if !self.at(K::EndMarker) {
            let i = statement_end.unwrap_or(self.pos);
            return Err(self.raise_token("multiple statements found while compiling a single statement", i));
        }
        Ok(body)
    }

    /// `func_type`: `'(' [type_expressions] ')' '->' expression NEWLINE* ENDMARKER`.
    pub(super) fn func_type(&mut self) -> PResult<Mod> {
        self.expect_op(Op::Lpar)?;
        let mut argtypes = Vec::new();
        if !self.at_op(Op::Rpar) {
            // type_expressions: expressions, then optionally `*expr` and `**expr` (unwrapped).
            let mut need_item = true;
            while need_item {
                need_item = false;
                match self.cur() {
                    K::Op(Op::Star) => {
                        self.bump();
                        argtypes.push(self.expression()?);
                        if self.at_op(Op::Comma) && self.peek2() == K::Op(Op::DoubleStar) {
                            self.bump();
                            self.bump();
                            argtypes.push(self.expression()?);
                        }
                    }
                    K::Op(Op::DoubleStar) => {
                        self.bump();
                        argtypes.push(self.expression()?);
                    }
                    _ => {
                        argtypes.push(self.expression()?);
                        if self.eat_op(Op::Comma) {
                            need_item = true;
                        }
                    }
                }
            }
        }
        self.expect_op(Op::Rpar)?;
        self.expect_op(Op::Rarrow)?;
        let returns = self.expression()?;
        while self.eat(K::Newline) {}
        self.expect(K::EndMarker)?;
        Ok(Mod::FunctionType { argtypes, returns: Box::new(returns) })
    }
}
