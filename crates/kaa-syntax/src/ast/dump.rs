//! `ast.dump` with CPython 3.11's exact layout.
//!
//! A node prints on one line when all its children are "simple" (not nodes with fields, not
//! non-empty lists) and it has at most three of them; otherwise one child per line, indented.
//! Fields holding `None` are left out, as CPython does for optional fields.

use super::constant::Constant;
use super::{Mod, Span};

pub struct Dumper {
    /// `None` for the single-line form.
    pub indent: Option<String>,
    pub include_attributes: bool,
    /// Set when a value cannot be shown, as `repr` would raise in CPython (an int over the
    /// 4300-digit conversion limit).
    pub error: std::cell::RefCell<Option<String>>,
    /// Nesting of `_format` calls CPython's `ast.dump` would be in (nodes, lists and values).
    depth: std::cell::Cell<usize>,
}

/// How deep CPython's `ast.dump` recursion gets under `python -m ast` before RecursionError:
/// the default limit of 1000 frames, less the ten already in use below `_format`.
const MAX_FORMAT_DEPTH: usize = 990;

/// Anything that can appear in a dumped tree: nodes, lists, identifiers, numbers, constants.
pub trait Dump {
    /// The text and whether it counts as "simple" for the one-line rule.
    fn dump(&self, d: &Dumper, level: usize) -> (String, bool);
    /// `None` values are omitted from their parent's field list.
    fn is_none(&self) -> bool {
        false
    }
}

impl Dumper {
    pub fn new(indent: Option<usize>, include_attributes: bool) -> Dumper {
        Dumper {
            indent: indent.map(|n| " ".repeat(n)),
            include_attributes,
            error: Default::default(),
            depth: Default::default(),
        }
    }

    /// Enters one `_format` level; false (with the error recorded) past CPython's recursion limit.
    fn enter(&self) -> bool {
        if self.error.borrow().is_some() {
            return false;
        }
        let d = self.depth.get() + 1;
        if d > MAX_FORMAT_DEPTH {
            *self.error.borrow_mut() =
                Some("RecursionError: maximum recursion depth exceeded while calling a Python object".into());
            return false;
        }
        self.depth.set(d);
        true
    }

    /// A scalar value: one `_format` call that recurses no further.
    fn leaf(&self, text: impl FnOnce() -> String) -> (String, bool) {
        if !self.enter() {
            return (String::new(), true);
        }
        self.leave();
        (text(), true)
    }

    fn leave(&self) {
        self.depth.set(self.depth.get() - 1);
    }

    fn layout(&self, level: usize) -> (usize, String, String) {
        match &self.indent {
            Some(ind) => {
                let level = level + 1;
                let pad = ind.repeat(level);
                (level, format!("\n{pad}"), format!(",\n{pad}"))
            }
            None => (level, String::new(), ", ".into()),
        }
    }

    pub fn node(
        &self,
        name: &str,
        level: usize,
        fields: &[(&str, &dyn Dump)],
        span: Option<&Span>,
    ) -> (String, bool) {
        if !self.enter() {
            return (String::new(), true);
        }
        let r = self.node_fields(name, level, fields, span);
        self.leave();
        // Once dumping has failed, the text is thrown away: don't build it (it can be huge).
        if self.error.borrow().is_some() {
            return (String::new(), true);
        }
        r
    }

    fn node_fields(
        &self,
        name: &str,
        level: usize,
        fields: &[(&str, &dyn Dump)],
        span: Option<&Span>,
    ) -> (String, bool) {
        let (level, prefix, sep) = self.layout(level);
        let mut args: Vec<String> = Vec::with_capacity(fields.len() + 4);
        let mut all_simple = true;
        for (fname, value) in fields {
            if value.is_none() {
                continue;
            }
            let (text, simple) = value.dump(self, level);
            all_simple &= simple;
            args.push(format!("{fname}={text}"));
        }
        if self.include_attributes {
            if let Some(s) = span {
                for (fname, v) in [
                    ("lineno", s.lineno),
                    ("col_offset", s.col_offset),
                    ("end_lineno", s.end_lineno),
                    ("end_col_offset", s.end_col_offset),
                ] {
                    args.push(format!("{fname}={v}"));
                }
            }
        }
        if all_simple && args.len() <= 3 {
            let simple = args.is_empty();
            return (format!("{name}({})", args.join(", ")), simple);
        }
        (format!("{name}({prefix}{})", args.join(&sep)), false)
    }
}

impl<T: Dump> Dump for Vec<T> {
    fn dump(&self, d: &Dumper, level: usize) -> (String, bool) {
        if !d.enter() {
            return (String::new(), true);
        }
        if self.is_empty() {
            d.leave();
            return ("[]".into(), true);
        }
        let (level, prefix, sep) = d.layout(level);
        let items: Vec<String> = self.iter().map(|x| x.dump(d, level).0).collect();
        d.leave();
        if d.error.borrow().is_some() {
            return (String::new(), true);
        }
        (format!("[{prefix}{}]", items.join(&sep)), false)
    }
}

impl<T: Dump> Dump for Option<T> {
    fn dump(&self, d: &Dumper, level: usize) -> (String, bool) {
        match self {
            Some(x) => x.dump(d, level),
            None => d.leaf(|| "None".into()),
        }
    }
    fn is_none(&self) -> bool {
        self.is_none()
    }
}

impl<T: Dump> Dump for Box<T> {
    fn dump(&self, d: &Dumper, level: usize) -> (String, bool) {
        (**self).dump(d, level)
    }
}

impl Dump for String {
    fn dump(&self, d: &Dumper, _: usize) -> (String, bool) {
        d.leaf(|| crate::repr::str_repr(&crate::PyStr::from(self.as_str())))
    }
}

impl Dump for i64 {
    fn dump(&self, d: &Dumper, _: usize) -> (String, bool) {
        d.leaf(|| self.to_string())
    }
}

/// CPython's default `sys.get_int_max_str_digits()`.
const INT_MAX_STR_DIGITS: usize = 4300;

impl Dump for Constant {
    fn dump(&self, d: &Dumper, _: usize) -> (String, bool) {
        let (text, simple) = d.leaf(|| self.repr());
        if let Constant::Int(super::Int::Big(_)) = self {
            if text.trim_start_matches('-').len() > INT_MAX_STR_DIGITS {
                *d.error.borrow_mut() = Some(format!(
                    "ValueError: Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
                ));
            }
        }
        (text, simple)
    }
}

/// `ast.dump(tree, indent=indent, include_attributes=...)`.
pub fn dump(tree: &Mod, indent: Option<usize>, include_attributes: bool) -> String {
    tree.dump(&Dumper::new(indent, include_attributes), 0).0
}

/// `ast.dump`, failing (with the ValueError message) where CPython's `repr` of a value would.
pub fn try_dump(tree: &Mod, indent: Option<usize>, include_attributes: bool) -> Result<String, String> {
    let d = Dumper::new(indent, include_attributes);
    let text = tree.dump(&d, 0).0;
    match d.error.into_inner() {
        Some(e) => Err(e),
        None => Ok(text),
    }
}
