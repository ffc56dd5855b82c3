//! The checks CPython makes on a tree built in Python before compiling it (`_PyAST_Validate`):
//! expression contexts, non-empty bodies, matching list lengths, what patterns may contain.
//! The parser never produces a tree that fails them. Errors are CPython's, word for word.
//! (None in lists, constant types and positions are found during the conversion, which keeps
//! the first such error and raises it once the whole tree is converted: `FromPy::deferred`.)

use crate::exceptions::{PyErr, PyResult};
use kaa_syntax::ast::*;

type Check = PyResult<()>;

#[cold]
fn value_error(msg: impl Into<String>) -> PyErr {
    PyErr::value_error(msg)
}

pub fn module(m: &Mod) -> Check {
    match m {
        Mod::Module { body, .. } | Mod::Interactive { body } => stmts(body),
        Mod::Expression { body } => expr(body, ExprContext::Load),
        Mod::FunctionType { argtypes, returns } => {
            exprs(argtypes, ExprContext::Load)?;
            expr(returns, ExprContext::Load)
        }
    }
}

fn stmts(body: &[Stmt]) -> Check {
    body.iter().try_for_each(stmt)
}

fn nonempty<T>(items: &[T], what: &str, owner: &str) -> Check {
    if items.is_empty() {
        return Err(value_error(format!("empty {what} on {owner}")));
    }
    Ok(())
}

fn body(items: &[Stmt], owner: &str) -> Check {
    nonempty(items, "body", owner)?;
    stmts(items)
}

fn exprs(items: &[Expr], ctx: ExprContext) -> Check {
    items.iter().try_for_each(|e| expr(e, ctx))
}

fn opt(e: &Option<Box<Expr>>) -> Check {
    match e {
        Some(e) => expr(e, ExprContext::Load),
        None => Ok(()),
    }
}

fn load(e: &Expr) -> Check {
    expr(e, ExprContext::Load)
}

fn stmt(s: &Stmt) -> Check {
    use ExprContext::{Del, Load, Store};
    match &s.kind {
        StmtKind::FunctionDef { args, body: b, decorator_list, returns, .. }
        | StmtKind::AsyncFunctionDef { args, body: b, decorator_list, returns, .. } => {
            let owner = if matches!(s.kind, StmtKind::FunctionDef { .. }) {
                "FunctionDef"
            } else {
                "AsyncFunctionDef"
            };
            body(b, owner)?;
            arguments(args)?;
            exprs(decorator_list, Load)?;
            opt(returns)
        }
        StmtKind::ClassDef { bases, keywords, body: b, decorator_list, .. } => {
            body(b, "ClassDef")?;
            exprs(bases, Load)?;
            keywords.iter().try_for_each(|k| load(&k.value))?;
            exprs(decorator_list, Load)
        }
        StmtKind::Return { value } => opt(value),
        StmtKind::Delete { targets } => {
            nonempty(targets, "targets", "Delete")?;
            exprs(targets, Del)
        }
        StmtKind::Assign { targets, value, .. } => {
            nonempty(targets, "targets", "Assign")?;
            exprs(targets, Store)?;
            load(value)
        }
        StmtKind::AugAssign { target, value, .. } => {
            expr(target, Store)?;
            load(value)
        }
        StmtKind::AnnAssign { target, annotation, value, simple } => {
            if *simple != 0 && !matches!(target.kind, ExprKind::Name { .. }) {
                return Err(PyErr::type_error("AnnAssign with simple non-Name target"));
            }
            expr(target, Store)?;
            opt(value)?;
            load(annotation)
        }
        StmtKind::For { target, iter, body: b, orelse, .. }
        | StmtKind::AsyncFor { target, iter, body: b, orelse, .. } => {
            expr(target, Store)?;
            load(iter)?;
            body(b, if matches!(s.kind, StmtKind::For { .. }) { "For" } else { "AsyncFor" })?;
            stmts(orelse)
        }
        StmtKind::While { test, body: b, orelse } | StmtKind::If { test, body: b, orelse } => {
            load(test)?;
            body(b, if matches!(s.kind, StmtKind::While { .. }) { "While" } else { "If" })?;
            stmts(orelse)
        }
        StmtKind::With { items, body: b, .. } | StmtKind::AsyncWith { items, body: b, .. } => {
            let owner = if matches!(s.kind, StmtKind::With { .. }) { "With" } else { "AsyncWith" };
            nonempty(items, "items", owner)?;
            for item in items {
                load(&item.context_expr)?;
                if let Some(v) = &item.optional_vars {
                    expr(v, Store)?;
                }
            }
            body(b, owner)
        }
        StmtKind::Match { subject, cases } => {
            load(subject)?;
            nonempty(cases, "cases", "Match")?;
            for case in cases {
                pattern(&case.pattern, false)?;
                opt(&case.guard)?;
                body(&case.body, "match_case")?;
            }
            Ok(())
        }
        StmtKind::Raise { exc, cause } => match exc {
            Some(e) => {
                load(e)?;
                opt(cause)
            }
            None if cause.is_some() => Err(value_error("Raise with cause but no exception")),
            None => Ok(()),
        },
        StmtKind::Try { body: b, handlers, orelse, finalbody }
        | StmtKind::TryStar { body: b, handlers, orelse, finalbody } => {
            let owner = if matches!(s.kind, StmtKind::Try { .. }) { "Try" } else { "TryStar" };
            body(b, owner)?;
            if handlers.is_empty() && finalbody.is_empty() {
                return Err(value_error(format!("{owner} has neither except handlers nor finalbody")));
            }
            if handlers.is_empty() && !orelse.is_empty() {
                return Err(value_error(format!("{owner} has orelse but no except handlers")));
            }
            for h in handlers {
                opt(&h.type_)?;
                body(&h.body, "ExceptHandler")?;
            }
            stmts(finalbody)?;
            stmts(orelse)
        }
        StmtKind::Assert { test, msg } => {
            load(test)?;
            opt(msg)
        }
        StmtKind::Import { names } => nonempty(names, "names", "Import"),
        StmtKind::ImportFrom { names, level, .. } => {
            if level.unwrap_or(0) < 0 {
                return Err(value_error("Negative ImportFrom level"));
            }
            nonempty(names, "names", "ImportFrom")
        }
        StmtKind::Global { names } => nonempty(names, "names", "Global"),
        StmtKind::Nonlocal { names } => nonempty(names, "names", "Nonlocal"),
        StmtKind::Expr { value } => load(value),
        StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
    }
}

fn arguments(a: &Arguments) -> Check {
    let annotations = |args: &[Arg]| args.iter().try_for_each(|a| opt(&a.annotation));
    annotations(&a.posonlyargs)?;
    annotations(&a.args)?;
    if let Some(v) = &a.vararg {
        opt(&v.annotation)?;
    }
    annotations(&a.kwonlyargs)?;
    if let Some(k) = &a.kwarg {
        opt(&k.annotation)?;
    }
    if a.defaults.len() > a.posonlyargs.len() + a.args.len() {
        return Err(value_error("more positional defaults than args on arguments"));
    }
    if a.kw_defaults.len() != a.kwonlyargs.len() {
        return Err(value_error("length of kwonlyargs is not the same as kw_defaults on arguments"));
    }
    exprs(&a.defaults, ExprContext::Load)?;
    a.kw_defaults.iter().flatten().try_for_each(load)
}

fn name(id: &str) -> Check {
    if matches!(id, "None" | "True" | "False") {
        return Err(value_error(format!("identifier field can't represent '{id}' constant")));
    }
    Ok(())
}

fn comprehension(generators: &[Comprehension]) -> Check {
    if generators.is_empty() {
        return Err(value_error("comprehension with no generators"));
    }
    for g in generators {
        expr(&g.target, ExprContext::Store)?;
        load(&g.iter)?;
        exprs(&g.ifs, ExprContext::Load)?;
    }
    Ok(())
}

fn expr(e: &Expr, ctx: ExprContext) -> Check {
    let actual = match &e.kind {
        ExprKind::Attribute { ctx, .. }
        | ExprKind::Subscript { ctx, .. }
        | ExprKind::Starred { ctx, .. }
        | ExprKind::Name { ctx, .. }
        | ExprKind::List { ctx, .. }
        | ExprKind::Tuple { ctx, .. } => Some(*ctx),
        _ => None,
    };
    match actual {
        Some(actual) if actual != ctx => {
            return Err(value_error(format!(
                "expression must have {} context but has {} instead",
                ctx.name(),
                actual.name()
            )))
        }
        None if ctx != ExprContext::Load => {
            return Err(value_error(format!(
                "expression which can't be assigned to in {} context",
                ctx.name()
            )))
        }
        _ => {}
    }
    match &e.kind {
        ExprKind::BoolOp { values, .. } => {
            if values.len() < 2 {
                return Err(value_error("BoolOp with less than 2 values"));
            }
            exprs(values, ExprContext::Load)
        }
        ExprKind::BinOp { left, right, .. } => {
            load(left)?;
            load(right)
        }
        ExprKind::UnaryOp { operand, .. } => load(operand),
        ExprKind::Lambda { args, body } => {
            arguments(args)?;
            load(body)
        }
        ExprKind::IfExp { test, body, orelse } => {
            load(test)?;
            load(body)?;
            load(orelse)
        }
        ExprKind::Dict { keys, values } => {
            if keys.len() != values.len() {
                return Err(value_error("Dict doesn't have the same number of keys as values"));
            }
            keys.iter().flatten().try_for_each(load)?;
            exprs(values, ExprContext::Load)
        }
        ExprKind::Set { elts } => exprs(elts, ExprContext::Load),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            comprehension(generators)?;
            load(elt)
        }
        ExprKind::DictComp { key, value, generators } => {
            comprehension(generators)?;
            load(key)?;
            load(value)
        }
        ExprKind::Yield { value } => opt(value),
        ExprKind::YieldFrom { value } | ExprKind::Await { value } => load(value),
        ExprKind::Compare { left, ops, comparators } => {
            if comparators.is_empty() {
                return Err(value_error("Compare with no comparators"));
            }
            if comparators.len() != ops.len() {
                return Err(value_error("Compare has a different number of comparators and operands"));
            }
            exprs(comparators, ExprContext::Load)?;
            load(left)
        }
        ExprKind::Call { func, args, keywords } => {
            load(func)?;
            exprs(args, ExprContext::Load)?;
            keywords.iter().try_for_each(|k| load(&k.value))
        }
        ExprKind::Constant { .. } => Ok(()),
        ExprKind::JoinedStr { values } => exprs(values, ExprContext::Load),
        ExprKind::FormattedValue { value, format_spec, conversion } => {
            if !matches!(conversion, -1 | 97 | 114 | 115) {
                // The compiler's error in CPython.
                return Err(PyErr::new(
                    crate::exceptions::ExcKind::SystemError,
                    format!("Unrecognized conversion character {conversion}"),
                ));
            }
            load(value)?;
            opt(format_spec)
        }
        ExprKind::Attribute { value, .. } => load(value),
        ExprKind::Subscript { value, slice, .. } => {
            load(slice)?;
            load(value)
        }
        ExprKind::Starred { value, .. } => expr(value, ctx),
        ExprKind::Slice { lower, upper, step } => {
            opt(lower)?;
            opt(upper)?;
            opt(step)
        }
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => exprs(elts, ctx),
        ExprKind::NamedExpr { target, value } => {
            if !matches!(target.kind, ExprKind::Name { .. }) {
                return Err(PyErr::type_error("NamedExpr target must be a Name"));
            }
            load(value)
        }
        ExprKind::Name { id, .. } => name(id),
    }
}

fn capture(id: &str) -> Check {
    if id == "_" {
        return Err(value_error("can't capture name '_' in patterns"));
    }
    name(id)
}

fn match_value(e: &Expr) -> Check {
    load(e)?;
    match &e.kind {
        ExprKind::Constant { value, .. } => match value {
            Constant::Int(_)
            | Constant::Float(_)
            | Constant::Bytes(_)
            | Constant::Complex { .. }
            | Constant::Str(_) => Ok(()),
            _ => Err(value_error("unexpected constant inside of a literal pattern")),
        },
        ExprKind::Attribute { .. } | ExprKind::JoinedStr { .. } => Ok(()),
        ExprKind::UnaryOp { op: UnaryOp::USub, .. } => Ok(()),
        ExprKind::BinOp { op: Operator::Add | Operator::Sub, .. } => Ok(()),
        _ => Err(value_error("patterns may only match literals and attribute lookups")),
    }
}

fn patterns(items: &[Pattern], star_ok: bool) -> Check {
    items.iter().try_for_each(|p| pattern(p, star_ok))
}

fn pattern(p: &Pattern, star_ok: bool) -> Check {
    match &p.kind {
        PatternKind::MatchValue { value } => match_value(value),
        PatternKind::MatchSingleton { value } => match value {
            Constant::None | Constant::Bool(_) => Ok(()),
            _ => Err(value_error("MatchSingleton can only contain True, False and None")),
        },
        PatternKind::MatchSequence { patterns: ps } => patterns(ps, true),
        PatternKind::MatchMapping { keys, patterns: ps, rest } => {
            if keys.len() != ps.len() {
                return Err(value_error("MatchMapping doesn't have the same number of keys as patterns"));
            }
            if let Some(r) = rest {
                capture(r)?;
            }
            for key in keys {
                if let ExprKind::Constant { value: Constant::None | Constant::Bool(_), .. } = key.kind {
                    continue;
                }
                match_value(key)?;
            }
            patterns(ps, false)
        }
        PatternKind::MatchClass { cls, patterns: ps, kwd_attrs, kwd_patterns } => {
            load(cls)?;
            let mut c = &**cls;
            loop {
                match &c.kind {
                    ExprKind::Name { .. } => break,
                    ExprKind::Attribute { value, .. } => c = value,
                    _ => {
                        return Err(value_error(
                            "MatchClass cls field can only contain Name or Attribute nodes.",
                        ))
                    }
                }
            }
            if kwd_attrs.len() != kwd_patterns.len() {
                return Err(value_error(
                    "MatchClass doesn't have the same number of keyword attributes as patterns",
                ));
            }
            kwd_attrs.iter().try_for_each(|a| name(a))?;
            patterns(ps, false)?;
            patterns(kwd_patterns, false)
        }
        PatternKind::MatchStar { name: n } => {
            if !star_ok {
                return Err(value_error("can't use MatchStar here"));
            }
            n.as_deref().map_or(Ok(()), capture)
        }
        PatternKind::MatchAs { pattern: inner, name: n } => {
            if let Some(n) = n {
                capture(n)?;
            }
            match inner {
                Some(_) if n.is_none() => {
                    Err(value_error("MatchAs must specify a target name if a pattern is given"))
                }
                Some(inner) => pattern(inner, false),
                None => Ok(()),
            }
        }
        PatternKind::MatchOr { patterns: ps } => {
            if ps.len() < 2 {
                return Err(value_error("MatchOr requires at least 2 patterns"));
            }
            patterns(ps, false)
        }
    }
}
