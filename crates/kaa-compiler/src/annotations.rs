//! Variable annotations (`x: int = 1`) in module and class bodies: which bodies need an
//! `__annotations__` dict, whether `from __future__ import annotations` is in effect, and the
//! source text an annotation is stored as under that future import.

use kaa_syntax::ast::{Constant, Expr, ExprKind, Operator, Stmt, StmtKind};

/// Does this body (not counting nested functions and classes) contain an annotated assignment?
/// CPython sets up `__annotations__` for such module and class bodies.
pub fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. }
        | StmtKind::AsyncFor { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => has_annotations(body) || has_annotations(orelse),
        StmtKind::With { body, .. } | StmtKind::AsyncWith { body, .. } => has_annotations(body),
        StmtKind::Match { cases, .. } => cases.iter().any(|c| has_annotations(&c.body)),
        StmtKind::Try { body, handlers, orelse, finalbody }
        | StmtKind::TryStar { body, handlers, orelse, finalbody } => {
            has_annotations(body)
                || handlers.iter().any(|h| has_annotations(&h.body))
                || has_annotations(orelse)
                || has_annotations(finalbody)
        }
        _ => false,
    })
}

/// Is `from __future__ import annotations` among the module's leading future imports?
pub fn future_annotations(body: &[Stmt]) -> bool {
    body.iter()
        .take_while(|s| match &s.kind {
            StmtKind::ImportFrom { module, .. } => module.as_deref() == Some("__future__"),
            StmtKind::Expr { value } => {
                matches!(value.kind, ExprKind::Constant { value: Constant::Str(_), .. })
            }
            _ => false,
        })
        .any(|s| match &s.kind {
            StmtKind::ImportFrom { names, .. } => names.iter().any(|a| a.name == "annotations"),
            _ => false,
        })
}

/// The annotation as source text (what PEP 563 stores): the common annotation forms are
/// reproduced as `ast.unparse` writes them; anything else becomes `...`.
pub fn annotation_text(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Name { id, .. } => id.clone(),
        ExprKind::Attribute { value, attr, .. } => format!("{}.{attr}", annotation_text(value)),
        ExprKind::Subscript { value, slice, .. } => {
            let inner = match &slice.kind {
                ExprKind::Tuple { elts, .. } if !elts.is_empty() => {
                    elts.iter().map(annotation_text).collect::<Vec<_>>().join(", ")
                }
                _ => annotation_text(slice),
            };
            format!("{}[{inner}]", annotation_text(value))
        }
        ExprKind::Tuple { elts, .. } => match elts.len() {
            0 => "()".to_string(),
            1 => format!("({},)", annotation_text(&elts[0])),
            _ => format!("({})", elts.iter().map(annotation_text).collect::<Vec<_>>().join(", ")),
        },
        ExprKind::List { elts, .. } => {
            format!("[{}]", elts.iter().map(annotation_text).collect::<Vec<_>>().join(", "))
        }
        ExprKind::BinOp { left, op: Operator::BitOr, right } => {
            format!("{} | {}", annotation_text(left), annotation_text(right))
        }
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None".to_string(),
            Constant::Bool(b) => if *b { "True" } else { "False" }.to_string(),
            Constant::Ellipsis => "...".to_string(),
            Constant::Str(s) => python_str_repr(&s.to_string_lossy()),
            _ => "...".to_string(),
        },
        _ => "...".to_string(),
    }
}

/// `repr()` of a str (quotes chosen as Python chooses them).
fn python_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}
