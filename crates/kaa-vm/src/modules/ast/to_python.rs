//! Kaa's Rust AST → `_ast` node objects (what `ast.parse` returns).
//!
//! Nodes are made directly (no `__init__` call): an instance of the node class whose dict holds
//! the fields in schema order, then the position attributes, as CPython's `ast2obj` fills them.
//! Context and operator nodes are per-interpreter singletons (`Load()` is always the same
//! object), as in CPython 3.11. The per-node code is generated (`codec.rs`).

use super::codec::Class;
use super::AstState;
use crate::exceptions::{ExcKind, PyErr, PyResult};
use crate::interp::Vm;
use crate::objects::dict::DictObject;
use crate::objects::types::InstanceObject;
use crate::value::Value;
use kaa_syntax::ast::{Constant, Int, Span};
use std::rc::Rc;

pub trait ToPy {
    fn to_py(&self, cx: &mut ToPyCx) -> PyResult<Value>;
}

pub struct ToPyCx<'a> {
    pub vm: &'a mut Vm,
    state: Rc<AstState>,
    depth: usize,
    limit: usize,
}

impl<'a> ToPyCx<'a> {
    pub fn new(vm: &'a mut Vm, state: Rc<AstState>) -> ToPyCx<'a> {
        // CPython allows three levels of node per level of its recursion limit, counting from
        // the C stack depth of `compile()` (scaled the same way), which Python calls in 3.11
        // leave unchanged: 4 levels.
        let limit = vm.recursion_limit.saturating_mul(3);
        let depth = 4 * 3;
        ToPyCx { vm, state, depth, limit }
    }

    #[inline]
    pub fn enter(&mut self) -> PyResult<()> {
        self.depth += 1;
        if self.depth > self.limit {
            return Err(too_deep());
        }
        Ok(())
    }

    #[inline]
    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    /// A node of class `class` with `fields` (in `_fields` order) and, for nodes that have
    /// them, the four position attributes.
    pub fn node<const N: usize>(&mut self, class: Class, fields: [Value; N], span: Option<&Span>) -> Value {
        let state = &self.state;
        let dict = DictObject::new();
        for (key, value) in state.field_keys[class as usize].iter().zip(fields) {
            // Keys are str: setting cannot fail.
            let _ = dict.set(key.clone(), value);
        }
        if let Some(s) = span {
            let values = [s.lineno, s.col_offset, s.end_lineno, s.end_col_offset];
            for (key, v) in state.attribute_keys.iter().zip(values) {
                let _ = dict.set(key.clone(), Value::Int(v as i64));
            }
        }
        let node =
            Value::Instance(Rc::new(InstanceObject::with_dict(state.classes[class as usize].clone(), dict)));
        self.vm.gc_track(&node);
        node
    }

    pub fn singleton(&self, class: Class) -> Value {
        self.state.singletons[class as usize].clone()
    }

    /// Identifiers are interned, as CPython's are.
    pub fn identifier(&mut self, name: &str) -> Value {
        self.vm.intern(name)
    }

    pub fn opt_identifier(&mut self, name: &Option<String>) -> Value {
        match name {
            Some(n) => self.vm.intern(n),
            None => Value::None,
        }
    }

    pub fn identifiers(&mut self, names: &[String]) -> Value {
        let items = names.iter().map(|n| self.vm.intern(n)).collect();
        self.vm.new_list(items)
    }

    pub fn string(&mut self, s: &str) -> Value {
        Value::str(s)
    }

    pub fn opt_string(&mut self, s: &Option<String>) -> Value {
        s.as_deref().map_or(Value::None, Value::str)
    }

    pub fn opt_int(&mut self, i: Option<i64>) -> Value {
        i.map_or(Value::None, Value::Int)
    }

    pub fn constant(&mut self, c: &Constant) -> PyResult<Value> {
        Ok(constant_value(c))
    }

    pub fn list(&mut self, items: Vec<Value>) -> Value {
        self.vm.new_list(items)
    }
}

#[cold]
fn too_deep() -> PyErr {
    PyErr::new(ExcKind::RecursionError, "maximum recursion depth exceeded during ast construction")
}

/// The Python value of a constant.
pub fn constant_value(c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Int(Int::Small(i)) => Value::Int(*i),
        Constant::Int(Int::Big(b)) => Value::from_bigint(b.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex { real, imag } => crate::objects::complex::new_complex(*real, *imag),
        // The VM's str cannot hold lone surrogates (see `PyStr`).
        Constant::Str(s) => Value::str(&s.to_string_lossy()),
        Constant::Bytes(b) => crate::objects::bytes::new_bytes(b.clone()),
        Constant::Ellipsis => Value::Ellipsis,
        Constant::Tuple(items) => Value::Tuple(Rc::new(items.iter().map(constant_value).collect())),
        Constant::FrozenSet(items) => {
            let set = crate::objects::set::SetObject::new(true);
            for item in items {
                // Constants always hash.
                let _ = set.add(constant_value(item));
            }
            Value::Set(Rc::new(set))
        }
    }
}

impl<T: ToPy> ToPy for Vec<T> {
    fn to_py(&self, cx: &mut ToPyCx) -> PyResult<Value> {
        let mut items = Vec::with_capacity(self.len());
        for item in self {
            items.push(item.to_py(cx)?);
        }
        Ok(cx.list(items))
    }
}

impl<T: ToPy> ToPy for Option<T> {
    fn to_py(&self, cx: &mut ToPyCx) -> PyResult<Value> {
        match self {
            Some(x) => x.to_py(cx),
            None => Ok(Value::None),
        }
    }
}

impl<T: ToPy> ToPy for Box<T> {
    fn to_py(&self, cx: &mut ToPyCx) -> PyResult<Value> {
        (**self).to_py(cx)
    }
}
